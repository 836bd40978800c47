/**
 * @module stats-delays — delay attribution per agency for inter-agency procedures: for each dossier overdue in the
 * period, the engine's `attributeDelay` names the agency whose steps overran their budgets most (that agency
 * apologises with form 04, Decree 61/2018/NĐ-CP Art. 19); rows sum the dossiers each agency delayed, the working
 * hours its steps overran, and the letters of apology it issued.
 *
 * At national scale (issue 18): a dossier that finished late is attributed once, at its end, when its facts are
 * written (`latenessOf`, kept in the rollups' `delays` per agency with the letters of apology), so the period's
 * finished dossiers are read from the rollups. A dossier still open and overdue at the end of the period is judged at
 * that instant, which moves with the period: those are read from the facts of the dossiers open then and past their
 * appointment (or with a second supplement request), an indexed query bounded by the work in process, not the history.
 */
import { attributeDelay, WORKING_HOUR_MS, type StepTiming, type WorkingTime } from '../../../engine/src/index';
import { dossierInScope, placeInPeriod } from './classify-dossier-facts';
import type { DossierFactsRecord } from './dossier-facts-record';
import { loadLabels, type StatsDeps } from './stats-deps';
import type { StatsScope } from './stats-scope';
import { factsInScope } from './stats-summary';
import { workingTimeByAgency } from './working-time-by-agency';
import { fromFieldName, type RollupDocument } from './dossier-rollup';
import { keyInScope, periodRanges } from './rollup-figures';
import { vietnamDayOf } from './stats-scope';

export interface DelayRow {
  agencyId: string;
  label: string;
  dossiersDelayed: number;
  overrunWorkingHours: number;
  apologiesIssued: number;
}

const LATE = new Set(['overdue', 'inProcessOverdue', 'pausedOverdue']);
const OPEN_LATE = new Set(['inProcessOverdue', 'pausedOverdue']);

type Rows = Map<string, Omit<DelayRow, 'label'>>;
const rowIn = (rows: Rows, agencyId: string) => {
  let row = rows.get(agencyId);
  if (!row) rows.set(agencyId, (row = { agencyId, dossiersDelayed: 0, overrunWorkingHours: 0, apologiesIssued: 0 }));
  return row;
};

/** The delay attribution of a dossier judged at `at` (its end, or the end of a period it is still open in). */
export function latenessOf(record: DossierFactsRecord, at: number, timeOf: (agencyId: string | undefined) => WorkingTime): NonNullable<DossierFactsRecord['lateness']> {
  const attribution = attributeDelay(stepTimings(record, timeOf), (step) => timeOf(step.agencyId), {
    at,
    ...(record.appointmentAt === undefined ? {} : { appointmentAt: record.appointmentAt }),
    leadAgencyId: record.agencyId,
  });
  return {
    ...(attribution.responsibleAgencyId === undefined ? {} : { responsibleAgencyId: attribution.responsibleAgencyId }),
    overruns: Object.entries(attribution.overrunByAgency).map(([agencyId, overrunMs]) => ({ agencyId, overrunMs })),
  };
}

export async function statsDelays(deps: StatsDeps, scope: StatsScope): Promise<{ rows: DelayRow[] }> {
  if (scope.officialId !== undefined) return delaysFromFacts(deps, scope);
  const rows: Rows = new Map();
  const [documents, open] = await Promise.all([
    deps.facts.rollups({
      ranges: periodRanges(vietnamDayOf(scope.period.from), vietnamDayOf(scope.period.to)),
      ...(scope.procedureKey === undefined ? {} : { procedureKey: scope.procedureKey }),
      ...(scope.agencyIds ? { agencyIds: scope.agencyIds } : {}),
      ...(scope.departmentId === undefined ? {} : { departmentId: scope.departmentId }),
      read: 'delays',
    }),
    deps.facts.list({
      openAt: scope.period.to,
      pastAppointment: true,
      ...(scope.procedureKey ? { procedureKey: scope.procedureKey } : {}),
      ...(scope.agencyIds ? { agencyIds: scope.agencyIds } : {}),
    }),
  ]);
  addRollupDelays(rows, documents, scope);
  await addOpenDelays(deps, rows, open.filter((record) => dossierInScope(record, scope)), scope, OPEN_LATE);
  return labelled(deps, rows, scope);
}

