/**
 * @module timekeeping — everything bound to one working calendar: the calendar, its working-time arithmetic and the
 * two lifecycle statecharts built on it. Snapshots restore on the machines of any calendar (same statechart), so a
 * changed calendar only needs new machines and a `calendar.changed` event (DOMAIN.md "When the calendar changes").
 * Layers stack national → province → agency (DOMAIN.md "Holidays"): each step's clock counts on the calendar of the
 * agency holding the step, the dossier's on the receiving agency's.
 */
import { createDossierLifecycleMachine, type DossierLifecycleMachine } from '../lifecycle/dossier-lifecycle-machine';
import { createStepClockMachine, type StepClockMachine } from '../lifecycle/step-clock-machine';
import { toWorkingTime, type WorkingTime } from '../lifecycle/working-time';
import type { WorkingCalendar } from '../time/working-calendar';

export interface Timekeeping {
  calendar: WorkingCalendar;
  time: WorkingTime;
  dossierMachine: DossierLifecycleMachine;
  stepMachine: StepClockMachine;
}

/** The calendars of every jurisdiction, as they stand for one decision. */
export interface Calendars {
  /** National and province layers plus the agency's own layer (no agency: national and province only). */
  forAgency(agencyId: string | undefined): Timekeeping;
}

export function toTimekeeping(calendar: WorkingCalendar): Timekeeping {
  const time = toWorkingTime(calendar);
  return { calendar, time, dossierMachine: createDossierLifecycleMachine(time), stepMachine: createStepClockMachine(time) };
}
