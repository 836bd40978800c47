/**
 * @module forecastArrivals — the supervisors' "what if arrivals double next month" (issue 19): the same what-if run
 * twice on the same seed (./run-what-if.ts, the engine's simulation), once at the measured arrival rate and once
 * multiplied, with the staffing the supervisor states per unit, over next month on the server's clock by default. The
 * answer puts the predicted on-time share of each, with its 95 % interval, beside each other, with the agency most
 * often responsible for lateness and each unit's utilisation; the host adds the measured on-time share of the history.
 * Bounded tighter than an analyst's run: a multiplier between 0.1 and 5, a period of at most a quarter.
 */
import { civilDateOf, localDayFromDate, localDayOf, startOfLocalDay, toIsoDate } from '../../../engine/src/index';
import { runWhatIf, type WhatIfAnswer, type WhatIfDeps } from './run-what-if';

export const FORECAST_LIMITS = { minFactor: 0.1, maxFactor: 5, maxPeriodDays: 92, maxUnits: 30, maxOfficials: 500 } as const;
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

export interface ForecastFigures {
  arrivalFactor: number;
  expectedDossiers: number;
  received: number;
  complete: boolean;
  onTimeShare: number;
  ci95: { low: number; high: number };
  late: number;
  lateByAgency: Record<string, number>;
  mostResponsibleAgencyId?: string;
  units: { key: string; officials?: number; utilisation?: number; meanWaitingHours: number }[];
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

function figuresOf(answer: WhatIfAnswer, arrivalFactor: number): ForecastFigures {
  const { result } = answer;
  return {
    arrivalFactor, expectedDossiers: answer.expectedDossiers, received: result.dossiers.received, complete: result.complete,
    onTimeShare: result.onTime.share, ci95: result.onTime.ci95, late: result.lateness.late, lateByAgency: result.lateness.byAgency,
    ...(result.lateness.mostResponsibleAgencyId ? { mostResponsibleAgencyId: result.lateness.mostResponsibleAgencyId } : {}),
    units: result.units.map((unit) => ({
      key: unit.key, meanWaitingHours: unit.meanWaitingHours,
      ...(unit.officials === undefined ? {} : { officials: unit.officials }), ...(unit.utilisation === undefined ? {} : { utilisation: unit.utilisation }),
    })),
  };
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
  const common = { procedureKey: request.procedureKey, period, history, staffing: request.staffing ?? {}, seed: request.seed ?? 1, timeBudgetMs: 4_000 };
  // The same seed for both runs: the difference is the arrivals', not the draw's (common random numbers).
  const baseline = await runWhatIf(deps, { ...common, arrivalFactor: 1 });
  if (!baseline || 'issues' in baseline) return baseline;
  const scenario = await runWhatIf(deps, { ...common, arrivalFactor: request.arrivalFactor });
  if (!scenario || 'issues' in scenario) return scenario;
  const day = (at: number) => toIsoDate(localDayOf(at));
  return {
    procedureKey: request.procedureKey, version: baseline.version,
    period: { from: day(period.fromAt), to: day(period.toAt - 1) },
    history: { from: day(history.fromAt), to: day(history.toAt - 1), received: baseline.measurement.arrivals.received, perWorkingDay: baseline.measurement.arrivals.perWorkingDay },
    baseline: figuresOf(baseline, 1),
    scenario: figuresOf(scenario, request.arrivalFactor),
  };
}
