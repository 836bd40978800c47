/**
 * @module forecastArrivals — the supervisors' "what if arrivals double next month" (issue 19): the what-if of
 * ./run-what-if.ts (the engine's simulation over the measured history) at the measured arrival rate and multiplied,
 * with the staffing the supervisor states per unit, over next month on the server's clock by default. A month of a
 * small procedure is a dozen dossiers, so each is replicated with seeds seed, seed + 1, … until about 1,000 dossiers
 * are simulated at today's rate (at most 40 runs), the two scenarios on the same seeds (common random numbers), and
 * pooled (engine poolReplications). The answer puts the predicted on-time shares with their 95 % intervals beside each
 * other, with the agency most often responsible for lateness and each unit's utilisation; the host adds the measured
 * on-time rate of the history. Bounded tighter than an analyst's run: a multiplier of 0.1–5, at most a quarter.
 */
import {
  civilDateOf, localDayFromDate, localDayOf, poolReplications, simulateProcedure, startOfLocalDay, toIsoDate,
  type PooledFigures, type SimulationResult, type SimulationScenario,
} from '../../../engine/src/index';
import { checkWhatIfRequest, prepareWhatIf, WHAT_IF_LIMITS, type WhatIfDeps } from './run-what-if';

export const FORECAST_LIMITS = { minFactor: 0.1, maxFactor: 5, maxPeriodDays: 92, maxUnits: 30, maxOfficials: 500 } as const;
/** Replicate until about this many dossiers are simulated at today's rate, within MAX_REPLICATIONS runs. */
const TARGET_DOSSIERS = 1_000;
const MAX_REPLICATIONS = 40;
/** Dossiers simulated by both scenarios together, all replications counted. */
const MAX_SIMULATED_DOSSIERS = 2 * WHAT_IF_LIMITS.maxDossiers;
const TIME_BUDGET_MS = 8_000;
const DAY_MS = 86_400_000;
const HISTORY_DAYS = 90;

export interface ForecastRequest {
  procedureKey: string;
  arrivalFactor: number;
  /** Dossiers received in [fromAt, toAt); next month (Vietnam time) when absent. */
  period?: { fromAt: number; toAt: number };
  /** Officials per unit (`agency` or `agency/department`); a unit not named never queues. */
  staffing?: Record<string, number>;
  seed?: number;
}

export interface ForecastFigures extends Omit<PooledFigures, 'onTime'> {
  arrivalFactor: number;
  /** Dossiers one run expects in the period. */
  expectedDossiers: number;
  onTimeShare: number;
  ci95: { low: number; high: number };
}

export interface ForecastAnswer {
  procedureKey: string;
  version: number;
  period: { from: string; to: string };
  /** Where the durations and the arrival rate were measured: the 90 days before the period. */
  history: { from: string; to: string; received: number; perWorkingDay: number };
  baseline: ForecastFigures;
  scenario: ForecastFigures;
}

/** Next month on the Vietnam calendar, as [first day 00:00, first day of the month after). */
export function nextMonthOf(now: number): { fromAt: number; toAt: number } {
  const { year, month } = civilDateOf(localDayOf(now));
  const first = month === 12 ? localDayFromDate(year + 1, 1, 1) : localDayFromDate(year, month + 1, 1);
  const { year: y, month: m } = civilDateOf(first);
  const after = m === 12 ? localDayFromDate(y + 1, 1, 1) : localDayFromDate(y, m + 1, 1);
  return { fromAt: startOfLocalDay(first), toAt: startOfLocalDay(after) };
}

/** What is wrong with a request, in Vietnamese for the problem's `issues` (empty when it may run). */
export function checkForecastRequest(request: ForecastRequest): string[] {
  const issues: string[] = [];
  const { minFactor, maxFactor, maxPeriodDays, maxUnits, maxOfficials } = FORECAST_LIMITS;
  if (!(request.arrivalFactor >= minFactor && request.arrivalFactor <= maxFactor)) issues.push(`Hệ số lượng hồ sơ phải từ ×${minFactor} đến ×${maxFactor}`);
  if (request.period) {
    const days = (request.period.toAt - request.period.fromAt) / DAY_MS;
    if (!(days >= 1 && days <= maxPeriodDays)) issues.push(`Kỳ dự báo phải dài từ 1 đến ${maxPeriodDays} ngày`);
  }
  const units = Object.entries(request.staffing ?? {});
  if (units.length > maxUnits) issues.push(`Nhiều nhất ${maxUnits} đơn vị`);
  if (units.some(([, officials]) => !(Number.isInteger(officials) && officials >= 1 && officials <= maxOfficials))) issues.push(`Số cán bộ mỗi đơn vị phải là số nguyên từ 1 đến ${maxOfficials}`);
  return issues;
}