/** The finished dossiers' attribution and the letters of apology of the period, from the rollups' `delays`. */
function addRollupDelays(rows: Rows, documents: readonly RollupDocument[], scope: StatsScope): void {
  for (const document of documents) {
    if (!keyInScope(document, scope)) continue;
    for (const [field, counts] of Object.entries(document.delays ?? {})) {
      const row = rowIn(rows, fromFieldName(field));
      row.dossiersDelayed += counts.delayed ?? 0;
      row.overrunWorkingHours += (counts.overrunMs ?? 0) / WORKING_HOUR_MS;
      row.apologiesIssued += counts.apologies ?? 0;
    }
  }
}

/** Dossiers of `records` whose place in the period is one of `classes`, attributed at the instant they are judged. */
async function addOpenDelays(deps: StatsDeps, rows: Rows, records: readonly DossierFactsRecord[], scope: StatsScope, classes: ReadonlySet<string>): Promise<void> {
  const late = records.flatMap((record) => {
    const place = placeInPeriod(record, scope.period);
    return place && classes.has(place.classification) ? [{ record, at: place.judgedAt }] : [];
  });
  if (late.length === 0) return;
  // Each step's budget and overrun on the calendar of the agency holding it (issue 18).
  const timeOf = await workingTimeByAgency(deps, late.flatMap(({ record }) => record.steps.map((step) => step.agencyId)));
  for (const { record, at } of late) {
    const lateness = latenessOf(record, at, timeOf);
    for (const overrun of lateness.overruns) if (overrun.overrunMs > 0) rowIn(rows, overrun.agencyId).overrunWorkingHours += overrun.overrunMs / WORKING_HOUR_MS;
    if (lateness.responsibleAgencyId) rowIn(rows, lateness.responsibleAgencyId).dossiersDelayed += 1;
  }
}

async function labelled(deps: StatsDeps, rows: Rows, scope: StatsScope): Promise<{ rows: DelayRow[] }> {
  const label = await loadLabels(deps, 'agency');
  const visible = [...rows.values()].filter((row) => !scope.agencyIds || scope.agencyIds.includes(row.agencyId));
  return {
    rows: visible
      .filter((row) => row.dossiersDelayed > 0 || row.overrunWorkingHours > 0 || row.apologiesIssued > 0)
      .map((row) => ({ ...row, overrunWorkingHours: Math.round(row.overrunWorkingHours * 100) / 100, label: label(row.agencyId) }))
      .sort((a, b) => b.dossiersDelayed - a.dossiersDelayed || b.overrunWorkingHours - a.overrunWorkingHours),
  };
}

/** Every dossier of the period read from its facts and judged here: within one official's scope, and the reference the rollups are tested against. */
export async function delaysFromFacts(deps: StatsDeps, scope: StatsScope): Promise<{ rows: DelayRow[] }> {
  const records = await factsInScope(deps, scope, { withHistory: true });
  const rows: Rows = new Map();
  for (const record of records) {
    for (const letter of record.apologies) {
      if (letter.agencyId && letter.at >= scope.period.from && letter.at <= scope.period.to) rowIn(rows, letter.agencyId).apologiesIssued += 1;
    }
  }
  await addOpenDelays(deps, rows, records, scope, LATE);
  return labelled(deps, rows, scope);
}

/** The steps of a dossier that had a unit and a budget, with the due instant of the budget before any pause. */
function stepTimings(record: DossierFactsRecord, timeOf: (agencyId: string | undefined) => WorkingTime): StepTiming[] {
  const timings: StepTiming[] = [];
  for (const step of record.steps) {
    if (step.agencyId === undefined || step.status === 'cancelled') continue;
    const dueAt = step.budgetMs !== undefined ? timeOf(step.agencyId).addWorkingTime(step.startedAt, step.budgetMs) : step.dueAt;
    if (dueAt === undefined) continue;
    timings.push({
      stepId: step.stepId,
      agencyId: step.agencyId,
      startedAt: step.startedAt,
      dueAt,
      ...(step.completedAt === undefined ? {} : { completedAt: step.completedAt }),
      pausedSpans: step.pauses,
    });
  }
  return timings;
}
