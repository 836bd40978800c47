/**
 * @module classify — early / on time / overdue for finished steps and dossiers, in time / overdue / paused-in-time /
 * paused-overdue for open ones: the figures of the process control slip (form 05, Circular 01/2018/TT-VPCP) and of
 * the service index (Decision 766/QĐ-TTg).
 *
 * "On time" is defined by the day, as the one-stop offices count it: a result promised for a day is *on time*
 * when it is finished on that local day (Vietnam, UTC+7) no later than the due instant, *early* when finished on
 * an earlier day, and *overdue* when finished after the due instant. Finishing exactly at the due instant is on time.
 */
import { openPause, type WorkingClock } from './working-clock';
import { WORKING_HOUR_MS } from './working-time';

export type FinishedClassification = 'early' | 'onTime' | 'overdue';
export type OpenClassification = 'inTime' | 'overdue' | 'pausedInTime' | 'pausedOverdue';

const VIETNAM_OFFSET_MS = 7 * WORKING_HOUR_MS;
const DAY_MS = 24 * WORKING_HOUR_MS;

export interface FinishedFacts {
  finishedAt: number;
  /** Due instant with the citizen's time already left out (the clock's projection after its pauses). */
  dueAt: number;
  /** Supplement requests made; more than one counts the dossier overdue (Decision 766/QĐ-TTg). */
  supplementCount?: number;
}

export interface OpenFacts {
  /** The instant of the classification (now, or the end of the statistics period). */
  at: number;
  dueAt: number;
  /** When the clock is paused (statuses 5, 6): the instant the pause began. */
  pausedAt?: number;
  supplementCount?: number;
}

/** Classifies a finished step or dossier. */
export function classifyFinished(facts: FinishedFacts): FinishedClassification {
  if ((facts.supplementCount ?? 0) > 1) return 'overdue';
  if (facts.finishedAt > facts.dueAt) return 'overdue';
  return localDay(facts.finishedAt) < localDay(facts.dueAt) ? 'early' : 'onTime';
}

/** Classifies an open step or dossier at `at`; a paused one is judged at the instant its pause began. */
export function classifyOpen(facts: OpenFacts): OpenClassification {
  const late = (facts.supplementCount ?? 0) > 1 || (facts.pausedAt ?? facts.at) > facts.dueAt;
  if (facts.pausedAt !== undefined) return late ? 'pausedOverdue' : 'pausedInTime';
  return late ? 'overdue' : 'inTime';
}

/** Classifies an open clock at `at` (step or dossier): the pause instant judges a paused one. */
export function classifyOpenClock(clock: WorkingClock, at: number, supplementCount?: number): OpenClassification {
  const pausedAt = openPause(clock)?.at;
  return classifyOpen({ at, dueAt: clock.dueAt, ...(pausedAt === undefined ? {} : { pausedAt }), supplementCount });
}

function localDay(at: number): number {
  return Math.floor((at + VIETNAM_OFFSET_MS) / DAY_MS);
}
