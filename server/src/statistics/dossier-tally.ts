/**
 * @module dossier-tally — the counts of one row of the dashboard (the whole scope, or one agency, department,
 * official or procedure): dossiers by classification at the end of the period, and open steps nearly due and
 * overdue now, and open steps nobody can see (orphaned: their unit has no enabled official or head of unit).
 *
 * The parts add up (Decision 766/QĐ-TTg, DOMAIN.md "Statistics"): `processed` (the on-time rate's denominator,
 * dossiers received in the period or still processed in it) = finished (early + on time + overdue) + in process at
 * the end of the period (in time + overdue + paused in time + paused overdue); the rate's numerator `onTime` = early
 * + on time + in process in time + paused in time.
 */
import type { DossierClassification, StepMark } from './classify-dossier-facts';

export interface DossierTally {
  received: number;
  processed: number;
  finishedEarly: number;
  finishedOnTime: number;
  finishedOverdue: number;
  inProcessInTime: number;
  inProcessOverdue: number;
  pausedInTime: number;
  pausedOverdue: number;
  nearlyDueSteps: number;
  overdueSteps: number;
  orphanedSteps: number;
}

const FIELD: Record<DossierClassification, keyof DossierTally> = {
  early: 'finishedEarly',
  onTime: 'finishedOnTime',
  overdue: 'finishedOverdue',
  inTime: 'inProcessInTime',
  inProcessOverdue: 'inProcessOverdue',
  pausedInTime: 'pausedInTime',
  pausedOverdue: 'pausedOverdue',
};

export function createDossierTally(): DossierTally {
  return { received: 0, processed: 0, finishedEarly: 0, finishedOnTime: 0, finishedOverdue: 0, inProcessInTime: 0, inProcessOverdue: 0, pausedInTime: 0, pausedOverdue: 0, nearlyDueSteps: 0, overdueSteps: 0, orphanedSteps: 0 };
}

/** Counts a dossier handled in the period (`processed` is the on-time rate's denominator). */
export function countDossier(tally: DossierTally, classification: DossierClassification, received: boolean): void {
  tally.processed += 1;
  tally[FIELD[classification]] += 1;
  if (received) tally.received += 1;
}

export function countStep(tally: DossierTally, mark: StepMark, orphaned: boolean): void {
  if (mark === 'nearlyDue') tally.nearlyDueSteps += 1;
  else if (mark === 'overdue') tally.overdueSteps += 1;
  if (orphaned) tally.orphanedSteps += 1;
}

/** The tally's parts as the dashboard shows them beside the rate, each defined once here. */
export interface TallyParts {
  /** Finished in the period (statuses 3, 7, 8, 9, 10): early + on time + overdue. */
  finished: number;
  /** Not finished at the end of the period, paused ones included. */
  inProcess: number;
  /** The on-time rate's numerator: finished early or on time, or in process (or paused) within time. */
  onTime: number;
  /** Finished late, or in process (or paused) overdue: `processed − onTime`. */
  overdue: number;
}

export function partsOf(tally: DossierTally): TallyParts {
  const finished = tally.finishedEarly + tally.finishedOnTime + tally.finishedOverdue;
  const inProcess = tally.inProcessInTime + tally.inProcessOverdue + tally.pausedInTime + tally.pausedOverdue;
  const onTime = tally.finishedEarly + tally.finishedOnTime + tally.inProcessInTime + tally.pausedInTime;
  return { finished, inProcess, onTime, overdue: finished + inProcess - onTime };
}
