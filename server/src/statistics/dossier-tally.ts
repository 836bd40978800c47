/**
 * @module dossier-tally — the counts of one row of the dashboard (the whole scope, or one agency, department,
 * official or procedure): dossiers by classification at the end of the period, and open steps nearly due and
 * overdue now.
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
  return { received: 0, processed: 0, finishedEarly: 0, finishedOnTime: 0, finishedOverdue: 0, inProcessInTime: 0, inProcessOverdue: 0, pausedInTime: 0, pausedOverdue: 0, nearlyDueSteps: 0, overdueSteps: 0 };
}

/** Counts a dossier handled in the period (`processed` is the on-time rate's denominator). */
export function countDossier(tally: DossierTally, classification: DossierClassification, received: boolean): void {
  tally.processed += 1;
  tally[FIELD[classification]] += 1;
  if (received) tally.received += 1;
}

export function countStep(tally: DossierTally, mark: StepMark): void {
  if (mark === 'nearlyDue') tally.nearlyDueSteps += 1;
  else if (mark === 'overdue') tally.overdueSteps += 1;
}
