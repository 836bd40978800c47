/**
 * @module due-date — when a budget received at an instant falls due, and why. Units (DOMAIN.md "Time"): working
 * days of 8 working hours keeping the time of day (received Wed 20/11/2019 08:37 + 25 working days → Wed 25/12/2019
 * 08:37), working hours, calendar days (Civil Code 2015 Art. 147–148), and same day with the 15:00 cut-off.
 */
import type { Budget } from '../model/procedure-definition';
import { explainDays, explainStartMove, type ExplanationEntry } from './explanation-entry';
import { dueDateText } from './due-date-text';
import { formatLocalDay } from './format-local-day';
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

interface Resolved {
  dueAt: number;
  effectiveStartAt: number;
  moves: ExplanationEntry[];
}

const dayHasWork = (calendar: WorkingCalendar, day: number): boolean =>
  endOfWorkingDay(calendar, day) > startOfLocalDay(day);

function formatCutOff(calendar: WorkingCalendar): string {
  const minutes = calendar.cutOffMs / 60_000;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Start of counting: after the cut-off, the next working day; outside office hours, the next working period. */
function effectiveStart(calendar: WorkingCalendar, startAt: number, cutOff: boolean, options: DueDateOptions): Resolved {
  const day = localDayOf(startAt);
  const moved = (kind: 'cutOff' | 'outsideHours', to: number): Resolved => ({
    dueAt: Number.NaN, effectiveStartAt: to, moves: [explainStartMove(kind, startAt, to, formatCutOff(calendar))],
  });
  if (cutOff && dayHasWork(calendar, day) && msOfLocalDay(startAt) > calendar.cutOffMs) {
    return moved('cutOff', nextWorkingStart(calendar, startOfLocalDay(day + 1)));
  }
  if (isWorkingInstant(calendar, startAt)) return { dueAt: Number.NaN, effectiveStartAt: startAt, moves: [] };
  let to = nextWorkingStart(calendar, startAt);
  if (options.outsideHours === 'nextWorkingDay' && localDayOf(to) === day && startAt > nextWorkingStart(calendar, startOfLocalDay(day))) {
    to = nextWorkingStart(calendar, startOfLocalDay(day + 1));
  }
  return moved('outsideHours', to);
}

function resolveDue(calendar: WorkingCalendar, startAt: number, budget: Budget, options: DueDateOptions): Resolved {
  if (budget.unit === 'calendarDays') {
    // Art. 147(1): the day of the event is not counted; Art. 148(1): the period ends with its last day.
    const lastDay = localDayOf(startAt) + Math.ceil(budget.value);
    const endDay = nextWorkingDay(calendar, lastDay);
    const dueAt = options.calendarDayEnd === 'endOfDay' ? startOfLocalDay(endDay + 1) : endOfWorkingDay(calendar, endDay);
    const moves: ExplanationEntry[] = [];
    if (endDay !== lastDay) {
      const [fromVi, fromEn, toVi, toEn] = [formatLocalDay(lastDay, 'vi'), formatLocalDay(lastDay, 'en'),
        formatLocalDay(endDay, 'vi'), formatLocalDay(endDay, 'en')];
      moves.push({ kind: 'periodEndMoved', at: startOfLocalDay(lastDay), movedTo: dueAt, text: {
        vi: `Ngày cuối của thời hạn (${fromVi}) là ngày nghỉ: thời hạn kết thúc vào cuối ngày làm việc tiếp theo, ${toVi} (Bộ luật Dân sự 2015, Điều 148)`,
        en: `The period's last day (${fromEn}) is not a working day: it ends at the end of the next working day, ${toEn} (Civil Code 2015, Art. 148)`,
      } });
    }
    return { dueAt, effectiveStartAt: startOfLocalDay(localDayOf(startAt) + 1), moves };
  }
  const start = effectiveStart(calendar, startAt, options.applyCutOff ?? budget.unit === 'sameDay', options);
  if (budget.unit === 'sameDay') {
    return { ...start, dueAt: endOfWorkingDay(calendar, localDayOf(start.effectiveStartAt)) };
  }
  const workingMs = Math.max(0, budgetWorkingMs(calendar, budget)! - (options.consumedMs ?? 0));
  return { ...start, dueAt: addWorkingTime(calendar, start.effectiveStartAt, workingMs) };
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
 * // "Hạn: Thứ Tư 25/12/2019 08:37 — 25 ngày làm việc tính từ Thứ Tư 20/11/2019 08:37. …"
 */
export function computeDueDate(calendar: WorkingCalendar, startAt: number, budget: Budget, options: DueDateOptions = {}): DueDate {
  const resolved = resolveDue(calendar, startAt, budget, options);
  let explanation: ExplanationEntry[];
  if (budget.unit === 'calendarDays') {
    // Days inside a calendar-day period count; only the non-working days that pushed its end are listed.
    const lastDay = localDayOf(startAt) + Math.ceil(budget.value);
    const endDay = localDayOf(resolved.dueAt - 1);
    explanation = endDay > lastDay ? [...explainDays(calendar, lastDay, endDay - 1), ...resolved.moves] : [];
  } else {
    explanation = [...resolved.moves, ...explainDays(calendar, localDayOf(startAt), localDayOf(resolved.dueAt))];
  }
  return {
    dueAt: resolved.dueAt,
    effectiveStartAt: resolved.effectiveStartAt,
    explanation,
    text: dueDateText(budget, resolved.dueAt, resolved.effectiveStartAt, explanation),
  };
}
