/**
 * @module runWhatIf — a supervisor's or an analyst's what-if on a deployed procedure (issue 19): load the procedure
 * version and the history measured before the period, call the engine's simulation with the scenario's changes
 * (arrivals ×k, officials per unit, a step's duration, budget or a branch's share), and answer its figures beside the
 * measurement they rest on. Bounded so that no request holds the server: the expected dossier count, the period and
 * the history are capped, and the run goes in chunks that yield to the event loop, stopping at its time budget.
 */
import {
  measureHistory, simulateProcedure, toScenarioInputs, workingTimeBetween,
  type DurationDistribution, type HistoryMeasurement, type OutcomeBranch, type ProcedureDefinition, type SimulationResult, type SimulationScenario, type WorkingCalendar,
} from '../../../engine/src/index';
import type { Stores } from '../stores';
import { loadProcedureHistory } from './load-procedure-history';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export const WHAT_IF_LIMITS = {
  /** Dossiers the period and rate may lead to (expected count). */
  maxDossiers: 20_000,
  maxPeriodDays: 366,
  maxHistoryDays: 731,
  maxTimeBudgetMs: 10_000,
  /** Events simulated between two yields to the event loop. */
  eventsPerChunk: 2_000,
} as const;

export interface WhatIfRequest {
  procedureKey: string;
  /** The deployed version; the latest when absent. */
  version?: number;
  /**
   * A draft's definition to simulate instead of the deployed one (the modeler's "Mô phỏng"); the history of the
   * procedure's deployed versions still gives the durations of the steps it shares with them (by element id).
   */
  draft?: ProcedureDefinition;
  /** Dossiers received in [fromAt, toAt). */
  period: { fromAt: number; toAt: number };
  /** Where durations are measured; by default the 90 days before the period. */
  history?: { fromAt: number; toAt: number };
  /** Arrivals per working day; the measured rate when absent. */
  arrivalsPerWorkingDay?: number;
  /** Multiplies the arrival rate: 2 = "what if arrivals double". */
  arrivalFactor?: number;
  staffing?: Record<string, number>;
  /** A step's mean working hours (exponential), replacing the measured duration. */
  stepHours?: Record<string, number>;
  /** A step's outcome shares, e.g. `{ supplement: 0.2 }`; the rest goes the default way. */
  outcomeShares?: Record<string, Record<string, number>>;
  /** A step's budget in working days (its share of the deadline), replacing the definition's; durations stay as they are. */
  stepBudgets?: Record<string, number>;
  seed?: number;
  timeBudgetMs?: number;
}

export interface WhatIfDeps {
  stores: Pick<Stores, 'procedures' | 'dossiers' | 'steps' | 'progress'>;
  calendar: () => Promise<WorkingCalendar>;
  /** Elapsed milliseconds of a monotonic clock (performance.now in the server), for the time budget only. */
  elapsedMs: () => number;
  /** Gives the event loop a turn between chunks (setImmediate in the server). */
  yieldToEventLoop: () => Promise<void>;
}

export interface WhatIfAnswer {
  procedureKey: string;
  /** The deployed version simulated; 0 for a draft. */
  version: number;
  measurement: HistoryMeasurement;
  expectedDossiers: number;
  result: SimulationResult;
}

/** What is wrong with a request, in English for the problem's `issues` (an empty list when it may run). */
export function checkWhatIfRequest(request: WhatIfRequest, expectedDossiers?: number): string[] {
  const issues: string[] = [];
  const periodDays = (request.period.toAt - request.period.fromAt) / DAY_MS;
  if (!(periodDays > 0) || periodDays > WHAT_IF_LIMITS.maxPeriodDays) issues.push(`the period must last between 1 and ${WHAT_IF_LIMITS.maxPeriodDays} days`);
  if (request.history) {
    const historyDays = (request.history.toAt - request.history.fromAt) / DAY_MS;
    if (!(historyDays > 0) || historyDays > WHAT_IF_LIMITS.maxHistoryDays) issues.push(`the history must last between 1 and ${WHAT_IF_LIMITS.maxHistoryDays} days`);
  }
  if ((request.timeBudgetMs ?? 0) > WHAT_IF_LIMITS.maxTimeBudgetMs) issues.push(`the time budget is at most ${WHAT_IF_LIMITS.maxTimeBudgetMs} ms`);
  if (expectedDossiers !== undefined && expectedDossiers > WHAT_IF_LIMITS.maxDossiers) {
    issues.push(`the scenario expects ${Math.round(expectedDossiers)} dossiers; at most ${WHAT_IF_LIMITS.maxDossiers}`);
  }
  return issues;
}

