/**
 * @module checked-upload — one multipart upload checked and stored as the counter's route does it: a file in the field
 * `file`, at most `maxFileBytes`, of an accepted type by extension and content, within the dossier's total, stored with
 * its size and SHA-256. Every refusal is a problem thrown before anything is stored. The officials' uploads
 * (attachment-routes.ts) and the citizen's (citizen-routes.ts) both go through it, so the public door has exactly the
 * counter's limits.
 */
import type { Context } from 'hono';
import { HttpProblem } from '../http/http-problem';
import type { AttachmentLimits } from './attachment-limits';
import { AttachmentTooLarge, type AttachmentInfo, type AttachmentStore, type NewAttachment } from './attachment-store';
import { detectAttachmentType } from './attachment-type';
import type { KeyedMutex } from './keyed-mutex';

export interface CheckedUploadDeps {
  attachments: AttachmentStore;
  limits: AttachmentLimits;
  /** One upload at a time per dossier, so two cannot both pass the per-dossier limit. */
  perDossier: KeyedMutex;
}

export interface UploadTarget {
  dossierId: string;
  uploadedAt: number;
  uploadedBy: string;
  /**
   * Checks the form's `componentCode` (already trimmed, possibly undefined) and returns what to store; throws a
   * problem to refuse it.
   */
  componentCode(value: string | undefined): string | undefined;
  /** A further check under the dossier's lock, given what the dossier already carries (e.g. a count bound). */
  beforeStore?(stored: AttachmentInfo[]): void;
  /**
   * Looks into the checked content before it is stored (the signatures of a PDF, upload-signature-check.ts) and
   * returns what to keep beside it; throws a problem to refuse it. `fields` are the form's other text fields.
   */
  inspect?(bytes: Uint8Array, contentType: string, fields: Record<string, string>): Pick<NewAttachment, 'kind' | 'signature'>;
}

export function attachmentTooLarge(code: string, detail: string, maxBytes: number): HttpProblem {
  return new HttpProblem({ status: 413, code, title: 'The attachment is too large', detail, extensions: { maxBytes } });
}

/** The last path segment without control characters, at most 200 characters: a name, never a path. */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = [...base].filter((char) => char.charCodeAt(0) >= 0x20 && char.charCodeAt(0) !== 0x7f).join('').trim();
  return clean.slice(-200) || 'tep-dinh-kem';
}

/** Parses, checks and stores the upload of the request; returns what was stored. */
export async function storeCheckedUpload(c: Context, deps: CheckedUploadDeps, target: UploadTarget): Promise<AttachmentInfo> {
  const { limits } = deps;
  const form = await c.req.parseBody().catch((error: unknown) => {
    throw new HttpProblem({ status: 400, code: 'INVALID_MULTIPART', title: 'The upload is not valid multipart/form-data', cause: error });
  });
  const file = form.file;
  if (!(file instanceof File)) {
    throw new HttpProblem({ status: 400, code: 'ATTACHMENT_MISSING', title: 'No file', detail: 'Send the file in the multipart field "file".' });
  }
  if (file.size > limits.maxFileBytes) throw attachmentTooLarge('ATTACHMENT_TOO_LARGE', `A file may have at most ${limits.maxFileBytes} bytes.`, limits.maxFileBytes);
  const filename = safeFilename(file.name);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = detectAttachmentType(filename, bytes);
  if (!type.ok) {
    throw new HttpProblem({
      status: 415,
      code: 'ATTACHMENT_TYPE_NOT_ALLOWED',
      title: 'This type of file is not accepted',
      detail: type.reason === 'extension' ? `Accepted: ${type.allowed.join(', ')}.` : `The content of "${filename}" is not what its extension says.`,
      extensions: { allowed: type.allowed },
    });
  }
  const raw = typeof form.componentCode === 'string' && form.componentCode.trim() ? form.componentCode.trim() : undefined;
  const componentCode = target.componentCode(raw);
  const fields = Object.fromEntries(Object.entries(form).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  const inspected = target.inspect?.(bytes, type.type.contentType, fields) ?? {};
  return deps.perDossier.run(target.dossierId, async () => {
    const stored = await deps.attachments.listByDossier(target.dossierId);
    target.beforeStore?.(stored);
    const total = stored.reduce((sum, attachment) => sum + attachment.size, 0);
    if (total + bytes.byteLength > limits.maxDossierBytes) {
      throw attachmentTooLarge('DOSSIER_ATTACHMENTS_TOO_LARGE', `A dossier may carry at most ${limits.maxDossierBytes} bytes of attachments; ${total} are stored.`, limits.maxDossierBytes);
    }
    try {
      return await deps.attachments.put(
        bytes,
        { dossierId: target.dossierId, filename, contentType: type.type.contentType, uploadedAt: target.uploadedAt, uploadedBy: target.uploadedBy, ...(componentCode ? { componentCode } : {}), ...inspected },
        { maxBytes: limits.maxFileBytes },
      );
    } catch (error) {
      if (error instanceof AttachmentTooLarge) throw attachmentTooLarge('ATTACHMENT_TOO_LARGE', error.message, limits.maxFileBytes);
      throw error;
    }
  });
}
