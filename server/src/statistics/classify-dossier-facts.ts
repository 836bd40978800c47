/**
 * @module classify-dossier-facts — one dossier's place in the figures of a period (DOMAIN.md "Early, on time,
 * overdue, nearly due"; Decision 766/QĐ-TTg): finished early / on time / overdue, or at the end of the period in
 * process in time / overdue, paused in time / overdue; and an open step's mark now. The judgement is the engine's
 * (`classifyFinished`, `classifyOpen`, and `isOnTime` for the rate): end less the citizen's supplement time against
 * the appointment, more than one supplement request overdue.
 */
import { classifyFinished, classifyOpen, endOfDossier, type DossierFacts } from '../../../engine/src/index';
import type { DossierFactsRecord, StepFacts } from './dossier-facts-record';
import type { StatsScope } from './stats-scope';

export type DossierClassification = 'early' | 'onTime' | 'overdue' | 'inTime' | 'inProcessOverdue' | 'pausedInTime' | 'pausedOverdue';
export type StepMark = 'overdue' | 'nearlyDue' | 'due' | 'paused';

export interface PeriodPlace {
  classification: DossierClassification;
  /** Started (received, or submitted when refused at intake) in the period. */
  received: boolean;
  /** The instant it was judged at: its end, or the end of the period. */
  judgedAt: number;
}

/** Converted once per stored record: the memory adapter hands out the same frozen records to every query. */
const engineFacts = new WeakMap<DossierFactsRecord, DossierFacts>();

/** The engine's view of the facts (`computeStatistics`, `endOfDossier`). */
export function toStatisticsFacts(record: DossierFactsRecord): DossierFacts {
  let facts = engineFacts.get(record);
  if (!facts) {
    // Absent optional fields stay undefined: the engine reads them with `=== undefined`.
    facts = {
      dossierId: record.dossierId,
      procedureCode: record.procedureKey,
      agencyId: record.agencyId,
      departmentIds: record.departmentIds,
      officialIds: record.officialIds,
      channel: record.channel,
      submittedAt: record.submittedAt,
      receivedAt: record.receivedAt,
      appointmentAt: record.appointmentAt,
      terminalAt: record.terminalAt,
      supplements: record.supplements,
    } as DossierFacts;
    engineFacts.set(record, facts);
  }
  return facts;
}

/** Where the dossier stands in `period`, or undefined when it was neither received nor processed in it. */
export function placeInPeriod(record: DossierFactsRecord, period: { from: number; to: number }): PeriodPlace | undefined {
  const closedAtIntake = record.terminalAt[3] !== undefined || record.terminalAt[7] !== undefined;
  const startAt = record.receivedAt ?? (closedAtIntake ? record.submittedAt : undefined);
  if (startAt === undefined || startAt > period.to) return undefined;
  const endAt = record.endAt ?? endOfDossier(toStatisticsFacts(record));
  if (endAt !== undefined && endAt < period.from) return undefined;
  const ended = endAt !== undefined && endAt <= period.to;
  const judgedAt = ended ? endAt : period.to;
  // The citizen's time is not the agency's (Decision 766/QĐ-TTg): judge the end less the supplement spans.
  const effectiveAt = judgedAt - citizenMs(record.supplements, judgedAt);
  const dueAt = record.appointmentAt ?? Number.POSITIVE_INFINITY;
  const supplementCount = record.supplements.length;
  const received = startAt >= period.from;
  if (ended) {
    const finished = record.appointmentAt === undefined && supplementCount <= 1 ? 'onTime' : classifyFinished({ finishedAt: effectiveAt, dueAt, supplementCount });
    return { classification: finished, received, judgedAt };
  }
  const paused = isPausedAt(record, judgedAt);
  const open = classifyOpen({ at: effectiveAt, dueAt, supplementCount, ...(paused ? { pausedAt: effectiveAt } : {}) });
  return { classification: open === 'overdue' ? 'inProcessOverdue' : open, received, judgedAt };
}

/** Whether the classification counts on time for the on-time rate. */
export const isOnTimeClass = (classification: DossierClassification): boolean =>
  classification === 'early' || classification === 'onTime' || classification === 'inTime' || classification === 'pausedInTime';

/** An open step's mark now, as the inbox shows it: paused, overdue at its due instant, nearly due at its threshold. */
export function stepMarkAt(step: StepFacts, now: number): StepMark {
  if (step.pausedAt !== undefined) return 'paused';
  if (step.dueAt !== undefined && now >= step.dueAt) return 'overdue';
  if (step.nearlyDueAt !== undefined && now >= step.nearlyDueAt) return 'nearlyDue';
  return 'due';
}

/** Whether the dossier belongs to the scope: its route reached the agency, department and official asked for. */
export function dossierInScope(record: DossierFactsRecord, scope: Omit<StatsScope, 'period' | 'days'>): boolean {
  if (scope.procedureKey !== undefined && record.procedureKey !== scope.procedureKey) return false;
  if (scope.agencyIds && !record.agencyIds.some((id) => scope.agencyIds!.includes(id))) return false;
  if (scope.departmentId !== undefined && !record.departmentIds.includes(scope.departmentId)) return false;
  return scope.officialId === undefined || record.officialIds.includes(scope.officialId);
}

/** Whether an open step belongs to the scope: its own unit and assignee, not the dossier's. */
export function stepInScope(step: StepFacts, scope: Omit<StatsScope, 'period' | 'days'>): boolean {
  if (scope.agencyIds && (step.agencyId === undefined || !scope.agencyIds.includes(step.agencyId))) return false;
  if (scope.departmentId !== undefined && step.departmentId !== scope.departmentId) return false;
  return scope.officialId === undefined || step.assigneeId === scope.officialId;
}

function citizenMs(supplements: DossierFactsRecord['supplements'], endAt: number): number {
  let total = 0;
  for (const span of supplements) {
    if (span.requestedAt < endAt) total += Math.min(span.completedAt ?? endAt, endAt) - span.requestedAt;
  }
  return total;
}

/** Waiting for the citizen (status 5) or for fees (status 6) at `at`. */
function isPausedAt(record: DossierFactsRecord, at: number): boolean {
  if (record.supplements.some((span) => span.requestedAt <= at && (span.completedAt === undefined || span.completedAt > at))) return true;
  return record.status === 6 && record.updatedAt <= at;
}
