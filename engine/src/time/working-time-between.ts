/**
 * @module working-time-between — working-time arithmetic on a compiled calendar: how much working time lies
 * between two instants (used when a step is paused: remaining = budget − used), and which instant lies a given
 * working time after another. Each instant maps to a position = working ms since 1 January of its year.
 */
import { EngineError } from '../errors';
import { civilDateOf, localDayOf, msOfLocalDay, startOfLocalDay, type LocalDay } from './local-day';
import type { WorkingCalendar } from './working-calendar';
import { dayIndexBefore, instantInDay, workedBefore, type YearTable } from './year-table';

/** Beyond this many years without a working minute, the calendar is broken rather than the question. */
const MAX_YEARS_WITHOUT_WORK = 50;

function yearTableOfDay(calendar: WorkingCalendar, day: LocalDay): YearTable {
  // Years are short: try the cached guess of the day's year from its number before the exact civil conversion.
  const guess = calendar.yearTable(1970 + Math.floor(day / 365.2425));
  if (day >= guess.firstDay && day < guess.firstDay + guess.dayCount) return guess;
  return calendar.yearTable(civilDateOf(day).year);
}

/** Working ms from 1 January 00:00 of the instant's year to the instant, with that year's table. */
function positionOf(calendar: WorkingCalendar, at: number): { table: YearTable; positionMs: number } {
  const day = localDayOf(at);
  const table = yearTableOfDay(calendar, day);
  const index = day - table.firstDay;
  const periods = table.patterns[table.patternOfDay[index]!]!;
  return { table, positionMs: table.cumulativeMs[index]! + workedBefore(periods, msOfLocalDay(at)) };
}

function noWorkingTime(): never {
  throw new EngineError({
    code: 'CALENDAR_INVALID',
    message: `the working calendar has no working time within ${MAX_YEARS_WITHOUT_WORK} years`,
  });
}

/** The earliest instant whose position in `table`'s year is `target` (0 < target ≤ totalMs). */
function instantAt(table: YearTable, target: number): number {
  const index = dayIndexBefore(table, target);
  const periods = table.patterns[table.patternOfDay[index]!]!;
  return startOfLocalDay(table.firstDay + index) + instantInDay(periods, target - table.cumulativeMs[index]!);
}

/** Working time in ms between two instants; 0 when `toAt` is not after `fromAt`. */
export function workingTimeBetween(calendar: WorkingCalendar, fromAt: number, toAt: number): number {
  if (toAt <= fromAt) return 0;
  const from = positionOf(calendar, fromAt);
  const to = positionOf(calendar, toAt);
  if (from.table === to.table) return to.positionMs - from.positionMs;
  let total = from.table.totalMs - from.positionMs + to.positionMs;
  for (let year = from.table.year + 1; year < to.table.year; year += 1) total += calendar.yearTable(year).totalMs;
  return total;
}

/**
 * The earliest instant by which `workingMs` of working time has elapsed after `fromAt` (before it, when
 * negative). A result exactly at the end of a period stays there: +8 h from Mon 07:30 is Mon 17:00.
 */
export function addWorkingTime(calendar: WorkingCalendar, fromAt: number, workingMs: number): number {
  if (workingMs === 0) return fromAt;
  let { table, positionMs: target } = positionOf(calendar, fromAt);
  target += workingMs;
  let years = 0;
  while (target > table.totalMs) {
    target -= table.totalMs;
    table = calendar.yearTable(table.year + 1);
    if ((years += 1) > MAX_YEARS_WITHOUT_WORK) noWorkingTime();
  }
  while (target <= 0) {
    table = calendar.yearTable(table.year - 1);
    target += table.totalMs;
    if ((years += 1) > MAX_YEARS_WITHOUT_WORK) noWorkingTime();
  }
  return instantAt(table, target);
}

/** Whether the office is open at the instant (periods are [start, end): 11:30 and 17:00 are closed). */
export function isWorkingInstant(calendar: WorkingCalendar, at: number): boolean {
  const day = localDayOf(at);
  const table = yearTableOfDay(calendar, day);
  const periods = table.patterns[table.patternOfDay[day - table.firstDay]!]!;
  const ms = msOfLocalDay(at);
  for (let p = 0; p < periods.length; p += 2) {
    if (ms >= periods[p]! && ms < periods[p + 1]!) return true;
  }
  return false;
}

/** `at` itself when the office is open then, else the start of the next working period. */
export function nextWorkingStart(calendar: WorkingCalendar, at: number): number {
  // The instant after which the first working millisecond has elapsed, minus that millisecond.
  return addWorkingTime(calendar, at, 1) - 1;
}

/** The first day on or after `day` that has working time. */
export function nextWorkingDay(calendar: WorkingCalendar, day: LocalDay): LocalDay {
  return localDayOf(nextWorkingStart(calendar, startOfLocalDay(day)));
}

/** The end of the last working period of `day` (a working day), as an instant. */
export function endOfWorkingDay(calendar: WorkingCalendar, day: LocalDay): number {
  const table = yearTableOfDay(calendar, day);
  const periods = table.patterns[table.patternOfDay[day - table.firstDay]!]!;
  return startOfLocalDay(day) + (periods.length > 0 ? periods[periods.length - 1]! : 0);
}
