/**
 * @module complete-step — an official completes their step with a decision (procedures/README.md: approve, reject,
 * supplement, return) and data; the process instance moves on and the next unit's step opens (a hand-over, form 05).
 * A step completed meanwhile answers 409 `STEP_NOT_OPEN`: the revision check makes one of two racing completions win.
 */
import type { StepRecord } from '../stores';
import type { Actor, DossierDeps } from './dossier-deps';
import type { DossierChange } from './dossier-change';
import { assertFormDataWithinLimits } from './form-data-limits';
import { runStepChange, type StepGuard } from './step-change';

export type Decision = 'approve' | 'reject' | 'supplement' | 'return';

export interface CompleteStepCommand {
  decision?: Decision;
  data?: Record<string, unknown>;
  note?: string;
}

export async function completeStep(deps: DossierDeps, stepId: string, command: CompleteStepCommand, actor: Actor, guard: StepGuard): Promise<StepRecord> {
  // Step data becomes process variables and an audit record: the same bounds as an e-form, checked once the caller
  // is known to act on the step (a stranger learns nothing from a 400).
  const guarded: StepGuard = (step) => {
    guard(step);
    if (command.data) assertFormDataWithinLimits(command.data, 'data', deps.formLimits);
  };
  const { step } = await runStepChange(deps, stepId, actor, guarded, (change, open) => completeOpenStep(change, open, command));
  return step;
}

/** Completes `step` inside a running change (request-supplement uses it with the decision `supplement`). */
export async function completeOpenStep(change: DossierChange, step: StepRecord, command: CompleteStepCommand): Promise<void> {
  const decision = command.decision ?? 'approve';
  change.state.lastDecision = decision;
  // The outcome is kept before the engine closes the step, so the record says how it ended.
  change.updateStep({ ...step, outcome: decision, assigneeId: step.assigneeId ?? change.actor.id });
  await change.audit('step.completed', { elementId: step.elementId, decision, ...(command.note ? { note: command.note } : {}), data: command.data ?? {} }, step.id);
  await change.deliver({ type: 'task.completed', stepId: step.stepId, variables: { ...(command.data ?? {}), decision } });
}
