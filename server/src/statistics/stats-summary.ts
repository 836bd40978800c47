/**
 * @module stats-summary — the headline figures of a period and scope (Decision 766/QĐ-TTg): dossiers received and
 * processed, each classification, the on-time rate, average processing time in working days and the online rate
 * (both from the engine's `computeStatistics`, so the figures are computed one way everywhere), the digitisation
 * rate, and the open steps nearly due, overdue and orphaned now (of the dossiers received by the end of the period,
 * so a period ending today counts every open step). The rate comes with its parts (`partsOf`), so the screen adds up.
 */
import { computeStatistics } from '../../../engine/src/index';
import { dossierInScope, placeInPeriod, stepInScope, stepMarkAt, toStatisticsFacts } from './classify-dossier-facts';
import type { DossierFactsRecord } from './dossier-facts-record';
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

export async function statsSummary(deps: StatsDeps, scope: StatsScope): Promise<StatsSummary> {
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
