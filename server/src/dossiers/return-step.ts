/**
 * @module return-step — an official sends the dossier back to an earlier step of the route with a reason (e.g. a
 * head of office returns the draft to the expert). The open step is cancelled and the earlier user task opens
 * again with a fresh clock (engine event `step.returned`); the reason is audited and recorded on the progress.
 */
import type { EngineEvent } from '../../../engine/src/index';
import type { StepRecord } from '../stores';
import type { Actor, DossierDeps } from './dossier-deps';
import { runStepChange, type StepGuard } from './step-change';
import { findNode } from './open-steps';
import { Refusal } from '../refusal';

export async function returnStep(deps: DossierDeps, stepId: string, command: { toElementId: string; reason: string }, actor: Actor, guard: StepGuard): Promise<StepRecord> {
  const { step } = await runStepChange(deps, stepId, actor, guard, async (change, open) => {
    const from = findNode(change.procedure.definition, open.elementId);
    const target = findNode(change.procedure.definition, command.toElementId);
    if (!target || target.kind !== 'userTask' || target.scopeId !== from?.scopeId || target.id === open.elementId) {
      throw new Refusal({
        kind: 'unprocessable',
        code: 'RETURN_TARGET_INVALID',
        title: 'A step can only be returned to another user task of its route',
        detail: `${command.toElementId} is not another user task in the scope of ${open.elementId}.`,
      });
    }
    change.state.lastDecision = 'return';
    change.updateStep({ ...open, outcome: 'return', assigneeId: open.assigneeId ?? actor.id });
    await change.audit('step.returned', { elementId: open.elementId, toElementId: command.toElementId, reason: command.reason }, open.id);
    const event = { type: 'step.returned', stepId: open.stepId, toElementId: command.toElementId, reason: command.reason } as unknown as EngineEvent;
    await change.deliver(event);
  });
  return step;
}
