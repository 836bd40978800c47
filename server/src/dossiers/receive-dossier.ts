/**
 * @module receive-dossier — intake at the one-stop section (Decree 61/2018/NĐ-CP Art. 19(2)): the official checks
 * the dossier the citizen hands over and either receives it (c: status 2, the dossier code, the appointment from the
 * statutory budget on the working calendar — form 01 — then processing starts, status 4), asks on the spot for what
 * is missing (a: form 02 listing every missing component; status 5, processing starts when the supplement arrives,
 * and under a bounded wait the dossier is refused when the window closes), or refuses it (b: form 03 with the
 * reason; status 3 "Không được tiếp nhận", through 1 as an online submission that is refused). Every outcome is a
 * dossier with its code, so the form the citizen takes home can be printed and looked up.
 * `acceptDossier` receives an online submission (status 1 → 2 → 4).
 */
import type { ReceiptChannel } from '../../../engine/src/index';
import type { DossierRecord } from '../stores';
import type { Actor, DossierDeps } from './dossier-deps';
import type { SupplementRequestRecord } from './dossier-state';
import { buildDossier, pinProcedure, type NewDossierCommand } from './new-dossier';
import { runDossierChange, runNewDossier } from './run-dossier-change';
import { startProcessing } from './start-processing';

/** What the counter decided (Decree 61/2018/NĐ-CP Art. 19(2) c, a, b). */
export type IntakeOutcome =
  | { kind: 'accepted' }
  | { kind: 'supplementRequested'; missingComponents: SupplementRequestRecord['missingComponents']; reason: string }
  | { kind: 'refused'; reason: string };

export interface ReceiveDossierCommand extends NewDossierCommand {
  /** 1 in person (default), 3 public post. */
  channel?: ReceiptChannel;
  /** Accepted when absent. */
  outcome?: IntakeOutcome;
}

export async function receiveDossier(deps: DossierDeps, command: ReceiveDossierCommand, actor: Actor): Promise<DossierRecord> {
  const outcome = command.outcome ?? { kind: 'accepted' };
  const procedure = await pinProcedure(deps, command, { checkSchema: outcome.kind !== 'refused' });
  const channel = command.channel ?? 1;
  let emitted: Awaited<ReturnType<typeof buildDossier>>['emitted'] = [];
  const who = { actorId: actor.id, ...(actor.departmentId ? { departmentId: actor.departmentId } : {}) };
  // A refused dossier was never received: it starts as handed in (1) and is refused (3), as an online submission.
  const start = { type: outcome.kind === 'refused' ? ('dossier.submitted' as const) : ('dossier.received' as const), channel, ...who };
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
      const details = { procedureKey: procedure.key, procedureVersion: procedure.version, channel };
      if (outcome.kind === 'refused') {
        await change.audit('dossier.submitted', details);
        await change.applyLifecycle({ type: 'dossier.refused', at: change.at, ...who, reason: outcome.reason });
        change.state.refusal = { at: change.at, actorId: actor.id, action: 'dossier.refused', reason: outcome.reason };
        await change.audit('dossier.refused', { reason: outcome.reason, atCounter: true });
        return;
      }
      await change.audit('dossier.received', { ...details, appointmentAt: change.dossier.appointmentAt });
      if (outcome.kind === 'accepted') return startProcessing(change);
      change.state.supplementRequests.push({
        number: 1,
        at: change.at,
        actorId: actor.id,
        missingComponents: outcome.missingComponents,
        reason: outcome.reason,
        contactOfficial: { name: actor.name ?? actor.id },
      });
      const missing = outcome.missingComponents.map((component) => component.name);
      await change.applyLifecycle({ type: 'supplement.requested', at: change.at, actorId: actor.id, missing, note: outcome.reason });
      await change.audit('supplement.requested', { number: 1, missingComponents: outcome.missingComponents, reason: outcome.reason, atCounter: true });
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
