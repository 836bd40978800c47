/**
 * @module year-table — one year of a working calendar compiled for arithmetic: per day an index into a few
 * distinct office-hour patterns, and the cumulative working time before each day. Adding N working days is then
 * a binary search instead of a walk over days, which keeps a due date in the microseconds.
 */
import type { LocalDay } from './local-day';

export interface YearTable {
  year: number;
  firstDay: LocalDay;
  dayCount: number;
  /** Working ms before the start of day i (i = 0 … dayCount), from 1 January 00:00. */
  cumulativeMs: Float64Array;
  /** Index into `patterns` for each day. */
  patternOfDay: Uint16Array;
  /** Distinct working periods, flattened [start, end) ms since local midnight. */
  patterns: Float64Array[];
  totalMs: number;
}

/** Compiles the periods of each day of `year`; `firstDay` is 1 January, index 0 of `dayPeriods`. */
export function compileYearTable(year: number, firstDay: LocalDay, dayPeriods: ReadonlyArray<readonly number[]>): YearTable {
  const patternIndex = new Map<string, number>();
  const patterns: Float64Array[] = [];
  const patternOfDay = new Uint16Array(dayPeriods.length);
  const cumulativeMs = new Float64Array(dayPeriods.length + 1);
  for (const [i, periods] of dayPeriods.entries()) {
    const key = periods.join(',');
    let index = patternIndex.get(key);
    if (index === undefined) {
      index = patterns.length;
      patterns.push(Float64Array.from(periods));
      patternIndex.set(key, index);
    }
    patternOfDay[i] = index;
    let dayMs = 0;
    for (let p = 0; p < periods.length; p += 2) dayMs += periods[p + 1]! - periods[p]!;
    cumulativeMs[i + 1] = cumulativeMs[i]! + dayMs;
  }
  return {
    year,
    firstDay,
    dayCount: dayPeriods.length,
    cumulativeMs,
    patternOfDay,
    patterns,
    totalMs: cumulativeMs[dayPeriods.length]!,
  };
}

/** Working ms of a day's periods before `msOfDay`. */
export function workedBefore(periods: Float64Array, msOfDay: number): number {
  let worked = 0;
  for (let p = 0; p < periods.length; p += 2) {
    const start = periods[p]!;
    if (msOfDay <= start) break;
    const end = periods[p + 1]!;
    worked += (msOfDay < end ? msOfDay : end) - start;
  }
  return worked;
}

/**
 * The earliest ms of the day by which `workingMs` (> 0, at most the day's total) of its working time has elapsed.
 * Landing exactly on the end of a period gives that end (11:30, 17:00), not the start of the next one.
 */
export function instantInDay(periods: Float64Array, workingMs: number): number {
  let remaining = workingMs;
  for (let p = 0; p < periods.length; p += 2) {
    const length = periods[p + 1]! - periods[p]!;
    if (remaining <= length) return periods[p]! + remaining;
    remaining -= length;
  }
  return periods[periods.length - 1]!;
}

/** Largest day index k with cumulativeMs[k] < target (0 < target ≤ totalMs). */
export function dayIndexBefore(table: YearTable, target: number): number {
  let low = 0;
  let high = table.dayCount - 1;
  const cumulative = table.cumulativeMs;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (cumulative[mid]! < target) low = mid;
    else high = mid - 1;
  }
  return low;
}
