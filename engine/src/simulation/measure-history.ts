/**
 * @module measureHistory — what the recorded history says a procedure's steps take: per procedure version, step,
 * agency and department the count, the working-time percentiles and a fitted distribution (./fit-duration.ts, with
 * its sample size), the share of each outcome (the branch probabilities of the gateway after the step, the supplement
 * and return probabilities), and the arrival rate per working day with its weekday and month factors (Tết, year end).
 * Durations are working time on the step's calendar (its agency's, `calendarOf`), minus the spans the dossier waited
 * for the citizen (Decree 61/2018 Art. 19: that time is not the agency's), split at the claim (issue 19): opened →
 * claimed is the wait for an official, claimed → completed the work. The simulation draws the work as the step's
 * service time and makes the wait from the unit's staffing (its queue), or draws the measured wait where no staffing
 * is stated; a step recorded without a claim (history from before claims were kept, or completed without one) counts
 * its whole span as work, and how many did is reported. The host loads the records.
 */
import type { WorkingCalendar } from '../time/working-calendar';
import { WEEKDAYS } from '../time/working-calendar';
import { civilDateOf, localDayOf, startOfLocalDay, weekdayOf } from '../time/local-day';
import { workingTimeBetween } from '../time/working-time-between';
import type { ArrivalModel, Period } from './arrival-model';
import { fitDuration, type FitDurationOptions, type FittedDuration } from './fit-duration';
import type { OutcomeBranch } from './simulation-scenario';

export interface HistoricStep {
  procedureVersion: number;
  elementId: string;
  agencyId?: string;
  departmentId?: string;
  startedAt: number;
  /** When an official claimed it (StepRecord.claimedAt); absent in older history. */
  claimedAt?: number;
  completedAt?: number;
  /** The decision it was completed with (`approve`, `supplement`, `return`, `reject` …); absent = the default way on. */
  outcome?: string;
  /** The dossier's waits for the citizen (supplement, fees) that overlap the step. */
  pausedSpans?: readonly { from: number; to?: number }[];
}

export interface StepMeasurement {
  procedureVersion: number;
  elementId: string;
  agencyId?: string;
  departmentId?: string;
  /** Completed steps measured. */
  count: number;
  /** The work (claimed → completed; the whole span for a step without a claim): what the simulation draws. */
  p50Hours?: number;
  p90Hours?: number;
  fitted: FittedDuration;
  /** The wait for an official (opened → claimed), over the `count - unclaimedCount` steps that were claimed. */
  waiting: FittedDuration;
  waitingP50Hours?: number;
  waitingP90Hours?: number;
  /** Completed steps recorded without a claim: their whole span counted as work, none as wait. */
  unclaimedCount: number;
  /** Share of each outcome among the completed steps (`approve` for none given). */
  outcomeShares: Record<string, number>;
  /** Share of the steps during which the citizen was asked to supplement (the decision `supplement`, or a pause that began in the step). */
  supplementShare: number;
  /** Share of the steps handed back to an earlier step (the decision `return`). */
  returnShare: number;
}

export interface HistoryMeasurement {
  steps: StepMeasurement[];
  /** How long citizens took to supplement (or pay), in working time: the pauses of the dossiers. */
  citizenReply: FittedDuration;
  arrivals: ArrivalModel & { received: number; workingDays: number };
}

const HOUR_MS = 3_600_000;
const DEFAULT_OUTCOME = 'approve';

/** Working ms of [fromAt, toAt) on `calendar` less the step's pauses inside it. */
function spanWithoutPausesMs(calendar: WorkingCalendar, step: HistoricStep, fromAt: number, toAt: number): number {
  const pausedMs = (step.pausedSpans ?? []).reduce(
    (sum, span) => sum + workingTimeBetween(calendar, Math.max(span.from, fromAt), Math.min(span.to ?? toAt, toAt)), 0);
  return Math.max(0, workingTimeBetween(calendar, fromAt, toAt) - pausedMs);
}

/** The working ms of a step from its start to its completion, pauses excluded (wait and work together). */
export function stepWorkingMs(calendar: WorkingCalendar, step: HistoricStep): number | undefined {
  if (step.completedAt === undefined) return undefined;
  return spanWithoutPausesMs(calendar, step, step.startedAt, step.completedAt);
}

