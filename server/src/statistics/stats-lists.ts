/**
 * @module stats-lists — the drill-downs of the dashboard: open steps nearly due, overdue or orphaned now (by unit, official,
 * procedure), and dossiers of one classification in the period; also the heatmap's list of one element's dossiers.
 */
import { isOrphanedUnit, loadDirectory } from '../access/routing-coverage';
import { placeInPeriod, stepInScope, stepMarkAt, type DossierClassification, type StepMark } from './classify-dossier-facts';
import type { DossierFactsRecord, StepFacts } from './dossier-facts-record';
import type { StatsDeps } from './stats-deps';
import type { StatsScope } from './stats-scope';
import { factsInScope } from './stats-summary';

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

export async function listClassifiedDossiers(deps: StatsDeps, scope: StatsScope, classification: DossierClassification): Promise<DossierItem[]> {
  const items: DossierItem[] = [];
  for (const record of await factsInScope(deps, scope)) {
    const place = placeInPeriod(record, scope.period);
    if (place?.classification !== classification) continue;
    items.push({
      dossierId: record.dossierId,
      dossierCode: record.dossierCode,
      procedureKey: record.procedureKey,
      status: record.status,
      ...(record.receivedAt === undefined ? {} : { receivedAt: record.receivedAt }),
      ...(record.appointmentAt === undefined ? {} : { appointmentAt: record.appointmentAt }),
      ...(record.terminalAt[9] === undefined ? {} : { finishedAt: record.terminalAt[9] }),
      classification,
    });
  }
  return items.sort((a, b) => (b.receivedAt ?? 0) - (a.receivedAt ?? 0) || a.dossierCode.localeCompare(b.dossierCode));
}
