/** @module return-result — status 10: the result is handed to the citizen (9 takes precedence in statistics). */
import type { DossierRecord } from '../stores';
import type { Actor, DossierDeps } from './dossier-deps';
import { runDossierChange } from './run-dossier-change';

export async function returnResult(deps: DossierDeps, dossierId: string, note: string | undefined, actor: Actor): Promise<DossierRecord> {
  const { dossier } = await runDossierChange(deps, dossierId, actor, async (change) => {
    await change.applyLifecycle({ type: 'result.returned', at: change.at, actorId: actor.id, ...(note ? { note } : {}) });
    await change.audit('result.returned', note ? { note } : {});
  });
  return dossier;
}