/**
 * A completed step's wait for an official (opened → claimed) and work (claimed → completed), each in working ms on
 * `calendar` with pauses excluded; `waitingMs` is absent when no claim inside the step was recorded (all is work).
 */
export function stepPhasesMs(calendar: WorkingCalendar, step: HistoricStep): { waitingMs?: number; workingMs: number } | undefined {
  if (step.completedAt === undefined) return undefined;
  const { claimedAt, startedAt, completedAt } = step;
  if (claimedAt === undefined || claimedAt < startedAt || claimedAt > completedAt) return { workingMs: spanWithoutPausesMs(calendar, step, startedAt, completedAt) };
  return { waitingMs: spanWithoutPausesMs(calendar, step, startedAt, claimedAt), workingMs: spanWithoutPausesMs(calendar, step, claimedAt, completedAt) };
}

/**
 * Measures steps and arrivals of a period of history.
 * @example
 * const measured = measureHistory(calendar, steps, receivedAts, { fromAt, toAt });
 * const scenario = { ...toScenarioInputs(measured, 2), definition, calendar, period, seed: 1 };
 */
export function measureHistory(
  calendar: WorkingCalendar,
  steps: readonly HistoricStep[],
  receivedAts: readonly number[],
  period: Period,
  options: FitDurationOptions & {
    citizenWaits?: readonly { from: number; to: number }[];
    /** The calendar a step's time counts on (its agency's, with local closures); `calendar` when absent. */
    calendarOf?: (step: HistoricStep) => WorkingCalendar;
  } = {},
): HistoryMeasurement {
  const groups = new Map<string, { first: HistoricStep; durations: number[]; waits: number[]; outcomes: Record<string, number>; supplemented: number }>();
  for (const step of steps) {
    const phases = stepPhasesMs(options.calendarOf?.(step) ?? calendar, step);
    if (phases === undefined) continue;
    const key = `${step.procedureVersion}|${step.elementId}|${step.agencyId ?? ''}|${step.departmentId ?? ''}`;
    const group = groups.get(key) ?? { first: step, durations: [], waits: [], outcomes: {}, supplemented: 0 };
    group.durations.push(phases.workingMs);
    if (phases.waitingMs !== undefined) group.waits.push(phases.waitingMs);
    const outcome = step.outcome ?? DEFAULT_OUTCOME;
    group.outcomes[outcome] = (group.outcomes[outcome] ?? 0) + 1;
    // A supplement asked while the steps stay open pauses the dossier instead of ending the step (decide-dossier.ts).
    if (outcome === 'supplement' || (step.pausedSpans ?? []).some((span) => span.from >= step.startedAt && span.from < step.completedAt!)) group.supplemented += 1;
    groups.set(key, group);
  }
  const measured = [...groups.values()].map(({ first, durations, waits, outcomes, supplemented }): StepMeasurement => {
    const fitted = fitDuration(durations, options);
    // No claim measured: no wait to draw (a fixed zero), whatever fallback the work has.
    const waiting = fitDuration(waits, { ...options, fallback: { kind: 'fixed', ms: 0 } });
    return {
      procedureVersion: first.procedureVersion, elementId: first.elementId,
      ...(first.agencyId ? { agencyId: first.agencyId } : {}), ...(first.departmentId ? { departmentId: first.departmentId } : {}),
      count: durations.length,
      ...(fitted.p50Ms === undefined ? {} : { p50Hours: fitted.p50Ms / HOUR_MS, p90Hours: fitted.p90Ms! / HOUR_MS }),
      fitted,
      waiting,
      ...(waiting.p50Ms === undefined ? {} : { waitingP50Hours: waiting.p50Ms / HOUR_MS, waitingP90Hours: waiting.p90Ms! / HOUR_MS }),
      unclaimedCount: durations.length - waits.length,
      outcomeShares: Object.fromEntries(Object.entries(outcomes).map(([outcome, n]) => [outcome, n / durations.length])),
      supplementShare: supplemented / durations.length,
      returnShare: (outcomes.return ?? 0) / durations.length,
    };
  });
  measured.sort((a, b) => a.procedureVersion - b.procedureVersion || a.elementId.localeCompare(b.elementId));
  const waits = (options.citizenWaits ?? []).map((wait) => workingTimeBetween(calendar, wait.from, wait.to));
  return { steps: measured, citizenReply: fitDuration(waits, options), arrivals: measureArrivals(calendar, receivedAts, period) };
}

