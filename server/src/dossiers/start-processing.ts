/**
 * @module start-processing — status 4: the dossier enters processing and its process instance starts on the
 * pinned procedure version, the e-form fields as process variables (the model's gateways read them).
 */
import type { DossierChange } from './dossier-change';

export async function startProcessing(change: DossierChange): Promise<void> {
  const { dossier } = change;
  await change.applyLifecycle({ type: 'processing.started', at: change.at, actorId: change.actor.id, ...(change.actor.departmentId ? { departmentId: change.actor.departmentId } : {}) });
  await change.startInstance({ ...dossier.form, dossierCode: dossier.dossierCode, channel: dossier.channel });
  await change.audit('processing.started', { procedureKey: dossier.procedureKey, procedureVersion: dossier.procedureVersion });
}
