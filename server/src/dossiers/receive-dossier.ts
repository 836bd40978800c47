/**
 * @module receive-dossier — receipt at the one-stop section (Decree 61/2018/NĐ-CP Art. 19): status 2, the dossier
 * code, the appointment from the statutory budget on the working calendar (form 01), and the start of processing
 * (status 4). `acceptDossier` does the same for an online submission (status 1 → 2 → 4).
 */
import type { DossierRecord, ReceiptChannel } from '../../../engine/src/index';
import type { Actor, DossierDeps } from './dossier-deps';
import { buildDossier, pinProcedure, type NewDossierCommand } from './new-dossier';
import { runDossierChange, runNewDossier } from './run-dossier-change';
import { startProcessing } from './start-processing';

export interface ReceiveDossierCommand extends NewDossierCommand {
  /** 1 in person (default), 3 public post. */
  channel?: ReceiptChannel;
}

export async function receiveDossier(deps: DossierDeps, command: ReceiveDossierCommand, actor: Actor): Promise<DossierRecord> {
  const procedure = await pinProcedure(deps, command);
  let emitted: Awaited<ReturnType<typeof buildDossier>>['emitted'] = [];
  const start = { type: 'dossier.received' as const, channel: command.channel ?? 1, actorId: actor.id, ...(actor.departmentId ? { departmentId: actor.departmentId } : {}) };
  const { dossier } = await runNewDossier(
    deps,
    procedure,
    actor,
    async (tx, kit, id) => {
      const built = await buildDossier(deps, tx, procedure, command, start, kit, id);
      emitted = built.emitted;
      return built.record;
    },
    async (change) => {
      change.state.receivingOfficial = { id: actor.id, name: actor.name ?? actor.id };
      await change.applyLifecycleEmitted(emitted);
      await change.audit('dossier.received', { procedureKey: procedure.key, procedureVersion: procedure.version, channel: start.channel, appointmentAt: change.dossier.appointmentAt });
      await startProcessing(change);
    },
  );
  return dossier;
}

export async function acceptDossier(deps: DossierDeps, dossierId: string, actor: Actor): Promise<DossierRecord> {
  const { dossier } = await runDossierChange(deps, dossierId, actor, async (change) => {
    change.state.receivingOfficial = { id: actor.id, name: actor.name ?? actor.id };
    await change.applyLifecycle({ type: 'dossier.received', at: change.at, actorId: actor.id, ...(actor.departmentId ? { departmentId: actor.departmentId } : {}) });
    await change.audit('dossier.received', { appointmentAt: change.dossier.appointmentAt });
    await startProcessing(change);
  });
  return dossier;
}
