/**
 * @module stats-breakdown — the dashboard's figures per agency, department, official or procedure. A dossier counts
 * under every agency, department and procedure its route reached (Decision 766/QĐ-TTg asks them per unit); an open
 * step counts under its own unit. Per official the rows count the steps each official handled, not the dossiers
 * (`official-step-tally.ts`): receiving a dossier at the counter does not make an official answer for its route.
 * The dossier columns come from the rollups (`rollup-figures.ts`); per official from the officials' step rollups,
 * kept with each step an official completes (issue 18); per agency, department or procedure within one official's
 * scope, from the facts.
 */
import { computeStatisticsBy, WORKING_HOUR_MS, type DossierFacts } from '../../../engine/src/index';
import { isOnTimeClass, placeInPeriod, stepInScope, stepMarkAt, toStatisticsFacts } from './classify-dossier-facts';
import { placeStepInPeriod } from './official-step-tally';
import type { DossierFactsRecord, StepFacts } from './dossier-facts-record';
import { isOrphanedUnit, loadDirectory } from '../access/routing-coverage';
import { countDossier, countStep, createDossierTally, type DossierTally } from './dossier-tally';
import { loadLabels, type Dimension, type StatsDeps } from './stats-deps';
import type { StatsScope } from './stats-scope';
import { workingTimeByAgency } from './working-time-by-agency';
import { factsInScope, openStepTally, pickSteps } from './stats-summary';
import { addCounts, OFFICIAL_PREFIX, type RollupCounter, type RollupKey } from './dossier-rollup';
import { ratesOf, readKeyFigures, tallyOf } from './rollup-figures';

export interface BreakdownRow extends DossierTally {
  key: string;
  label: string;
  onTimeRate: number | null;
  averageProcessingDays: number | null;
}

/** The keys a dossier counts under, limited to the scope asked for. */
export function dossierKeys(record: DossierFactsRecord, by: Dimension, scope: StatsScope): string[] {
  switch (by) {
    case 'agency':
      return scope.agencyIds ? record.agencyIds.filter((id) => scope.agencyIds!.includes(id)) : record.agencyIds;
    case 'department':
      return scope.departmentId ? record.departmentIds.filter((id) => id === scope.departmentId) : record.departmentIds;
    case 'official':
      return scope.officialId ? record.officialIds.filter((id) => id === scope.officialId) : record.officialIds;
    case 'procedure':
      return [record.procedureKey];
  }
}

export function stepKey(step: StepFacts, record: DossierFactsRecord, by: Dimension): string | undefined {
  if (by === 'agency') return step.agencyId;
  if (by === 'department') return step.departmentId;
  if (by === 'official') return step.assigneeId;
  return record.procedureKey;
}

/** The keys the dossiers (or an official's steps) of a rollup key count under (as `dossierKeys`). */
function rollupRowKeys(key: RollupKey, by: Dimension, scope: StatsScope): string[] {
  if (by === 'official') return key.officialId !== undefined && (scope.officialId === undefined || key.officialId === scope.officialId) ? [key.officialId] : [];
  if (by === 'agency') return scope.agencyIds ? key.agencyIds.filter((id) => scope.agencyIds!.includes(id)) : key.agencyIds;
  if (by === 'department') return scope.departmentId ? key.departmentIds.filter((id) => id === scope.departmentId) : key.departmentIds;
  return [key.procedureKey];
}

export async function statsBreakdown(deps: StatsDeps, scope: StatsScope, by: Dimension): Promise<{ rows: BreakdownRow[] }> {
  if (by === 'official' || scope.officialId === undefined) return rollupBreakdown(deps, scope, by);
  return breakdownFromFacts(deps, scope, by);
}

/**
 * Per agency, department or procedure from the dossiers' rollups, per official from the officials' step rollups
 * (`OFFICIAL_PREFIX`, in steps); the open steps under their own unit or assignee from the open dossiers.
 */
async function rollupBreakdown(deps: StatsDeps, scope: StatsScope, by: Dimension): Promise<{ rows: BreakdownRow[] }> {
  const [figures, steps, label] = await Promise.all([
    readKeyFigures(deps.facts, scope, by === 'official' ? OFFICIAL_PREFIX : ''),
    openStepTally(deps, scope, (step, record) => stepKey(step, record, by)),
    loadLabels(deps, by),
  ]);
  const counts = new Map<string, Partial<Record<RollupCounter, number>>>();
  for (const each of figures) {
    for (const key of rollupRowKeys(each.key, by, scope)) {
      if (!counts.has(key)) counts.set(key, {});
      addCounts(counts.get(key)!, each.counts);
    }
  }
  const keys = new Set([...[...counts].filter(([, n]) => tallyOf(n).processed > 0).map(([key]) => key), ...steps.keys()]);
  const rows = [...keys].map((key): BreakdownRow => {
    const own = counts.get(key) ?? {};
    const rates = ratesOf(own);
    return { key, label: label(key), ...createDossierTally(), ...tallyOf(own), ...pickSteps(steps.get(key)), onTimeRate: rates.onTimeRate, averageProcessingDays: rates.averageProcessingDays };
  });
  rows.sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  return { rows };
}

