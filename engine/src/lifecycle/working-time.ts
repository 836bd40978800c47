/**
 * @module WorkingTime — the working-time operations the lifecycles need, bound to one calendar. The arithmetic
 * itself lives in engine/src/time/; the lifecycles only ever ask these questions, so a clock can be re-projected
 * on another calendar (DOMAIN.md "When the calendar changes … open deadlines are re-projected").
 */
import type { Budget } from '../model/procedure-definition';
import { addWorkingTime, computeDueDate, workingTimeBetween, type DueDateOptions, type WorkingCalendar } from '../time/index';

export interface WorkingTime {
  /** Due instant of `budget` counted from `startAt` (15:00 cut-off, out-of-hours receipt, Civil Code Art. 148). */
  computeDueDate(startAt: number, budget: Budget): { dueAt: number; effectiveStartAt: number };
  /** Working milliseconds between two instants (0 when `toAt <= fromAt`). */
  workingTimeBetween(fromAt: number, toAt: number): number;
  /** The instant reached after `workingMs` of working time from `fromAt`. */
  addWorkingTime(fromAt: number, workingMs: number): number;
}

/** Systems count 8 working hours per day (DOMAIN.md "Time"). */
export const WORKING_HOUR_MS = 3_600_000;
export const WORKING_DAY_MS = 8 * WORKING_HOUR_MS;

/**
 * Binds the working-time arithmetic of engine/src/time to one calendar.
 * @example
 * const time = toWorkingTime(createVietnamWorkingCalendar());
 */
export function toWorkingTime(calendar: WorkingCalendar, options: DueDateOptions = {}): WorkingTime {
  return {
    computeDueDate: (startAt, budget) => {
      const { dueAt, effectiveStartAt } = computeDueDate(calendar, startAt, budget, options);
      return { dueAt, effectiveStartAt };
    },
    workingTimeBetween: (fromAt, toAt) => workingTimeBetween(calendar, fromAt, toAt),
    addWorkingTime: (fromAt, workingMs) => addWorkingTime(calendar, fromAt, workingMs),
  };
}
