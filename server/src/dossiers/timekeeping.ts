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

/**
 * Where calendars come from: fixed in tests, the calendar store in the server. Layers stack national → province →
 * agency (DOMAIN.md "Holidays"); an agency's own closure governs only that agency's clocks (issue 18).
 */
export interface CalendarSource {
  /** National and province layers: the calendar of a dossier whose receiving agency has no layer of its own. */
  current(): Promise<Timekeeping>;
  /** National and province layers plus the agency's own layer: the calendar its steps' clocks count on. */
  forAgency(agencyId: string | undefined): Promise<Timekeeping>;
}

export function toTimekeeping(calendar: WorkingCalendar): Timekeeping {
  const time = toWorkingTime(calendar);
  return { calendar, time, dossierMachine: createDossierLifecycleMachine(time), stepMachine: createStepClockMachine(time) };
}

/** The national Vietnamese calendar plus local layers (agency layers by their id), never changing. */
export function fixedCalendarSource(localLayers: readonly CalendarLayer[] = []): CalendarSource {
  const province = toTimekeeping(createVietnamWorkingCalendar(localLayers.filter((l) => l.level !== 'agency')));
  const byAgency = new Map<string, Timekeeping>();
  for (const layer of localLayers) {
    if (layer.level !== 'agency' || byAgency.has(layer.id)) continue;
    byAgency.set(layer.id, toTimekeeping(createVietnamWorkingCalendar(localLayers.filter((l) => l.level !== 'agency' || l.id === layer.id))));
  }
  return { current: async () => province, forAgency: async (agencyId) => (agencyId && byAgency.get(agencyId)) || province };
}
