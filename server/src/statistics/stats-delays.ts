/**
 * @module stats-delays — delay attribution per agency for inter-agency procedures: for each dossier overdue in the
 * period, the engine's `attributeDelay` names the agency whose steps overran their budgets most (that agency
 * apologises with form 04, Decree 61/2018/NĐ-CP Art. 19); rows sum the dossiers each agency delayed, the working
 * hours its steps overran, and the letters of apology it issued.
 */
import { attributeDelay, WORKING_HOUR_MS, type StepTiming, type WorkingTime } from '../../../engine/src/index';
import { placeInPeriod } from './classify-dossier-facts';
import type { DossierFactsRecord } from './dossier-facts-record';
import { loadLabels, type StatsDeps } from './stats-deps';
import type { StatsScope } from './stats-scope';
import { factsInScope } from './stats-summary';
import { workingTimeByAgency } from './working-time-by-agency';

export interface DelayRow {
  agencyId: string;
  label: string;
  dossiersDelayed: number;
  overrunWorkingHours: number;
  apologiesIssued: number;
}

const LATE = new Set(['overdue', 'inProcessOverdue', 'pausedOverdue']);

export async function statsDelays(deps: StatsDeps, scope: StatsScope): Promise<{ rows: DelayRow[] }> {
  const records = await factsInScope(deps, scope, { withHistory: true });
  // Each step's budget and overrun on the calendar of the agency holding it (issue 18).
  const timeOf = await workingTimeByAgency(deps, records.flatMap((record) => record.steps.map((step) => step.agencyId)));
  const rows = new Map<string, Omit<DelayRow, 'label'>>();
  const rowOf = (agencyId: string) => {
    let row = rows.get(agencyId);
    if (!row) rows.set(agencyId, (row = { agencyId, dossiersDelayed: 0, overrunWorkingHours: 0, apologiesIssued: 0 }));
    return row;
  };
  for (const record of records) {
    for (const letter of record.apologies) {
      if (letter.agencyId && letter.at >= scope.period.from && letter.at <= scope.period.to) rowOf(letter.agencyId).apologiesIssued += 1;
    }
    const place = placeInPeriod(record, scope.period);
    if (!place || !LATE.has(place.classification)) continue;
    const attribution = attributeDelay(stepTimings(record, timeOf), (step) => timeOf(step.agencyId), {
      at: place.judgedAt,
      ...(record.appointmentAt === undefined ? {} : { appointmentAt: record.appointmentAt }),
      leadAgencyId: record.agencyId,
    });
    for (const [agencyId, overrunMs] of Object.entries(attribution.overrunByAgency)) {
      if (overrunMs > 0) rowOf(agencyId).overrunWorkingHours += overrunMs / WORKING_HOUR_MS;
    }
    if (attribution.responsibleAgencyId) rowOf(attribution.responsibleAgencyId).dossiersDelayed += 1;
  }
  const label = await loadLabels(deps, 'agency');
  const visible = [...rows.values()].filter((row) => !scope.agencyIds || scope.agencyIds.includes(row.agencyId));
  return {
    rows: visible
      .map((row) => ({ ...row, overrunWorkingHours: Math.round(row.overrunWorkingHours * 100) / 100, label: label(row.agencyId) }))
      .sort((a, b) => b.dossiersDelayed - a.dossiersDelayed || b.overrunWorkingHours - a.overrunWorkingHours),
  };
}

/** The steps of a dossier that had a unit and a budget, with the due instant of the budget before any pause. */
function stepTimings(record: DossierFactsRecord, timeOf: (agencyId: string) => WorkingTime): StepTiming[] {
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
