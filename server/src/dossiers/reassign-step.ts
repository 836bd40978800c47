/**
 * @module reassign-step — a head of unit hands an open step to another official of the unit (e.g. when an
 * escalation rung says so, or the assignee is absent). Only the access policy's `step.reassign` may call it.
 */
import type { StepRecord } from '../stores';
import type { Actor, DossierDeps } from './dossier-deps';
import { runStepChange, type StepGuard } from './step-change';

export async function reassignStep(deps: DossierDeps, stepId: string, assigneeId: string, reason: string | undefined, actor: Actor, guard: StepGuard): Promise<StepRecord> {
  const { step } = await runStepChange(deps, stepId, actor, guard, async (change, open) => {
    change.updateStep({ ...open, assigneeId });
    await change.audit('step.reassigned', { elementId: open.elementId, from: open.assigneeId ?? null, to: assigneeId, ...(reason ? { reason } : {}) }, open.id);
    change.notifyOfficials('step.reassigned', { stepId: open.id, stepName: open.name, agencyId: open.agencyId, departmentId: open.departmentId, assigneeId });
  });
  return step;
}