export async function breakdownFromFacts(deps: StatsDeps, scope: StatsScope, by: Dimension): Promise<{ rows: BreakdownRow[] }> {
  const records = await factsInScope(deps, scope);
  const now = deps.clock.now();
  const directory = await loadDirectory(deps);
  const tallies = new Map<string, DossierTally>();
  const tallyOf = (key: string): DossierTally => {
    let tally = tallies.get(key);
    if (!tally) tallies.set(key, (tally = createDossierTally()));
    return tally;
  };
  const keysOf = new Map<DossierFacts, string[]>();
  for (const record of records) {
    const keys = dossierKeys(record, by, scope);
    keysOf.set(toStatisticsFacts(record), keys);
    const place = placeInPeriod(record, scope.period);
    if (place) for (const key of keys) countDossier(tallyOf(key), place.classification, place.received);
    for (const step of record.openSteps) {
      const key = stepKey(step, record, by);
      if (key !== undefined && stepInScope(step, scope)) countStep(tallyOf(key), stepMarkAt(step, now), isOrphanedUnit(step, directory));
    }
  }
  const timeOf = await workingTimeByAgency(deps, records.map((record) => record.agencyId));
  const figures = computeStatisticsBy(keysOf.keys(), (facts) => keysOf.get(facts), { period: scope.period, unit: 'workingDays', workingTime: (facts) => timeOf(facts.agencyId) });
  const label = await loadLabels(deps, by);
  const rows = [...tallies].map(([key, tally]): BreakdownRow => {
    const own = figures.get(key);
    return { key, label: label(key), ...tally, onTimeRate: own?.onTimeRate ?? null, averageProcessingDays: own?.averageProcessing?.value ?? null };
  });
  rows.sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  return { rows };
}

/**
 * Per official from the facts: the steps each handled in the period (the rate and the average over steps, in working
 * days), judged here one by one — what the officials' step rollups are tested against.
 */
export async function officialBreakdownFromFacts(deps: StatsDeps, scope: StatsScope): Promise<{ rows: BreakdownRow[] }> {
  const records = await factsInScope(deps, scope, { withHistory: true });
  const now = deps.clock.now();
  // Each step on the calendar of the agency holding it (issue 18).
  const timeOf = await workingTimeByAgency(deps, records.flatMap((record) => (record.steps.length > 0 ? record.steps : record.openSteps).map((step) => step.agencyId)));
  const directory = await loadDirectory(deps);
  const rows = new Map<string, { tally: DossierTally; onTime: number; finished: number; workingMs: number }>();
  const rowOf = (key: string) => {
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { tally: createDossierTally(), onTime: 0, finished: 0, workingMs: 0 }));
    return row;
  };
  for (const record of records) {
    for (const step of record.steps.length > 0 ? record.steps : record.openSteps) {
      if (step.assigneeId === undefined || !stepInScope(step, scope)) continue;
      const place = placeStepInPeriod(step, scope.period, timeOf(step.agencyId));
      if (!place && step.status !== 'open') continue;
      const row = rowOf(step.assigneeId);
      if (place) {
        countDossier(row.tally, place.classification, place.received);
        if (isOnTimeClass(place.classification)) row.onTime += 1;
        if (place.workingMs !== undefined) {
          row.finished += 1;
          row.workingMs += place.workingMs;
        }
      }
      if (step.status === 'open') countStep(row.tally, stepMarkAt(step, now), isOrphanedUnit(step, directory));
    }
  }
  const label = await loadLabels(deps, 'official');
  const result = [...rows].map(([key, row]): BreakdownRow => ({
    key,
    label: label(key),
    ...row.tally,
    onTimeRate: row.tally.processed > 0 ? row.onTime / row.tally.processed : null,
    averageProcessingDays: row.finished > 0 ? row.workingMs / row.finished / (8 * WORKING_HOUR_MS) : null,
  }));
  result.sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  return { rows: result };
}
