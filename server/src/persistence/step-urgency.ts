/**
 * @module step-urgency — the phase of an open step at an instant, from the instants kept beside its clock (`dueAt`,
 * `nearlyDueAt`, `pausedAt`), as the inbox's mark reads the clock itself (server/src/dossiers/inbox-mark.ts): paused
 * first, then overdue at the due instant, nearly due from its threshold. Both store adapters rank by it.
 */
import type { StepPhase, StepRecord } from '../stores';

export const PHASES_BY_URGENCY: readonly StepPhase[] = ['overdue', 'nearlyDue', 'due', 'paused', 'none'];

export function phaseOf(step: Pick<StepRecord, 'dueAt' | 'nearlyDueAt' | 'pausedAt'>, now: number): StepPhase {
  if (step.dueAt === undefined) return 'none';
  if (step.pausedAt !== undefined) return 'paused';
  if (now >= step.dueAt) return 'overdue';
  return step.nearlyDueAt !== undefined && now >= step.nearlyDueAt ? 'nearlyDue' : 'due';
}

/** Within a phase: earliest due first, then the order the steps were activated in. */
export function compareWithinPhase(a: StepRecord, b: StepRecord): number {
  return (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) || a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