function figuresOf(results: SimulationResult[], arrivalFactor: number, expectedDossiers: number): ForecastFigures {
  const { onTime, ...pooled } = poolReplications(results);
  return { arrivalFactor, expectedDossiers, onTimeShare: onTime.share, ci95: onTime.ci95, ...pooled };
}

/**
 * Runs the forecast; undefined when the procedure is not deployed, `{ issues }` when it may not run.
 * @example
 * const answer = await forecastArrivals(deps, { procedureKey: 'dang-ky-thanh-lap-doanh-nghiep', arrivalFactor: 2 }, clock.now());
 */
export async function forecastArrivals(deps: WhatIfDeps, request: ForecastRequest, now: number): Promise<ForecastAnswer | { issues: string[] } | undefined> {
  const issues = checkForecastRequest(request);
  if (issues.length > 0) return { issues };
  const period = request.period ?? nextMonthOf(now);
  const history = { fromAt: period.fromAt - HISTORY_DAYS * DAY_MS, toAt: Math.min(period.fromAt, now) };
  const whatIf = { procedureKey: request.procedureKey, period, history, staffing: request.staffing ?? {}, seed: request.seed ?? 1 };
  const prepared = await prepareWhatIf(deps, whatIf);
  if (!prepared || 'issues' in prepared) return prepared;
  const expectedAtFactor = prepared.expectedDossiers * request.arrivalFactor;
  const tooLarge = checkWhatIfRequest(whatIf, expectedAtFactor);
  if (tooLarge.length > 0) return { issues: [`Kịch bản dự kiến ${Math.round(expectedAtFactor)} hồ sơ, vượt giới hạn ${WHAT_IF_LIMITS.maxDossiers} hồ sơ`] };
  const baseline = prepared.scenario;
  const multiplied: SimulationScenario = { ...baseline, arrivals: { ...baseline.arrivals, perWorkingDay: baseline.arrivals.perWorkingDay * request.arrivalFactor } };
  const perRun = Math.max(1, prepared.expectedDossiers + expectedAtFactor);
  const replications = Math.max(1, Math.min(MAX_REPLICATIONS, Math.ceil(TARGET_DOSSIERS / Math.max(1, prepared.expectedDossiers)), Math.floor(MAX_SIMULATED_DOSSIERS / perRun)));
  const startedAt = deps.elapsedMs();
  const control = { everyEvents: WHAT_IF_LIMITS.eventsPerChunk, pause: deps.yieldToEventLoop, shouldStop: () => deps.elapsedMs() - startedAt > TIME_BUDGET_MS };
  const runs = { baseline: [] as SimulationResult[], multiplied: [] as SimulationResult[] };
  // Replication i of both scenarios draws from seed + i: the difference is the arrivals', not the draw's.
  for (let index = 0; index < replications && !control.shouldStop(); index += 1) {
    const seed = (baseline.seed ?? 1) + index;
    runs.baseline.push(await simulateProcedure({ ...baseline, seed }, control));
    runs.multiplied.push(await simulateProcedure({ ...multiplied, seed }, control));
  }
  const day = (at: number) => toIsoDate(localDayOf(at));
  const { arrivals } = prepared.measurement;
  return {
    procedureKey: request.procedureKey, version: prepared.version,
    period: { from: day(period.fromAt), to: day(period.toAt - 1) },
    history: { from: day(history.fromAt), to: day(history.toAt - 1), received: arrivals.received, perWorkingDay: arrivals.perWorkingDay },
    baseline: figuresOf(runs.baseline, 1, prepared.expectedDossiers),
    scenario: figuresOf(runs.multiplied, request.arrivalFactor, expectedAtFactor),
  };
}
