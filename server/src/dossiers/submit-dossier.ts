/**
 * @module submit-dossier — online submission (Decree 45/2020/NĐ-CP): status 1 "Mới đăng ký", receipt channel 2,
 * a dossier code at once (the citizen looks it up with it); an official accepts (status 2) or refuses (3) it.
 */
import type { DossierRecord } from '../stores';
import type { Actor, DossierDeps } from './dossier-deps';
import { buildDossier, pinProcedure, type NewDossierCommand } from './new-dossier';
import { runNewDossier } from './run-dossier-change';

export async function submitDossier(deps: DossierDeps, command: NewDossierCommand, actor: Actor): Promise<DossierRecord> {
  const procedure = await pinProcedure(deps, command);
  let emitted: Awaited<ReturnType<typeof buildDossier>>['emitted'] = [];
  const { dossier } = await runNewDossier(
    deps,
    procedure,
    actor,
    async (tx, kit, id) => {
      const built = await buildDossier(deps, tx, procedure, command, { type: 'dossier.submitted', channel: 2, actorId: actor.id }, kit, id);
      emitted = built.emitted;
      return built.record;
    },
    async (change) => {
      await change.applyLifecycleEmitted(emitted);
      await change.audit('dossier.submitted', { procedureKey: procedure.key, procedureVersion: procedure.version, channel: 2 });
    },
  );
  return dossier;
}
