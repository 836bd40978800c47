/**
 * @module arrivalInstants — when dossiers are received in a simulated period: a Poisson process in *working* time
 * (dossiers are received while the one-stop counter is open; an online submission at night counts from the next
 * working period anyway, DOMAIN.md "Time"), its rate varying by weekday and by month (the Tết and year-end peaks).
 * A non-homogeneous Poisson process with a piecewise-constant rate is drawn exactly by thinning (Lewis & Shedler,
 * 1979): candidates at the peak rate, each kept with probability rate / peak.
 */
import { civilDateOf, localDayOf, weekdayOf } from '../time/local-day';
import type { Weekday, WorkingCalendar } from '../time/working-calendar';
import { WEEKDAYS } from '../time/working-calendar';
import { addWorkingTime } from '../time/working-time-between';
import type { RandomSource } from './random-source';

export interface ArrivalModel {
  /** Mean dossiers received per working day. */
  perWorkingDay: number;
  /** Multiplier per weekday (1 when absent), e.g. `{ monday: 1.4 }`. */
  weekdayFactors?: Partial<Record<Weekday, number>>;
  /** Multiplier per month, index 0 = January (1 when absent), e.g. Tết in month 1 or 2. */
  monthFactors?: readonly number[];
  /** Fixed receipt instants instead of drawn ones: a hand-computed case, or a replay of the observed receipts. */
  at?: readonly number[];
}

export interface Period {
  fromAt: number;
  toAt: number;
}

/** The rate multiplier at an instant. */
export function arrivalFactorAt(model: ArrivalModel, at: number): number {
  const day = localDayOf(at);
  const weekday = model.weekdayFactors?.[WEEKDAYS[weekdayOf(day)]!] ?? 1;
  const month = model.monthFactors?.[civilDateOf(day).month - 1] ?? 1;
  return weekday * month;
}

/**
 * The instants at which dossiers are received in `period`, ascending.
 * @example
 * const receivedAts = arrivalInstants(calendar, { fromAt, toAt }, { perWorkingDay: 40 }, createRandomSource(1));
 */
export function arrivalInstants(calendar: WorkingCalendar, period: Period, model: ArrivalModel, random: RandomSource): number[] {
  if (model.at) return model.at.filter((at) => at >= period.fromAt && at < period.toAt).sort((a, b) => a - b);
  const peak = Math.max(1, ...Object.values(model.weekdayFactors ?? {})) * Math.max(1, ...(model.monthFactors ?? []));
  const peakPerWorkingMs = (model.perWorkingDay * peak) / calendar.workingDayMs;
  if (!(peakPerWorkingMs > 0)) return [];
  const instants: number[] = [];
  let at = period.fromAt;
  for (;;) {
    at = addWorkingTime(calendar, at, random.exponential(1 / peakPerWorkingMs));
    if (at >= period.toAt) return instants;
    if (random.uniform() * peak < arrivalFactorAt(model, at)) instants.push(at);
  }
}
