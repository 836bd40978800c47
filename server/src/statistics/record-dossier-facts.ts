/**
 * @module record-dossier-facts — the dashboard's hook in the dossier core's unit of work: after the dossier is
 * saved, its facts record is rewritten from the dossier and its steps in the same unit of work (`facts.within`), so
 * they commit or roll back with the dossier and a retried unit of work rewrites them too; after the commit, the heatmap elements whose open steps changed are announced.
 */
import type { DossierRecord, StepRecord, TxStores } from '../stores';
import type { HeatmapChange, HeatmapNotifier } from '../heatmap/heatmap-notifier';
import { toDossierFactsRecord, type DossierFactsRecord, type StepFacts } from './dossier-facts-record';
import type { DossierFactsStore } from './dossier-facts-store';
import { computeStatistics, WORKING_DAY_MS } from '../../../engine/src/index';
import type { StatsDeps } from './stats-deps';
import { workingTimeByAgency } from './working-time-by-agency';
import { placeInPeriod, toStatisticsFacts } from './classify-dossier-facts';
import { stepWorkingMs } from './official-step-tally';
import { latenessOf } from './stats-delays';

/** What the dashboard adds to the dossier core's dependencies (both optional: without them nothing is recorded). */
export interface DashboardDeps {
  facts?: DossierFactsStore;
  heatmapChanges?: HeatmapNotifier;
}

const STEP_LIMIT = 10_000;

/** The facts of dossier `dossierId` as stored, read in the unit of work (loaded beside the dossier, in one go). */
export async function loadDossierFacts(deps: object, tx: Pick<TxStores, 'unit'>, dossierId: string): Promise<DossierFactsRecord | undefined> {
  return (deps as DashboardDeps).facts?.within(tx.unit).get(dossierId);
}

/**
 * Rewrites the facts of `dossier` (as just saved) in the unit of work (`facts.within`: rolled back with the dossier);
 * returns the heatmap changes to announce once the unit of work commits. `known`: every step the change had in hand
 * (the open ones, the created and changed ones); `before`: the facts as loaded with the dossier. When `before` is of
 * the revision the change started from, the dossier's other steps are closed and unchanged, so their facts are kept
 * from it; otherwise (no facts yet, or written by another revision) every step is read.
 */
export async function recordDossierFacts(
  deps: object,
  tx: Pick<TxStores, 'steps' | 'unit'>,
  dossier: DossierRecord,
  change: { known: readonly StepRecord[]; before: DossierFactsRecord | undefined; isNew: boolean },
): Promise<HeatmapChange[]> {
  const shared = (deps as DashboardDeps).facts;
  if (!shared) return [];
  const facts = shared.within(tx.unit);
  const { known, before, isNew } = change;
  const after = isNew
    ? toDossierFactsRecord(dossier, known)
    : before && before.dossierRev === dossier.rev - 1
      ? toDossierFactsRecord(dossier, known, before.steps)
      : toDossierFactsRecord(dossier, withKnown((await tx.steps.list({ dossierId: dossier.id }, { offset: 0, limit: STEP_LIMIT })).items, known));
  // `before` is what this unit of work read (none for a new dossier): the store need not read it back.
  await facts.put(await withMeasuredTimes(deps as Pick<StatsDeps, 'calendars'>, after, before), { facts: isNew ? undefined : before });
  return heatmapChangesBetween(before, after);
}

/**
 * The dossier's steps as this unit of work leaves them: those stored, each replaced by the one in hand when known. The
 * unit's own writes may not be in the store yet (`TxStores.writeTogether` holds them until it ends).
 */
function withKnown(stored: readonly StepRecord[], known: readonly StepRecord[]): StepRecord[] {
  const byId = new Map(stored.map((step) => [step.id, step]));
  for (const step of known) byId.set(step.id, step);
  return [...byId.values()];
}

/**
 * `record` with its processing time (receipt to status 9 less the citizen's time, in working time on the receiving
 * agency's calendar, as `computeStatistics` counts it) when it has reached status 9: kept from `before` when the
 * instants it depends on did not change, else measured now. The rollups add it up for the average processing time.
 */
