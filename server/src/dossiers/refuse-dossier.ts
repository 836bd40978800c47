/** @module refuse-dossier — status 3: an online submission is not accepted, with the reason (form 03). */
import type { DossierRecord } from '../stores';
import type { Actor, DossierDeps } from './dossier-deps';
import { runDossierChange } from './run-dossier-change';

export async function refuseDossier(deps: DossierDeps, dossierId: string, reason: string, actor: Actor): Promise<DossierRecord> {
  const { dossier } = await runDossierChange(deps, dossierId, actor, async (change) => {
    await change.applyLifecycle({ type: 'dossier.refused', at: change.at, actorId: actor.id, reason });
    change.state.refusal = { at: change.at, actorId: actor.id, action: 'dossier.refused', reason };
    await change.audit('dossier.refused', { reason });
  });
  return dossier;
}
