/** @module stop-processing — status 8: processing stops because the dossier is not eligible; the reason is the refusal letter's. */
import type { DossierRecord } from '../stores';
import type { Actor, DossierDeps } from './dossier-deps';
import { cancelInstance } from './end-process';
import { runDossierChange } from './run-dossier-change';

export async function stopProcessing(deps: DossierDeps, dossierId: string, reason: string, actor: Actor): Promise<DossierRecord> {
  const { dossier } = await runDossierChange(deps, dossierId, actor, async (change) => {
    await change.applyLifecycle({ type: 'processing.stopped', at: change.at, actorId: actor.id, reason, note: reason } as never);
    change.state.stop = { at: change.at, actorId: actor.id, action: 'processing.stopped', reason };
    await cancelInstance(change);
    await change.audit('processing.stopped', { reason });
  });
  return dossier;
}
