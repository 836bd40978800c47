/**
 * @module stats-lists — the drill-downs of the dashboard: open steps nearly due, overdue or orphaned now (by unit, official,
 * procedure), and dossiers of one classification in the period; also the heatmap's list of one element's dossiers. The
 * step lists read the dossiers with an open step (the `openElements` index): the work in process, not the history.
 */
import { isOrphanedUnit, loadDirectory } from '../access/routing-coverage';
import { dossierInScope, placeInPeriod, stepInScope, stepMarkAt, type DossierClassification, type StepMark } from './classify-dossier-facts';
import type { DossierFactsRecord, StepFacts } from './dossier-facts-record';
import type { StatsDeps } from './stats-deps';
import type { StatsScope } from './stats-scope';
import { addCounts } from './dossier-rollup';
import { readKeyFigures, tallyOf } from './rollup-figures';

export interface StepItem {
  stepId: string;
  dossierId: string;
  dossierCode: string;
  procedureKey: string;
  procedureVersion: number;
  elementId: string;
  stepName: string;
  agencyId?: string;
  departmentId?: string;
  assigneeId?: string;
  startedAt: number;
  dueAt?: number;
  mark: StepMark;
}

export interface DossierItem {
  dossierId: string;
  dossierCode: string;
  procedureKey: string;
  status: number;
  receivedAt?: number;
  appointmentAt?: number;
  finishedAt?: number;
  classification: DossierClassification;
}

export function toStepItem(record: DossierFactsRecord, step: StepFacts, mark: StepMark): StepItem {
  return {
    stepId: step.stepId,
    dossierId: record.dossierId,
    dossierCode: record.dossierCode,
    procedureKey: record.procedureKey,
    procedureVersion: record.procedureVersion,
    elementId: step.elementId,
    stepName: step.name,
    ...(step.agencyId === undefined ? {} : { agencyId: step.agencyId }),
    ...(step.departmentId === undefined ? {} : { departmentId: step.departmentId }),
    ...(step.assigneeId === undefined ? {} : { assigneeId: step.assigneeId }),
    startedAt: step.startedAt,
    ...(step.dueAt === undefined ? {} : { dueAt: step.dueAt }),
    mark,
  };
}

/** Most urgent first: earliest due, then oldest. */
export const byDue = (a: StepItem, b: StepItem): number => (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) || a.startedAt - b.startedAt || a.stepId.localeCompare(b.stepId);

/** Open steps nearly due or overdue now, or orphaned (their unit has no enabled official or head of unit to see them). */
export async function listMarkedSteps(deps: StatsDeps, scope: Omit<StatsScope, 'period' | 'days'>, mark: 'nearlyDue' | 'overdue' | 'orphaned'): Promise<StepItem[]> {
  const records = await deps.facts.list({ withOpenSteps: true, withoutHistory: true, ...(scope.procedureKey ? { procedureKey: scope.procedureKey } : {}), ...(scope.agencyIds ? { agencyIds: scope.agencyIds } : {}) });
  const now = deps.clock.now();
  const directory = mark === 'orphaned' ? await loadDirectory(deps) : undefined;
  const items: StepItem[] = [];
  for (const record of records) {
    if (scope.procedureKey !== undefined && record.procedureKey !== scope.procedureKey) continue;
    for (const step of record.openSteps) {
      if (!stepInScope(step, scope)) continue;
      const stepMark = stepMarkAt(step, now);
      if (directory ? isOrphanedUnit(step, directory) : stepMark === mark) items.push(toStepItem(record, step, stepMark));
    }
  }
  return items.sort(byDue);
}

const FINISHED = new Set<DossierClassification>(['early', 'onTime', 'overdue']);
const TALLY_FIELD: Record<DossierClassification, keyof ReturnType<typeof tallyOf>> = {
  early: 'finishedEarly', onTime: 'finishedOnTime', overdue: 'finishedOverdue', inTime: 'inProcessInTime',
  inProcessOverdue: 'inProcessOverdue', pausedInTime: 'pausedInTime', pausedOverdue: 'pausedOverdue',
};
/** Dossiers read from the database at a time while filling a page of finished ones. */
const BATCH = 500;

/**
 * The dossiers of one classification in the period, a page of them (`page` absent: all, for the CSV export), and how
 * many there are. These list individual dossiers, so they read dossiers' facts, but only those the classification can
 * hold and a page at a time: finished ones from the dossiers that ended in the period (the `endAt` index, the latest
 * first, batch after batch until the page is full), in process ones from the dossiers open at the period's end (and,
 * for the overdue ones, past their appointment then). The count comes from the rollups, as the summary's figure does
 * (from the facts within one official's scope, which the rollups do not keep).
 */
export async function listClassifiedDossiers(deps: StatsDeps, scope: StatsScope, classification: DossierClassification, page?: { offset: number; limit: number }): Promise<{ items: DossierItem[]; total: number }> {
  const narrowed = { ...(scope.procedureKey ? { procedureKey: scope.procedureKey } : {}), ...(scope.agencyIds ? { agencyIds: scope.agencyIds } : {}), withoutHistory: true };
  const matches = (record: DossierFactsRecord) => dossierInScope(record, scope) && placeInPeriod(record, scope.period)?.classification === classification;
  const counted = page && scope.officialId === undefined ? countFromRollups(deps, scope, classification) : undefined;
  let items: DossierItem[];
  if (FINISHED.has(classification)) {
    const wanted = page && counted ? page.offset + page.limit : Number.POSITIVE_INFINITY;
    const found: DossierFactsRecord[] = [];
    for (let offset = 0; found.length < wanted; offset += BATCH) {
      const batch = await deps.facts.list({ ...narrowed, endedWithin: scope.period, page: { offset, limit: BATCH } });
      found.push(...batch.filter(matches));
      if (batch.length < BATCH) break;
    }
    items = found.map((record) => toDossierItem(record, classification));
  } else {
    const open = await deps.facts.list({ ...narrowed, openAt: scope.period.to, ...(classification === 'inProcessOverdue' || classification === 'pausedOverdue' ? { pastAppointment: true } : {}) });
    items = open
      .filter(matches)
      .map((record) => toDossierItem(record, classification))
      .sort((a, b) => (b.receivedAt ?? 0) - (a.receivedAt ?? 0) || a.dossierCode.localeCompare(b.dossierCode));
  }
  const total = counted ? await counted : items.length;
  return { items: page ? items.slice(page.offset, page.offset + page.limit) : items, total };
}

async function countFromRollups(deps: StatsDeps, scope: StatsScope, classification: DossierClassification): Promise<number> {
  const counts = {};
  for (const figures of await readKeyFigures(deps.facts, scope)) addCounts(counts, figures.counts);
  return tallyOf(counts)[TALLY_FIELD[classification]];
}

function toDossierItem(record: DossierFactsRecord, classification: DossierClassification): DossierItem {
  return {
    dossierId: record.dossierId,
    dossierCode: record.dossierCode,
    procedureKey: record.procedureKey,
    status: record.status,
    ...(record.receivedAt === undefined ? {} : { receivedAt: record.receivedAt }),
    ...(record.appointmentAt === undefined ? {} : { appointmentAt: record.appointmentAt }),
    ...(record.terminalAt[9] === undefined ? {} : { finishedAt: record.terminalAt[9] }),
    classification,
  };
}
