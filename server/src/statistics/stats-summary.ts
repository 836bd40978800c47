/**
 * @module stats-summary — the headline figures of a period and scope (Decision 766/QĐ-TTg): dossiers received and
 * processed, each classification, the on-time rate, average processing time in working days and the online rate
 * (both from the engine's `computeStatistics`, so the figures are computed one way everywhere), the digitisation
 * rate, and the open steps nearly due, overdue and orphaned now (of the dossiers received by the end of the period,
 * so a period ending today counts every open step). The rate comes with its parts (`partsOf`), so the screen adds up.
 * The dossier columns are read from the rollups (`rollup-figures.ts`, issue 18), the same figures as over the facts.
 */
import { computeStatistics } from '../../../engine/src/index';
import { dossierInScope, placeInPeriod, stepInScope, stepMarkAt, toStatisticsFacts } from './classify-dossier-facts';
import type { DossierFactsRecord, StepFacts } from './dossier-facts-record';
import { addCounts } from './dossier-rollup';
import { ratesOf, readKeyFigures, tallyOf } from './rollup-figures';
import { isOrphanedUnit, loadDirectory } from '../access/routing-coverage';
import { countDossier, countStep, createDossierTally, partsOf, type DossierTally, type TallyParts } from './dossier-tally';
import type { StatsDeps } from './stats-deps';
import type { StatsScope } from './stats-scope';
import { workingTimeByAgency } from './working-time-by-agency';

export interface StatsSummary extends DossierTally, TallyParts {
  period: { from: string; to: string };
  scope: { agencyIds?: readonly string[]; departmentId?: string; officialId?: string; procedureKey?: string };
  onTimeRate: number | null;
  averageProcessingDays: number | null;
  onlineRate: number | null;
  digitisationRate: number | null;
}

/** The facts of the dossiers in the period and scope (step history left out). */
export async function factsInScope(deps: StatsDeps, scope: StatsScope, options: { withHistory?: boolean } = {}): Promise<DossierFactsRecord[]> {
  const found = await deps.facts.list({
    startedTo: scope.period.to,
    endedFrom: scope.period.from,
    ...(scope.procedureKey ? { procedureKey: scope.procedureKey } : {}),
    ...(scope.agencyIds ? { agencyIds: scope.agencyIds } : {}),
    withoutHistory: options.withHistory !== true,
  });
  return found.filter((record) => dossierInScope(record, scope));
}

/**
 * The summary: from the rollups (a few documents per procedure and route, whatever the history), and the open steps
 * from the dossiers that have one; per official from the facts (rollups are not kept per official).
 */
export async function statsSummary(deps: StatsDeps, scope: StatsScope): Promise<StatsSummary> {
  if (scope.officialId !== undefined) return summaryFromFacts(deps, scope);
  const [figures, steps] = await Promise.all([readKeyFigures(deps.facts, scope), openStepTally(deps, scope, () => '')]);
  const counts = {};
  for (const each of figures) addCounts(counts, each.counts);
  const tally = { ...createDossierTally(), ...tallyOf(counts), ...pickSteps(steps.get('')) };
  const rates = ratesOf(counts);
  return { period: scope.days, scope: scopeOf(scope), ...tally, ...partsOf(tally), ...rates };
}

/** The step columns of a tally. */
export const pickSteps = (tally: DossierTally | undefined): Pick<DossierTally, 'nearlyDueSteps' | 'overdueSteps' | 'orphanedSteps'> => ({
  nearlyDueSteps: tally?.nearlyDueSteps ?? 0,
  overdueSteps: tally?.overdueSteps ?? 0,
  orphanedSteps: tally?.orphanedSteps ?? 0,
});

/**
 * The open steps nearly due, overdue and orphaned now, per row key (`keyOf`), of the dossiers in the period and scope
 * that have an open step: the live workload, read through the open-steps index, not the history.
 */
export async function openStepTally(deps: StatsDeps, scope: StatsScope, keyOf: (step: StepFacts, record: DossierFactsRecord) => string | undefined): Promise<Map<string, DossierTally>> {
  const found = await deps.facts.list({
    withOpenSteps: true,
    withoutHistory: true,
    startedTo: scope.period.to,
    endedFrom: scope.period.from,
    ...(scope.procedureKey ? { procedureKey: scope.procedureKey } : {}),
    ...(scope.agencyIds ? { agencyIds: scope.agencyIds } : {}),
  });
  const now = deps.clock.now();
  const directory = await loadDirectory(deps);
  const tallies = new Map<string, DossierTally>();
  for (const record of found) {
    if (!dossierInScope(record, scope)) continue;
    for (const step of record.openSteps) {
      const key = keyOf(step, record);
      if (key === undefined || !stepInScope(step, scope)) continue;
      let tally = tallies.get(key);
      if (!tally) tallies.set(key, (tally = createDossierTally()));
      countStep(tally, stepMarkAt(step, now), isOrphanedUnit(step, directory));
    }
  }
  return tallies;
}

export async function summaryFromFacts(deps: StatsDeps, scope: StatsScope): Promise<StatsSummary> {
  const records = await factsInScope(deps, scope);
  const now = deps.clock.now();
  const tally = createDossierTally();
  const directory = await loadDirectory(deps);
  let digitised = 0;
  for (const record of records) {
    const place = placeInPeriod(record, scope.period);
    if (place) {
      countDossier(tally, place.classification, place.received);
      if (place.received && record.digitised) digitised += 1;
    }
    for (const step of record.openSteps) if (stepInScope(step, scope)) countStep(tally, stepMarkAt(step, now), isOrphanedUnit(step, directory));
  }
  const timeOf = await workingTimeByAgency(deps, records.map((record) => record.agencyId));
  const figures = computeStatistics(records.map(toStatisticsFacts), { period: scope.period, unit: 'workingDays', workingTime: (facts) => timeOf(facts.agencyId) });
  return {
    period: scope.days,
    scope: scopeOf(scope),
    ...tally,
    ...partsOf(tally),
    onTimeRate: figures.onTimeRate ?? null,
    averageProcessingDays: figures.averageProcessing?.value ?? null,
    onlineRate: figures.onlineRate ?? null,
    digitisationRate: tally.received > 0 ? digitised / tally.received : null,
  };
}

export function scopeOf(scope: StatsScope): StatsSummary['scope'] {
  return {
    ...(scope.agencyIds ? { agencyIds: scope.agencyIds } : {}),
    ...(scope.departmentId ? { departmentId: scope.departmentId } : {}),
    ...(scope.officialId ? { officialId: scope.officialId } : {}),
    ...(scope.procedureKey ? { procedureKey: scope.procedureKey } : {}),
  };
}
