/**
 * @module createDossierSyncSource — the dossier's portal sync fields read at delivery time, for entries written
 * without them: applicant ID, channel, times, the procedure's national code and name, the attachments with their
 * SHA-256 grouped by component, and the fees asked and paid (from the dossier's `state.fees` notes).
 */
import type { DossierRecord, DossierStore, ProcedureStore } from '../stores';
import type { AttachmentInfo, AttachmentStore } from '../attachments/attachment-store';
import type { DossierComponentPayload, DossierFeesPayload, DossierSyncPayload } from './outbox-payloads';

export interface DossierSyncSourceDeps {
  dossiers: Pick<DossierStore, 'get'>;
  procedures: Pick<ProcedureStore, 'get'>;
  attachments?: Pick<AttachmentStore, 'listByDossier'>;
}

function toComponents(attachments: AttachmentInfo[]): DossierComponentPayload[] {
  const byComponent = new Map<string, DossierComponentPayload>();
  for (const attachment of attachments) {
    const code = attachment.componentCode ?? '';
    const component = byComponent.get(code) ?? { ...(code ? { code } : {}), name: code || 'Tệp đính kèm', attachments: [] };
    component.attachments.push({ id: attachment.id, filename: attachment.filename, contentType: attachment.contentType, size: attachment.size, sha256: attachment.sha256 });
    byComponent.set(code, component);
  }
  return [...byComponent.values()];
}

/** Fees as the dossier core notes them: `fees.requested` with an amount, then `fees.paid`. */
function toFees(dossier: DossierRecord): DossierFeesPayload | undefined {
  const notes = (dossier.state.fees ?? []) as { action?: string; amount?: number; at?: number; reason?: string }[];
  const requested = notes.filter((note) => note.action === 'fees.requested');
  if (requested.length === 0) return undefined;
  const paid = notes.filter((note) => note.action === 'fees.paid').at(-1);
  return {
    amount: requested.reduce((sum, note) => sum + (note.amount ?? 0), 0),
    paid: paid !== undefined,
    ...(paid?.at !== undefined ? { paidAt: paid.at } : {}),
    ...(requested[0]!.reason ? { description: requested[0]!.reason } : {}),
  };
}

export function createDossierSyncSource(deps: DossierSyncSourceDeps): (dossierId: string) => Promise<DossierSyncPayload | undefined> {
  return async (dossierId) => {
    const dossier = await deps.dossiers.get(dossierId);
    if (!dossier) return undefined;
    const procedure = await deps.procedures.get(dossier.procedureKey, dossier.procedureVersion);
    const attachments = (await deps.attachments?.listByDossier(dossierId)) ?? [];
    const fees = toFees(dossier);
    const optional = { submittedAt: dossier.submittedAt, receivedAt: dossier.receivedAt, appointmentAt: dossier.appointmentAt, finishedAt: dossier.finishedAt, returnedAt: dossier.returnedAt };
    return {
      dossierId,
      dossierCode: dossier.dossierCode,
      ...(procedure?.procedureCode ? { procedureCode: procedure.procedureCode } : {}),
      procedureName: procedure?.name ?? dossier.procedureKey,
      agencyId: dossier.agencyId,
      channel: dossier.channel,
      status: dossier.status,
      applicantIdNumber: dossier.applicant.idNumber,
      applicantName: dossier.applicant.name,
      ...(dossier.nationalPortal ? { portalDossierCode: dossier.nationalPortal.dossierCode } : {}),
      ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
      components: toComponents(attachments),
      ...(fees ? { fees } : {}),
    };
  };
}
