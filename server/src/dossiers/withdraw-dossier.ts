/** @module withdraw-dossier — status 7: the citizen withdraws the dossier (Decree 61/2018/NĐ-CP Art. 18); processing ends. */
import type { DossierRecord } from '../stores';
import type { Actor, DossierDeps } from './dossier-deps';
import { cancelInstance } from './end-process';
import { runDossierChange } from './run-dossier-change';

export async function withdrawDossier(deps: DossierDeps, dossierId: string, reason: string, actor: Actor): Promise<DossierRecord> {
  const { dossier } = await runDossierChange(deps, dossierId, actor, async (change) => {
    await change.applyLifecycle({ type: 'dossier.withdrawn', at: change.at, actorId: actor.id, reason, note: reason } as never);
    change.state.withdrawal = { at: change.at, actorId: actor.id, action: 'dossier.withdrawn', reason };
    await cancelInstance(change);
    await change.audit('dossier.withdrawn', { reason });
  });
  return dossier;
}