/** A what-if loaded and measured, ready to simulate (once, or again with other seeds: ./forecast-arrivals.ts). */
export interface PreparedWhatIf extends Omit<WhatIfAnswer, 'result'> {
  scenario: SimulationScenario;
}

/** Loads the procedure and its history and builds the scenario; undefined when the procedure (version) does not exist. */
export async function prepareWhatIf(deps: Omit<WhatIfDeps, 'elapsedMs' | 'yieldToEventLoop'>, request: WhatIfRequest): Promise<PreparedWhatIf | { issues: string[] } | undefined> {
  const record = request.version === undefined
    ? await deps.stores.procedures.latest(request.procedureKey)
    : await deps.stores.procedures.get(request.procedureKey, request.version);
  if (!record && !request.draft) return undefined;
  const calendar = await deps.calendar();
  const history = request.history ?? { fromAt: request.period.fromAt - 90 * DAY_MS, toAt: request.period.fromAt };
  const loaded = await loadProcedureHistory(deps.stores, { procedureKey: request.procedureKey, ...history, observedAt: history.toAt });
  const measurement = measureHistory(calendar, loaded.steps, loaded.receivedAts, history, { citizenWaits: loaded.citizenWaits });
  const inputs = toScenarioInputs(measurement, record?.version ?? 0);
  const perWorkingDay = (request.arrivalsPerWorkingDay ?? inputs.arrivals.perWorkingDay) * (request.arrivalFactor ?? 1);
  const expectedDossiers = perWorkingDay * (workingTimeBetween(calendar, request.period.fromAt, request.period.toAt) / calendar.workingDayMs);
  const issues = checkWhatIfRequest(request, expectedDossiers);
  if (issues.length > 0) return { issues };

  const durations: Record<string, DurationDistribution> = { ...inputs.durations };
  for (const [elementId, hours] of Object.entries(request.stepHours ?? {})) durations[elementId] = { kind: 'exponential', meanMs: hours * HOUR_MS };
  const outcomes: Record<string, OutcomeBranch[]> = { ...inputs.outcomes };
  for (const [elementId, shares] of Object.entries(request.outcomeShares ?? {})) {
    outcomes[elementId] = Object.entries(shares).map(([decision, probability]) => ({ variables: { decision }, probability }));
  }
  const scenario: SimulationScenario = {
    definition: request.draft ?? (record!.definition as ProcedureDefinition), calendar, period: request.period, seed: request.seed ?? 1,
    arrivals: { ...inputs.arrivals, perWorkingDay }, staffing: request.staffing ?? {}, durations, waits: inputs.waits, outcomes,
    ...(measurement.citizenReply.sampleSize > 0 ? { citizen: inputs.citizen } : {}),
    ...(request.stepBudgets ? { stepBudgets: Object.fromEntries(Object.entries(request.stepBudgets).map(([elementId, value]) => [elementId, { value, unit: 'workingDays' as const }])) } : {}),
  };
  return { procedureKey: request.procedureKey, version: request.draft ? 0 : record!.version, measurement, expectedDossiers, scenario };
}

/** Runs the what-if; undefined when the procedure (version) does not exist. Check the request first (checkWhatIfRequest). */
export async function runWhatIf(deps: WhatIfDeps, request: WhatIfRequest): Promise<WhatIfAnswer | { issues: string[] } | undefined> {
  const prepared = await prepareWhatIf(deps, request);
  if (!prepared || 'issues' in prepared) return prepared;
  const { scenario, ...answer } = prepared;
  const startedAt = deps.elapsedMs();
  const budgetMs = request.timeBudgetMs ?? WHAT_IF_LIMITS.maxTimeBudgetMs;
  const result = await simulateProcedure(scenario, { everyEvents: WHAT_IF_LIMITS.eventsPerChunk, pause: deps.yieldToEventLoop, shouldStop: () => deps.elapsedMs() - startedAt > budgetMs });
  return { ...answer, result };
}
