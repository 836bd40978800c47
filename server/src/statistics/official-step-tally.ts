/**
 * @module official-step-tally — the figures per official count the steps that official handled (the steps assigned
 * to them, per hand-over like the control slip, form 05), not every dossier they touched: a counter official who
 * received two dossiers and finished one step is credited with that one step. Each step is judged as a dossier is
 * (DOMAIN.md "Early, on time, overdue": classified per step and per dossier): finished in the period against its due
 * instant (pauses already push it later), or at the end of the period in process in time, overdue or paused. The
 * same columns as the other rows, in steps: `received` steps started in the period, `processed` (the rate's
 * denominator) steps started in it or still open in it.
 */
import { classifyFinished, classifyOpen, type WorkingTime } from '../../../engine/src/index';
import type { DossierClassification } from './classify-dossier-facts';
import type { StepFacts } from './dossier-facts-record';

export interface StepPlace {
  classification: DossierClassification;
  received: boolean;
  /** Working time from start to completion, for a step finished in the period. */
  workingMs?: number;
}

/** Where a handled step stands in `period`, or undefined when it was not handled in it (or by nobody). */
export function placeStepInPeriod(step: StepFacts, period: { from: number; to: number }, time: WorkingTime): StepPlace | undefined {
  if (step.assigneeId === undefined || step.status === 'cancelled') return undefined;
  if (step.startedAt > period.to) return undefined;
  const endAt = step.status === 'completed' ? step.completedAt : undefined;
  if (endAt !== undefined && endAt < period.from) return undefined;
  const received = step.startedAt >= period.from;
  const dueAt = step.dueAt ?? Number.POSITIVE_INFINITY;
  if (endAt !== undefined && endAt <= period.to) {
    return { classification: classifyFinished({ finishedAt: endAt, dueAt }), received, workingMs: stepWorkingMs({ ...step, completedAt: endAt }, time) };
  }
  const pausedAt = step.pauses.find((span) => span.from <= period.to && (span.to === undefined || span.to > period.to))?.from;
  const open = classifyOpen({ at: period.to, dueAt, ...(pausedAt === undefined ? {} : { pausedAt }) });
  return { classification: open === 'overdue' ? 'inProcessOverdue' : open, received };
}

/** A completed step's working time from start to completion less its pauses, on `time` (its agency's calendar). */
export function stepWorkingMs(step: Pick<StepFacts, 'startedAt' | 'completedAt' | 'pauses'>, time: WorkingTime): number {
  const endAt = step.completedAt!;
  const pausedMs = step.pauses.reduce((sum, span) => sum + time.workingTimeBetween(span.from, Math.min(span.to ?? endAt, endAt)), 0);
  return time.workingTimeBetween(step.startedAt, endAt) - pausedMs;
}
