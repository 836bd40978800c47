/**
 * @module nearly-due-at — the instant a step becomes nearly due (sắp đến hạn). There is no national threshold
 * (DOMAIN.md "Early, on time, overdue, nearly due"): each procedure or step sets a share of its budget used, or a
 * number of working hours before the due instant.
 */
import type { Budget, NearlyDueThreshold } from '../model/procedure-definition';
import { resolveDueDate, type DueDateOptions } from './due-date';
import { HOUR_MS } from './local-day';
import type { WorkingCalendar } from './working-calendar';
import { addWorkingTime, workingTimeBetween } from './working-time-between';

/**
 * For `percentOfBudget`: the instant when that share of the budget's working time is used (calendar days: of
 * the elapsed time); for `workingHoursBefore`: that many working hours before due. Never before counting starts,
 * never after the due instant.
 * @example nearlyDueAt(calendar, receivedAt, { value: 10, unit: 'workingDays' }, { kind: 'percentOfBudget', percent: 75 })
 */
export function nearlyDueAt(
  calendar: WorkingCalendar,
  startAt: number,
  budget: Budget,
  threshold: NearlyDueThreshold,
  options: DueDateOptions = {},
): number {
  const { dueAt, effectiveStartAt } = resolveDueDate(calendar, startAt, budget, options);
  if (dueAt <= effectiveStartAt) return dueAt;
  let at: number;
  if (threshold.kind === 'percentOfBudget') {
    const share = Math.min(Math.max(threshold.percent, 0), 100) / 100;
    at = budget.unit === 'calendarDays'
      ? effectiveStartAt + Math.round((dueAt - effectiveStartAt) * share)
      : addWorkingTime(calendar, effectiveStartAt, Math.round(workingTimeBetween(calendar, effectiveStartAt, dueAt) * share));
  } else {
    at = addWorkingTime(calendar, dueAt, -Math.max(threshold.hours, 0) * HOUR_MS);
  }
  return Math.min(Math.max(at, effectiveStartAt), dueAt);
}
