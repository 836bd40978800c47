/** @module request-fees — status 6: waiting for fees or taxes; the clocks are paused (Decision 766/QĐ-TTg). */
import type { DossierRecord } from '../stores';
import type { Actor, DossierDeps } from './dossier-deps';
import { pauseOpenSteps } from './open-steps';
import { runDossierChange } from './run-dossier-change';

export async function requestFees(deps: DossierDeps, dossierId: string, command: { amount: number; reason: string }, actor: Actor): Promise<DossierRecord> {
  const { dossier } = await runDossierChange(deps, dossierId, actor, async (change) => {
    await change.applyLifecycle({ type: 'fees.requested', at: change.at, actorId: actor.id, note: command.reason });
    change.state.fees.push({ at: change.at, actorId: actor.id, action: 'fees.requested', reason: command.reason, amount: command.amount });
    await pauseOpenSteps(change, 'fees');
    await change.audit('fees.requested', command);
  });
  return dossier;
}
