/**
 * @module dossier-commands — what officials, citizens and the sweeper ask of an existing dossier, each one command
 * decided by the engine (engine/src/dossier/decide-dossier.ts says what each does and which rule it follows) in one
 * unit of work. Step commands re-read the step inside the unit of work and let the caller's guard (the access policy)
 * see it first; step data is bounded like an e-form before anything is decided.
 */
import { carryOut, type ReceivedDocument, type StepDecision, type SupplementRequestRecord } from '../../../engine/src/index';
import type { DossierRecord, StepRecord } from '../stores';
import type { Actor, DossierDeps } from './dossier-deps';
import { assertFormDataWithinLimits } from './form-data-limits';
import { runDossierCommand, runRequestedDossierChange, runStepCommand, type StepGuard } from './run-dossier-change';


export interface CompleteStepCommand {
  decision?: StepDecision;
  data?: Record<string, unknown>;
  note?: string;
}

export function claimStep(deps: DossierDeps, stepId: string, actor: Actor, guard: StepGuard): Promise<StepRecord> {
  return runStepCommand(deps, stepId, actor, guard, { type: 'step.claim', stepId });
}

export function completeStep(deps: DossierDeps, stepId: string, command: CompleteStepCommand, actor: Actor, guard: StepGuard): Promise<StepRecord> {
  // Step data becomes process variables and an audit record: the same bounds as an e-form, checked once the caller
  // is known to act on the step (a stranger learns nothing from a 400).
  const guarded: StepGuard = (step) => {
    guard(step);
    if (command.data) assertFormDataWithinLimits(command.data, 'data', deps.formLimits);
  };
  return runStepCommand(deps, stepId, actor, guarded, { type: 'step.complete', stepId, ...command });
}

export function reassignStep(deps: DossierDeps, stepId: string, assigneeId: string, reason: string | undefined, actor: Actor, guard: StepGuard): Promise<StepRecord> {
  return runStepCommand(deps, stepId, actor, guard, { type: 'step.reassign', stepId, assigneeId, ...(reason ? { reason } : {}) });
}

export function returnStep(deps: DossierDeps, stepId: string, command: { toElementId: string; reason: string }, actor: Actor, guard: StepGuard): Promise<StepRecord> {
  return runStepCommand(deps, stepId, actor, guard, { type: 'step.return', stepId, ...command });
}

export interface RequestSupplementCommand {
  /** The step asking (the reviewing official's open step); absent at the counter. */
  stepId?: string;
  missingComponents: SupplementRequestRecord['missingComponents'];
  reason: string;
  contactOfficial?: SupplementRequestRecord['contactOfficial'];
}

/** Form 02; when it names a step, that step must be the dossier's, pass the guard and still be open. */
export async function requestSupplement(deps: DossierDeps, dossierId: string, command: RequestSupplementCommand, actor: Actor, guard: StepGuard): Promise<DossierRecord> {
  const { dossier } = await runRequestedDossierChange(deps, dossierId, actor, async (change) => {
    if (command.stepId) {
      const step = await change.loadStep(command.stepId);
      if (step) guard(step);
    }
    await carryOut(change, { type: 'supplement.request', ...command });
  });
  return dossier;
}

export function recordSupplement(deps: DossierDeps, dossierId: string, command: { documents?: ReceivedDocument[]; note?: string }, actor: Actor): Promise<DossierRecord> {
  return runDossierCommand(deps, dossierId, actor, { type: 'supplement.record', ...command });
}

export function requestFees(deps: DossierDeps, dossierId: string, command: { amount: number; reason: string }, actor: Actor): Promise<DossierRecord> {
  return runDossierCommand(deps, dossierId, actor, { type: 'fees.request', ...command });
}

export function recordPayment(deps: DossierDeps, dossierId: string, command: { amount: number; note?: string }, actor: Actor): Promise<DossierRecord> {
  return runDossierCommand(deps, dossierId, actor, { type: 'fees.record', ...command });
}

export function acceptDossier(deps: DossierDeps, dossierId: string, actor: Actor): Promise<DossierRecord> {
  return runDossierCommand(deps, dossierId, actor, { type: 'submission.accept' });
}

export function refuseDossier(deps: DossierDeps, dossierId: string, reason: string, actor: Actor): Promise<DossierRecord> {
  return runDossierCommand(deps, dossierId, actor, { type: 'submission.refuse', reason });
}

export function finishDossier(deps: DossierDeps, dossierId: string, note: string | undefined, actor: Actor): Promise<DossierRecord> {
  return runDossierCommand(deps, dossierId, actor, { type: 'dossier.finish', ...(note ? { note } : {}) });
}

export function stopProcessing(deps: DossierDeps, dossierId: string, reason: string, actor: Actor): Promise<DossierRecord> {
  return runDossierCommand(deps, dossierId, actor, { type: 'processing.stop', reason });
}

export function withdrawDossier(deps: DossierDeps, dossierId: string, reason: string, actor: Actor): Promise<DossierRecord> {
  return runDossierCommand(deps, dossierId, actor, { type: 'dossier.withdraw', reason });
}

export function reappointDossier(deps: DossierDeps, dossierId: string, command: { newAppointmentAt: number; reason: string }, actor: Actor): Promise<DossierRecord> {
  return runDossierCommand(deps, dossierId, actor, { type: 'dossier.reappoint', ...command });
}

export function returnResult(deps: DossierDeps, dossierId: string, note: string | undefined, actor: Actor): Promise<DossierRecord> {
  return runDossierCommand(deps, dossierId, actor, { type: 'result.return', ...(note ? { note } : {}) });
}
