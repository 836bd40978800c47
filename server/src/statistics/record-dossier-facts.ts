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
import { toStatisticsFacts } from './classify-dossier-facts';
import type { StatsDeps } from './stats-deps';
import { workingTimeByAgency } from './working-time-by-agency';

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
      : toDossierFactsRecord(dossier, (await tx.steps.list({ dossierId: dossier.id }, { offset: 0, limit: STEP_LIMIT })).items);
  await facts.put(await withProcessingMs(deps as Pick<StatsDeps, 'calendars'>, after, before));
  return heatmapChangesBetween(before, after);
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
