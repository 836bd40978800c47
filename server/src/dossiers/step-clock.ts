/**
 * @module step-clock — the step clock of one StepRecord: started when the step opens (its budget, nearly-due
 * threshold and escalation ladder from the model), then moved by events (paused while the citizen supplements,
 * stopped with a classification for form 05). The snapshot is stored on the step (`clock`), `dueAt`, `nearlyDueAt`
 * and `pausedAt` beside it.
 */
import { applyMachineEvent, openPause, startMachine, type Budget, type EscalationRung, type NearlyDueThreshold, type StepClockContext, type StepClockEvent, type SupplementPolicy } from '../../../engine/src/index';
import type { StepRecord } from '../stores';
import { applyClockEmitted } from './apply-clock-emitted';
import type { DossierChange } from './dossier-change';

export interface StepClockSettings {
  budget: Budget;
  nearlyDue?: NearlyDueThreshold;
  escalation?: EscalationRung[];
}

/**
 * The step's share of the supplement policy. A bounded wait is the dossier's (its window and rejection live in
 * the dossier lifecycle), so a step only pauses; restart and pause apply as they are.
 */
export function stepPolicyOf(policy: SupplementPolicy | undefined): SupplementPolicy {
  if (!policy || policy.kind === 'boundedWait') return { kind: 'pause' };
  return policy;
}

export function clockContextOf(step: StepRecord): StepClockContext | undefined {
  return (step.clock as { context?: StepClockContext } | undefined)?.context;
}

/** The clock's instants kept beside it on the record, for the stores to filter and rank the inbox by. */
function instantsOf(context: StepClockContext): Pick<StepRecord, 'dueAt' | 'nearlyDueAt' | 'pausedAt'> {
  const pausedAt = openPause(context.clock)?.at;
  return {
    dueAt: context.clock.dueAt,
    ...(context.clock.nearlyDueAt === undefined ? {} : { nearlyDueAt: context.clock.nearlyDueAt }),
    ...(pausedAt === undefined ? {} : { pausedAt }),
  };
}

/** Starts the clock of a new step record and schedules its timers; returns the record with `clock` and `dueAt`. */
export async function startStepClock(change: DossierChange, step: Omit<StepRecord, 'rev'>, settings: StepClockSettings): Promise<Omit<StepRecord, 'rev'>> {
  const policy = stepPolicyOf(change.procedure.definition.procedure?.supplementPolicy);
  const started = startMachine(change.kit.stepMachine, { clockId: step.id, startAt: step.startedAt, ...settings, policy });
  const context = (started.snapshot as { context: StepClockContext }).context;
  const record = { ...step, clock: started.snapshot, ...instantsOf(context) };
  for (const item of started.emitted) await applyClockEmitted(change, 'step', item, record as StepRecord);
  return record;
}

/** Applies `event` to the step's clock (if it has one) and acts on what it emitted; returns the changed record. */
export async function applyStepClock(change: DossierChange, step: StepRecord, event: StepClockEvent): Promise<StepRecord> {
  if (step.clock === undefined) return step;
  const next = applyMachineEvent(change.kit.stepMachine, step.clock, event);
  const context = (next.snapshot as { context: StepClockContext }).context;
  const { nearlyDueAt: _nearlyDueAt, pausedAt: _pausedAt, ...rest } = step;
  const record: StepRecord = { ...rest, clock: next.snapshot, ...instantsOf(context) };
  for (const item of next.emitted) await applyClockEmitted(change, 'step', item, record);
  // A rung that says "reassign" puts the step back in the unit's pool for the head to hand on (DOMAIN.md "Overdue consequences").
  if (next.emitted.some((item) => item.type === 'step.escalated' && item.reassign) && record.assigneeId !== undefined) {
    await change.audit('step.unassigned', { elementId: step.elementId, from: record.assigneeId, why: 'escalation' }, step.id);
    delete record.assigneeId;
  }
  return record;
}
