/**
 * @module finish-dossier — status 9 by hand: the result is at the one-stop section before the route's end (the
 * route normally finishes the dossier itself when its process completes). Anything still open is cancelled.
 */
import type { DossierRecord } from '../stores';
import type { Actor, DossierDeps } from './dossier-deps';
import { cancelInstance } from './end-process';
import { runDossierChange } from './run-dossier-change';

export async function finishDossier(deps: DossierDeps, dossierId: string, note: string | undefined, actor: Actor): Promise<DossierRecord> {
  const { dossier } = await runDossierChange(deps, dossierId, actor, async (change) => {
    await change.applyLifecycle({ type: 'dossier.finished', at: change.at, actorId: actor.id, ...(note ? { note } : {}) });
    await cancelInstance(change);
    await change.audit('dossier.finished', note ? { note } : {});
  });
  return dossier;
}
