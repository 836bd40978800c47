/**
 * @module find-dossier-result — the dossier's result as the citizen receives it: the last result stored (an official
 * may sign again, the newest counts), read whole and its signatures verified again now, so a file changed in storage
 * or a certificate since removed from the trust list is told, not handed over as valid.
 */
import { attachmentBytes } from '../attachments/attachment-bytes';
import type { AttachmentInfo, AttachmentStore, StoredSignatureVerdict } from '../attachments/attachment-store';
import type { SigningDeps } from './signing-deps';
import { verifyPdfSignatures } from './verify-pdf-signatures';

export interface DossierResult {
  info: AttachmentInfo;
  pdf: Buffer;
  /** Checked now; `NOT_SIGNED` when the file no longer carries a signature. */
  verdict: StoredSignatureVerdict;
}

export async function findDossierResult(attachments: AttachmentStore, signing: SigningDeps | undefined, dossierId: string, now: number): Promise<DossierResult | undefined> {
  const info = (await attachments.listByDossier(dossierId)).filter((attachment) => attachment.kind === 'result').at(-1);
  if (!info || !signing) return undefined;
  const pdf = await attachmentBytes(attachments, info.id);
  if (!pdf) return undefined;
  const report = verifyPdfSignatures(pdf, { trustAnchors: signing.trustAnchors, now: new Date(now) });
  return { info, pdf, verdict: { ...report, checkedAt: now } };
}
