/**
 * @module timekeeping — everything bound to one working calendar: the calendar, its working-time arithmetic and the
 * two lifecycle statecharts built on it. Snapshots restore on the machines of any calendar (same statechart), so a
 * changed calendar only needs new machines and a `calendar.changed` event (DOMAIN.md "When the calendar changes").
 */
import {
  createDossierLifecycleMachine,
  createStepClockMachine,
  createVietnamWorkingCalendar,
  toWorkingTime,
  type CalendarLayer,
  type DossierLifecycleMachine,
  type StepClockMachine,
  type WorkingCalendar,
  type WorkingTime,
} from '../../../engine/src/index';

export interface Timekeeping {
  calendar: WorkingCalendar;
  time: WorkingTime;
  dossierMachine: DossierLifecycleMachine;
  stepMachine: StepClockMachine;
}

/** Where the current calendar comes from: fixed in tests, the calendar store in the server. */
export interface CalendarSource {
  current(): Promise<Timekeeping>;
}

export function toTimekeeping(calendar: WorkingCalendar): Timekeeping {
  const time = toWorkingTime(calendar);
  return { calendar, time, dossierMachine: createDossierLifecycleMachine(time), stepMachine: createStepClockMachine(time) };
}

/** The national Vietnamese calendar plus local layers, never changing. */
export function fixedCalendarSource(localLayers: readonly CalendarLayer[] = []): CalendarSource {
  const kit = toTimekeeping(createVietnamWorkingCalendar(localLayers));
  return { current: async () => kit };
}
