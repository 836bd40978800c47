/**
 * @module measureProcedureDurations — what a procedure's steps take, as the API serves it and the heatmap shows it
 * (issue 19): loads the history of a period (./load-procedure-history.ts) and the calendar of each step's agency, and
 * asks the engine's measureHistory (engine/src/simulation) for the figures, once per version, step, agency and
 * department, and once per step of the version on the diagram; the gateways' branch shares come from the engine's
 * gatewayBranchShares. Working days are the step's agency's (8 working hours a day by default; pauses for the
 * citizen excluded, Decree 61/2018 Art. 19). The three steps with the longest p90 are ranked: the slowest steps.
 */
import {
  gatewayBranchShares, measureHistory,
  type FittedDuration, type GatewayBranchShares, type HistoricStep, type HistoryMeasurement, type ProcedureDefinition, type StepMeasurement, type WorkingCalendar,
} from '../../../engine/src/index';
import type { CalendarSource } from '../dossiers/timekeeping';
import type { Stores } from '../stores';
import { loadProcedureHistory } from './load-procedure-history';

/** How many steps are marked slowest on the diagram and in the export. */
export const SLOWEST_STEPS = 3;
export const MAX_DURATION_PERIOD_DAYS = 731;

export interface DurationsQuery {
  procedureKey: string;
  /** The version whose diagram the per-step figures are for; the latest deployed when absent. */
  version?: number;
  /** Dossiers received in [fromAt, toAt). */
  fromAt: number;
  toAt: number;
}

export interface DurationFigures {
  count: number;
  /** The work (claimed → completed; the whole span for a step recorded without a claim). */
  p50WorkingDays?: number;
  p90WorkingDays?: number;
  /** The wait for an official (opened → claimed), over the claimed steps. */
  waiting: { sampleSize: number; p50WorkingDays?: number; p90WorkingDays?: number };
  /** Completed steps recorded without a claim, their whole span counted as work. */
  unclaimedCount: number;
  /** How the simulation draws this step's duration, and from how many samples. */
  fitted: { method: FittedDuration['method']; sampleSize: number };
  supplementShare: number;
  returnShare: number;
  outcomeShares: Record<string, number>;
}

export interface DurationRow extends DurationFigures {
  procedureVersion: number;
  elementId: string;
  stepName?: string;
  agencyId?: string;
  departmentId?: string;
}

export interface StepDurations extends DurationFigures {
  elementId: string;
  stepName?: string;
  /** 1 for the longest p90 of the version, up to SLOWEST_STEPS. */
  slowestRank?: number;
}

export interface ProcedureDurations {
  procedureKey: string;
  version: number;
  period: { fromAt: number; toAt: number };
  /** Per version, step, agency and department. */
  rows: DurationRow[];
  /** Per step of `version`, every unit together: the figures on the diagram. */
  steps: StepDurations[];
  gateways: GatewayBranchShares[];
  arrivals: HistoryMeasurement['arrivals'];
  citizenReply: { sampleSize: number; p50WorkingDays?: number; p90WorkingDays?: number };
}

export interface DurationsDeps {
  stores: Pick<Stores, 'procedures' | 'dossiers' | 'steps' | 'progress'>;
  calendars: Pick<CalendarSource, 'current' | 'forAgency'>;
}

function figuresOf(measured: StepMeasurement, dayMs: number): DurationFigures {
  return {
    count: measured.count,
    ...(measured.fitted.p50Ms === undefined ? {} : { p50WorkingDays: measured.fitted.p50Ms / dayMs, p90WorkingDays: measured.fitted.p90Ms! / dayMs }),
    waiting: {
      sampleSize: measured.waiting.sampleSize,
      ...(measured.waiting.p50Ms === undefined ? {} : { p50WorkingDays: measured.waiting.p50Ms / dayMs, p90WorkingDays: measured.waiting.p90Ms! / dayMs }),
    },
    unclaimedCount: measured.unclaimedCount,
    fitted: { method: measured.fitted.method, sampleSize: measured.fitted.sampleSize },
    supplementShare: measured.supplementShare,
    returnShare: measured.returnShare,
    outcomeShares: measured.outcomeShares,
  };
}

/** The step names of each version, from its definition. */
function namesOf(definition: ProcedureDefinition): Map<string, string> {
  return new Map(definition.processes.flatMap((process) => Object.values(process.nodes).flatMap((node) => (node.name ? [[node.id, node.name] as const] : []))));
}

