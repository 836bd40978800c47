/**
 * @module record-supplement — the citizen's supplement arrives (status 5 → 4): the clocks resume, or restart under
 * the restart policy ("from receipt of a complete, valid dossier", with a new appointment), and the modelled wait
 * receives `supplement.received` so the route goes back to the reviewing step.
 */
import type { DossierRecord } from '../stores';
import type { DossierChange } from './dossier-change';
import type { Actor, DossierDeps } from './dossier-deps';
import type { ReceivedDocument } from './dossier-state';
import { resumeOpenSteps, SUPPLEMENT_MESSAGE } from './open-steps';
import { runDossierChange } from './run-dossier-change';

export interface RecordSupplementCommand {
  documents?: ReceivedDocument[];
  note?: string;
}

export async function recordSupplement(deps: DossierDeps, dossierId: string, command: RecordSupplementCommand, actor: Actor): Promise<DossierRecord> {
  const { dossier } = await runDossierChange(deps, dossierId, actor, async (change) => {
    await change.applyLifecycle({ type: 'supplement.received', at: change.at, actorId: actor.id, ...(command.note ? { note: command.note } : {}) });
    const request = change.state.supplementRequests.at(-1);
    if (request) request.receivedAt = change.at;
    change.state.documents.push(...(command.documents ?? []));
    // Asked for at the counter before processing began (receive-dossier.ts): the route starts now, on the complete dossier.
    if (change.dossier.instance === undefined) await startInstanceAfterIntakeSupplement(change);
    await resumeOpenSteps(change);
    const waiting = change.openSteps().some((step) => step.kind === 'receiveTask' && step.elementId && isSupplementWait(change, step.elementId));
    if (waiting && change.isInstanceRunning()) await change.deliver({ type: 'message.received', name: SUPPLEMENT_MESSAGE });
    await change.audit('supplement.received', { documents: command.documents ?? [], ...(command.note ? { note: command.note } : {}) });
  });
  return dossier;
}

async function startInstanceAfterIntakeSupplement(change: DossierChange): Promise<void> {
  const { dossier } = change;
  await change.startInstance({ ...dossier.form, dossierCode: dossier.dossierCode, channel: dossier.channel });
  await change.audit('processing.started', { procedureKey: dossier.procedureKey, procedureVersion: dossier.procedureVersion });
}

function isSupplementWait(change: { procedure: { definition: { processes: { nodes: Record<string, { messageName?: string }> }[] } } }, elementId: string): boolean {
  return change.procedure.definition.processes.some((p) => p.nodes[elementId]?.messageName === SUPPLEMENT_MESSAGE);
}
