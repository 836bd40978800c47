/**
 * @module due-date — when a budget received at an instant falls due, and why. Units (DOMAIN.md "Time"): working
 * days of 8 working hours keeping the time of day (received Wed 20/11/2019 08:37 + 25 working days → Wed 25/12/2019
 * 08:37), working hours, calendar days (Civil Code 2015 Art. 147–148), and same day with the 15:00 cut-off.
 */
import type { Budget } from '../model/procedure-definition';
import { explainDays, explainPeriodEndMove, explainStartMove, type ExplanationEntry } from './explanation-entry';
import { dueDateText } from './due-date-text';
import { HOUR_MS, localDayOf, msOfLocalDay, startOfLocalDay } from './local-day';
import type { LocalizedText, WorkingCalendar } from './working-calendar';
import { addWorkingTime, endOfWorkingDay, isWorkingInstant, nextWorkingDay, nextWorkingStart } from './working-time-between';

export interface DueDateOptions {
  /**
   * Where a start outside working hours counts from (DOMAIN.md: configurable): the start of the next working
   * period (default; a dossier received at 12:00 counts from 13:00) or of the next working day.
   */
  outsideHours?: 'nextWorkingPeriod' | 'nextWorkingDay';
  /** Apply the calendar's cut-off (15:00): default for `sameDay` only; set it for paper hand-overs. */
  applyCutOff?: boolean;
  /**
   * Calendar days end at the end of office hours of the last day (default) or at 24:00 (Civil Code 2015 Art. 148(3)).
   */
  calendarDayEnd?: 'endOfOfficeHours' | 'endOfDay';
  /** Working time already used before `startAt` (a paused step resuming): only the rest is counted. */
  consumedMs?: number;
}

export interface DueDate {
  dueAt: number;
  /** Where counting actually began (after a cut-off or an out-of-hours move). */
  effectiveStartAt: number;
  explanation: ExplanationEntry[];
  text: LocalizedText;
}

/** The budget as working time, for the working units; undefined for calendar days and same day. */
export function budgetWorkingMs(calendar: WorkingCalendar, budget: Budget): number | undefined {
  if (budget.unit === 'workingDays') return budget.value * calendar.workingDayMs;
  if (budget.unit === 'workingHours') return budget.value * HOUR_MS;
  return undefined;
}

/** The arithmetic's result; the explanation's words are only built by `computeDueDate`. */
interface Resolved {
  dueAt: number;
  effectiveStartAt: number;
  startMove?: 'cutOff' | 'outsideHours';
  /** Calendar days whose last day was not a working day: that last day. */
  movedLastDay?: number;
}

const dayHasWork = (calendar: WorkingCalendar, day: number): boolean =>
  endOfWorkingDay(calendar, day) > startOfLocalDay(day);

/** Start of counting: after the cut-off, the next working day; outside office hours, the next working period. */
function effectiveStart(calendar: WorkingCalendar, startAt: number, cutOff: boolean, options: DueDateOptions): Resolved {
  const day = localDayOf(startAt);
  if (cutOff && dayHasWork(calendar, day) && msOfLocalDay(startAt) > calendar.cutOffMs) {
    return { dueAt: Number.NaN, effectiveStartAt: nextWorkingStart(calendar, startOfLocalDay(day + 1)), startMove: 'cutOff' };
  }
  if (isWorkingInstant(calendar, startAt)) return { dueAt: Number.NaN, effectiveStartAt: startAt };
  let to = nextWorkingStart(calendar, startAt);
  if (options.outsideHours === 'nextWorkingDay' && localDayOf(to) === day && startAt > nextWorkingStart(calendar, startOfLocalDay(day))) {
    to = nextWorkingStart(calendar, startOfLocalDay(day + 1));
  }
  return { dueAt: Number.NaN, effectiveStartAt: to, startMove: 'outsideHours' };
}

function resolveDue(calendar: WorkingCalendar, startAt: number, budget: Budget, options: DueDateOptions): Resolved {
  if (!(budget.value >= 0) || !Number.isFinite(startAt)) {
    // The model parser validates budgets; reaching here is a bug, not a domain rejection (STYLE.md §4).
    throw new RangeError(`cannot count a budget of ${budget.value} ${budget.unit} from ${startAt}`);
  }
  if (budget.unit === 'calendarDays') {
    // Art. 147(1): the day of the event is not counted; Art. 148(1): the period ends with its last day;
    // Art. 148(2): a last day that is a weekly rest day or a holiday gives way to the next working day.
    const lastDay = localDayOf(startAt) + Math.ceil(budget.value);
    const endDay = nextWorkingDay(calendar, lastDay);
    const dueAt = options.calendarDayEnd === 'endOfDay' ? startOfLocalDay(endDay + 1) : endOfWorkingDay(calendar, endDay);
    const resolved: Resolved = { dueAt, effectiveStartAt: startOfLocalDay(localDayOf(startAt) + 1) };
    if (endDay !== lastDay) resolved.movedLastDay = lastDay;
    return resolved;
  }
  const start = effectiveStart(calendar, startAt, options.applyCutOff ?? budget.unit === 'sameDay', options);
  if (budget.unit === 'sameDay') {
    start.dueAt = endOfWorkingDay(calendar, localDayOf(start.effectiveStartAt));
  } else {
    const workingMs = Math.max(0, budgetWorkingMs(calendar, budget)! - (options.consumedMs ?? 0));
    start.dueAt = addWorkingTime(calendar, start.effectiveStartAt, workingMs);
  }
  return start;
}

/** The due and effective start instants without building the explanation: what a sweeper or a re-projection needs. */
export function resolveDueDate(
  calendar: WorkingCalendar,
  startAt: number,
  budget: Budget,
  options: DueDateOptions = {},
): Pick<DueDate, 'dueAt' | 'effectiveStartAt'> {
  const { dueAt, effectiveStartAt } = resolveDue(calendar, startAt, budget, options);
  return { dueAt, effectiveStartAt };
}

/**
 * The due instant of `budget` started at `startAt`, with its explanation: every non-working day skipped and why,
 * make-up working days counted, and any move of the start or end.
 * @example
 * computeDueDate(calendar, fromLocalDateTime('2019-11-20T08:37'), { value: 25, unit: 'workingDays' }).text.vi
 * // "Hạn: Thứ Tư 25/12/2019 08:37 — 25 ngày làm việc, tính từ Thứ Tư 20/11/2019 08:37. …"
 */
export function computeDueDate(calendar: WorkingCalendar, startAt: number, budget: Budget, options: DueDateOptions = {}): DueDate {
  const resolved = resolveDue(calendar, startAt, budget, options);
  let explanation: ExplanationEntry[];
  if (budget.unit === 'calendarDays') {
    // Days inside a calendar-day period count; only the non-working days that pushed its end are listed.
    const lastDay = resolved.movedLastDay;
    explanation = lastDay === undefined ? []
      : [...explainDays(calendar, lastDay, localDayOf(resolved.dueAt - 1) - 1), explainPeriodEndMove(lastDay, resolved.dueAt)];
  } else {
    const move = resolved.startMove
      ? [explainStartMove(resolved.startMove, startAt, resolved.effectiveStartAt, calendar.cutOffMs)] : [];
    explanation = [...move, ...explainDays(calendar, localDayOf(startAt), localDayOf(resolved.dueAt))];
  }
  return {
    dueAt: resolved.dueAt,
    effectiveStartAt: resolved.effectiveStartAt,
    explanation,
    text: dueDateText(budget, resolved.dueAt, resolved.effectiveStartAt, explanation),
  };
}
