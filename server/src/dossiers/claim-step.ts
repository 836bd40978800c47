/** @module claim-step — an official takes an open step of their unit (it leaves the department inbox for theirs). */
import type { StepRecord } from '../stores';
import { Refusal } from '../refusal';
import type { Actor, DossierDeps } from './dossier-deps';
import { runStepChange, type StepGuard } from './step-change';

export async function claimStep(deps: DossierDeps, stepId: string, actor: Actor, guard: StepGuard): Promise<StepRecord> {
  const { step } = await runStepChange(deps, stepId, actor, guard, async (change, open) => {
    if (open.assigneeId !== undefined && open.assigneeId !== actor.id) {
      throw new Refusal({ kind: 'conflict', code: 'STEP_CLAIMED', title: 'The step is claimed by another official', detail: `Step "${open.name}" is assigned to ${open.assigneeId}.` });
    }
    change.updateStep({ ...open, assigneeId: actor.id });
    await change.audit('step.claimed', { elementId: open.elementId }, open.id);
  });
  return step;
}
