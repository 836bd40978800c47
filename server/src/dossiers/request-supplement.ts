/**
 * @module request-supplement — the request to supplement (form 02, Circular 01/2018/TT-VPCP): given once, in
 * writing, listing every missing component. The dossier shows status 5 and its clocks follow the procedure's
 * policy (restart, pause, or a bounded wait after which it is rejected — Decree 63/2024/NĐ-CP). When the model has
 * a supplement wait (`supplement.received` receive task) the step is completed with the decision `supplement` and
 * the route goes there; otherwise the open steps are paused where they are.
 */
import type { DossierRecord } from '../stores';
import { Refusal } from '../refusal';
import { completeOpenStep } from './complete-step';
import type { Actor, DossierDeps } from './dossier-deps';
import type { SupplementRequestRecord } from './dossier-state';
import { pauseOpenSteps, waitKindOf } from './open-steps';
import { runDossierChange } from './run-dossier-change';
import { stepNotFound, stepNotOpen, type StepGuard } from './step-change';

export interface RequestSupplementCommand {
  /** The step asking (the reviewing official's open step); absent at the counter. */
  stepId?: string;
  missingComponents: { name: string; detail?: string }[];
  reason: string;
  contactOfficial?: SupplementRequestRecord['contactOfficial'];
}

export async function requestSupplement(deps: DossierDeps, dossierId: string, command: RequestSupplementCommand, actor: Actor, guard: StepGuard): Promise<DossierRecord> {
  const { dossier } = await runDossierChange(deps, dossierId, actor, async (change) => {
    if (change.dossier.status !== 2 && change.dossier.status !== 4) {
      throw new Refusal({ kind: 'conflict', code: 'TRANSITION_NOT_ALLOWED', title: 'Not allowed in the dossier\'s current status', detail: `A supplement can be requested in status 2 or 4; the dossier is in status ${change.dossier.status}.` });
    }
    const request: SupplementRequestRecord = {
      number: change.state.supplementRequests.length + 1,
      at: change.at,
      actorId: actor.id,
      ...(command.stepId ? { stepId: command.stepId } : {}),
      missingComponents: command.missingComponents,
      reason: command.reason,
      contactOfficial: command.contactOfficial ?? { name: actor.name ?? actor.id },
    };
    change.state.supplementRequests.push(request);
    change.pendingSupplement = { missing: command.missingComponents.map((c) => c.name), note: command.reason };
    const modelWaits = change.procedure.definition.processes.some((p) => Object.values(p.nodes).some((node) => waitKindOf(node) === 'supplement'));
    if (command.stepId) {
      const step = await change.loadStep(command.stepId);
      if (!step || step.dossierId !== dossierId) throw stepNotFound(command.stepId);
      guard(step);
      if (step.status !== 'open') throw stepNotOpen(step);
      if (modelWaits) await completeOpenStep(change, step, { decision: 'supplement', note: command.reason });
    }
    if ((change.dossier.status as number) !== 5) {
      await change.applyLifecycle({ type: 'supplement.requested', at: change.at, actorId: actor.id, missing: change.pendingSupplement.missing, note: command.reason });
      await pauseOpenSteps(change, 'supplement');
    }
    await change.audit('supplement.requested', { number: request.number, missingComponents: request.missingComponents, reason: request.reason }, command.stepId);
  });
  return dossier;
}