/** Arrivals per working day, and per weekday and month relative to that mean (working days of each counted). */
function measureArrivals(calendar: WorkingCalendar, receivedAts: readonly number[], period: Period): HistoryMeasurement['arrivals'] {
  const inPeriod = receivedAts.filter((at) => at >= period.fromAt && at < period.toAt);
  const daysByWeekday = new Array<number>(7).fill(0);
  const daysByMonth = new Array<number>(12).fill(0);
  for (let day = localDayOf(period.fromAt); startOfLocalDay(day) < period.toAt; day += 1) {
    const dayMs = workingTimeBetween(calendar, Math.max(period.fromAt, startOfLocalDay(day)), Math.min(period.toAt, startOfLocalDay(day + 1)));
    if (dayMs <= 0) continue;
    daysByWeekday[weekdayOf(day)]! += dayMs / calendar.workingDayMs;
    daysByMonth[civilDateOf(day).month - 1]! += dayMs / calendar.workingDayMs;
  }
  const workingDays = daysByWeekday.reduce((sum, days) => sum + days, 0);
  const perWorkingDay = workingDays > 0 ? inPeriod.length / workingDays : 0;
  const byWeekday = new Array<number>(7).fill(0);
  const byMonth = new Array<number>(12).fill(0);
  for (const at of inPeriod) {
    // A receipt is counted on its Vietnam day (a night-time online submission on the day it was sent).
    const day = localDayOf(at);
    byWeekday[weekdayOf(day)]! += 1;
    byMonth[civilDateOf(day).month - 1]! += 1;
  }
  const factor = (count: number, days: number) => (days > 0 && perWorkingDay > 0 ? count / days / perWorkingDay : 1);
  const weekdayFactors = Object.fromEntries(
    WEEKDAYS.flatMap((weekday, index) => (daysByWeekday[index]! > 0 ? [[weekday, factor(byWeekday[index]!, daysByWeekday[index]!)]] : [])),
  );
  const monthFactors = byMonth.map((count, index) => factor(count, daysByMonth[index]!));
  return { perWorkingDay, weekdayFactors, monthFactors, received: inPeriod.length, workingDays };
}

/** The simulation inputs a measurement gives for one procedure version: durations and outcomes per step element. */
export function toScenarioInputs(measurement: HistoryMeasurement, procedureVersion: number): {
  arrivals: ArrivalModel;
  citizen: { reply: FittedDuration['distribution'] };
  /** The work per step: the service time an official spends. */
  durations: Record<string, FittedDuration['distribution']>;
  /** The measured wait for an official per step (claimed steps only), for units whose staffing is not stated. */
  waits: Record<string, FittedDuration['distribution']>;
  outcomes: Record<string, OutcomeBranch[]>;
} {
  const durations: Record<string, FittedDuration['distribution']> = {};
  const waits: Record<string, FittedDuration['distribution']> = {};
  const outcomes: Record<string, OutcomeBranch[]> = {};
  for (const step of measurement.steps) {
    if (step.procedureVersion !== procedureVersion) continue;
    durations[step.elementId] = step.fitted.distribution;
    if (step.waiting.sampleSize > 0) waits[step.elementId] = step.waiting.distribution;
    outcomes[step.elementId] = Object.entries(step.outcomeShares)
      .filter(([outcome]) => outcome !== DEFAULT_OUTCOME)
      .map(([outcome, probability]) => ({ variables: { decision: outcome }, probability }));
  }
  const { perWorkingDay, weekdayFactors, monthFactors } = measurement.arrivals;
  return { citizen: { reply: measurement.citizenReply.distribution }, arrivals: { perWorkingDay, ...(weekdayFactors ? { weekdayFactors } : {}), ...(monthFactors ? { monthFactors } : {}) }, durations, waits, outcomes };
}
