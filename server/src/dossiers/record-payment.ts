/** @module record-payment — fees paid (status 6 → 4): the clocks resume with the time they had left. */
import type { DossierRecord } from '../stores';
import type { Actor, DossierDeps } from './dossier-deps';
import { FEES_MESSAGE, resumeOpenSteps } from './open-steps';
import { runDossierChange } from './run-dossier-change';

export async function recordPayment(deps: DossierDeps, dossierId: string, command: { amount: number; note?: string }, actor: Actor): Promise<DossierRecord> {
  const { dossier } = await runDossierChange(deps, dossierId, actor, async (change) => {
    await change.applyLifecycle({ type: 'fees.paid', at: change.at, actorId: actor.id, ...(command.note ? { note: command.note } : {}) });
    change.state.fees.push({ at: change.at, actorId: actor.id, action: 'fees.paid', amount: command.amount });
    await resumeOpenSteps(change);
    const waiting = change.openSteps().some((step) => step.kind === 'receiveTask');
    if (waiting && change.isInstanceRunning()) await change.deliver({ type: 'message.received', name: FEES_MESSAGE });
    await change.audit('fees.paid', command);
  });
  return dossier;
}
