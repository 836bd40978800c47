/**
 * @module record-dossier-facts — the dashboard's hook in the dossier core's unit of work: after the dossier is
 * saved, its facts record is rewritten from the dossier and its steps in the same unit of work (`facts.within`), so
 * they commit or roll back with the dossier and a retried unit of work rewrites them too; after the commit, the heatmap elements whose open steps changed are announced.
 */
import type { DossierRecord, StepRecord, TxStores } from '../stores';
import type { HeatmapChange, HeatmapNotifier } from '../heatmap/heatmap-notifier';
import { toDossierFactsRecord, type DossierFactsRecord, type StepFacts } from './dossier-facts-record';
import type { DossierFactsStore } from './dossier-facts-store';

/** What the dashboard adds to the dossier core's dependencies (both optional: without them nothing is recorded). */
export interface DashboardDeps {
  facts?: DossierFactsStore;
  heatmapChanges?: HeatmapNotifier;
}

const STEP_LIMIT = 10_000;

/** Rewrites the facts of `dossier`; returns the heatmap changes to announce once the unit of work commits. */
export async function recordDossierFacts(deps: object, tx: Pick<TxStores, 'steps' | 'unit'>, dossier: DossierRecord): Promise<HeatmapChange[]> {
  const shared = (deps as DashboardDeps).facts;
  if (!shared) return [];
  const facts = shared.within(tx.unit); // written and read in the unit of work: rolled back with the dossier
  const before = await facts.get(dossier.id);
  const steps: StepRecord[] = (await tx.steps.list({ dossierId: dossier.id }, { offset: 0, limit: STEP_LIMIT })).items;
  const after = toDossierFactsRecord(dossier, steps);
  await facts.put(after);
  return heatmapChangesBetween(before, after);
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