/** Measures `query.procedureKey`; undefined when it (or the version) is not deployed. */
export async function measureProcedureDurations(deps: DurationsDeps, query: DurationsQuery): Promise<ProcedureDurations | undefined> {
  const record = query.version === undefined
    ? await deps.stores.procedures.latest(query.procedureKey)
    : await deps.stores.procedures.get(query.procedureKey, query.version);
  if (!record) return undefined;
  const period = { fromAt: query.fromAt, toAt: query.toAt };
  const history = await loadProcedureHistory(deps.stores, { procedureKey: query.procedureKey, ...period, observedAt: query.toAt });
  const national = (await deps.calendars.current()).calendar;
  const byAgency = new Map<string, WorkingCalendar>();
  for (const agencyId of new Set(history.steps.flatMap((step) => (step.agencyId ? [step.agencyId] : [])))) {
    byAgency.set(agencyId, (await deps.calendars.forAgency(agencyId)).calendar);
  }
  const calendarOf = (step: HistoricStep) => (step.agencyId ? byAgency.get(step.agencyId) : undefined) ?? national;
  const options = { citizenWaits: history.citizenWaits, calendarOf };
  const perUnit = measureHistory(national, history.steps, history.receivedAts, period, options);

  // The diagram's figure per step joins its units: the same measurement with the unit left out of the grouping,
  // each step still timed on its own agency's calendar.
  const version = record.version;
  const unitOf = new Map<HistoricStep, HistoricStep>();
  const versionSteps = history.steps.filter((step) => step.procedureVersion === version).map((step) => {
    const { agencyId: _agency, departmentId: _department, ...joined } = step;
    unitOf.set(joined, step);
    return joined;
  });
  const perStep = measureHistory(national, versionSteps, [], period, { ...options, calendarOf: (step) => calendarOf(unitOf.get(step) ?? step) });

  const names = new Map<number, Map<string, string>>([[version, namesOf(record.definition as ProcedureDefinition)]]);
  for (const other of history.versions) {
    if (names.has(other)) continue;
    const otherRecord = await deps.stores.procedures.get(query.procedureKey, other);
    names.set(other, otherRecord ? namesOf(otherRecord.definition as ProcedureDefinition) : new Map());
  }
  const dayMsOf = (agencyId: string | undefined) => (agencyId ? byAgency.get(agencyId) ?? national : national).workingDayMs;
  const rows = perUnit.steps.map((measured): DurationRow => {
    const stepName = names.get(measured.procedureVersion)?.get(measured.elementId);
    return {
      procedureVersion: measured.procedureVersion, elementId: measured.elementId, ...(stepName ? { stepName } : {}),
      ...(measured.agencyId ? { agencyId: measured.agencyId } : {}), ...(measured.departmentId ? { departmentId: measured.departmentId } : {}),
      ...figuresOf(measured, dayMsOf(measured.agencyId)),
    };
  });
  // A step's working day is its agency's (an agency may count other hours a day); the first unit seen stands for it.
  const agencyOfElement = new Map<string, string>();
  for (const step of history.steps) if (step.procedureVersion === version && step.agencyId && !agencyOfElement.has(step.elementId)) agencyOfElement.set(step.elementId, step.agencyId);
  const steps = perStep.steps.map((measured): StepDurations => {
    const stepName = names.get(version)?.get(measured.elementId);
    return { elementId: measured.elementId, ...(stepName ? { stepName } : {}), ...figuresOf(measured, dayMsOf(agencyOfElement.get(measured.elementId))) };
  });
  const ranked = steps.filter((step) => step.p90WorkingDays !== undefined).sort((a, b) => b.p90WorkingDays! - a.p90WorkingDays! || a.elementId.localeCompare(b.elementId));
  ranked.slice(0, SLOWEST_STEPS).forEach((step, index) => (step.slowestRank = index + 1));
  const reply = perUnit.citizenReply;
  return {
    procedureKey: query.procedureKey, version, period, rows, steps,
    gateways: gatewayBranchShares(record.definition as ProcedureDefinition, Object.fromEntries(perStep.steps.map((measured) => [measured.elementId, measured]))),
    arrivals: perUnit.arrivals,
    citizenReply: {
      sampleSize: reply.sampleSize,
      ...(reply.p50Ms === undefined ? {} : { p50WorkingDays: reply.p50Ms / national.workingDayMs, p90WorkingDays: reply.p90Ms! / national.workingDayMs }),
    },
  };
}