export async function withProcessingMs(deps: Pick<StatsDeps, 'calendars'>, record: DossierFactsRecord, before: DossierFactsRecord | undefined): Promise<DossierFactsRecord> {
  const finishedAt = record.terminalAt[9];
  if (finishedAt === undefined) return record;
  const same = before?.processingMs !== undefined && before.terminalAt[9] === finishedAt && before.receivedAt === record.receivedAt && JSON.stringify(before.supplements) === JSON.stringify(record.supplements);
  if (same) return { ...record, processingMs: before.processingMs };
  if (record.processingMs !== undefined && before === undefined) return record;
  const timeOf = await workingTimeByAgency(deps, [record.agencyId]);
  const figures = computeStatistics([toStatisticsFacts(record)], { period: { from: finishedAt, to: finishedAt }, unit: 'workingDays', workingTime: (facts) => timeOf(facts.agencyId) });
  const value = figures.averageProcessing?.value;
  return value === undefined ? record : { ...record, processingMs: value * WORKING_DAY_MS };
}

/**
 * `record` with the working times its rollups add up, measured on calendars once here rather than at each query:
 * its processing time (`withProcessingMs`), each completed step's working time (kept from `before` for a step
 * unchanged since), and for a dossier that finished late the delay attribution at its end (`latenessOf`).
 */
export async function withMeasuredTimes(deps: Pick<StatsDeps, 'calendars'>, record: DossierFactsRecord, before: DossierFactsRecord | undefined): Promise<DossierFactsRecord> {
  const measured = await withProcessingMs(deps, record, before);
  const previous = new Map((before?.steps ?? []).map((step) => [step.stepId, step]));
  const unmeasured = (step: StepFacts) => step.status === 'completed' && step.completedAt !== undefined && step.workingMs === undefined;
  const endedLate = measured.endAt !== undefined && placeInPeriod(measured, { from: Number.NEGATIVE_INFINITY, to: measured.endAt })?.classification === 'overdue';
  if (!measured.steps.some(unmeasured) && !endedLate && measured.lateness === undefined) return measured;
  const timeOf = await workingTimeByAgency(deps, measured.steps.map((step) => step.agencyId));
  const steps = measured.steps.map((step): StepFacts => {
    if (!unmeasured(step)) return step;
    const known = previous.get(step.stepId);
    const same = known?.workingMs !== undefined && known.startedAt === step.startedAt && known.completedAt === step.completedAt && JSON.stringify(known.pauses) === JSON.stringify(step.pauses);
    return { ...step, workingMs: same ? known.workingMs! : stepWorkingMs(step, timeOf(step.agencyId)) };
  });
  const { lateness: _stale, ...rest } = measured;
  const lateness = endedLate ? latenessOf({ ...rest, steps }, measured.endAt!, timeOf) : undefined;
  return { ...rest, steps, ...(lateness ? { lateness } : {}) };
}

/** Publishes the changes of a committed unit of work. */
export function announceHeatmapChanges(deps: object, changes: readonly HeatmapChange[]): void {
  const notifier = (deps as DashboardDeps).heatmapChanges;
  for (const change of changes) notifier?.publish(change);
}

/** Elements of steps that opened, closed or changed their clock (pause, nearly due, overdue) between two facts. */
export function heatmapChangesBetween(before: DossierFactsRecord | undefined, after: DossierFactsRecord): HeatmapChange[] {
  const old = new Map<string, StepFacts>((before?.openSteps ?? []).map((step) => [step.stepId, step]));
  const elements = new Set<string>();
  for (const step of after.openSteps) {
    const previous = old.get(step.stepId);
    if (!previous || JSON.stringify(previous) !== JSON.stringify(step)) elements.add(step.elementId);
    old.delete(step.stepId);
  }
  for (const step of old.values()) elements.add(step.elementId);
  return [...elements].map((elementId) => ({ procedureKey: after.procedureKey, version: after.procedureVersion, elementId }));
}
