/**
 * @module archiveBundle — the archive of one expired dossier (issue 18 item 6, archive mode): newline-delimited JSON,
 * first the dossier's identity and personal data, then each attachment as its description and its content in
 * base64 lines of at most one stored chunk, then a closing line with the counts. Streamed, so a dossier with 100 MB of
 * attachments never sits in memory whole; the archive store counts the bundle's SHA-256 as it is written.
 */
import type { AttachmentInfo, AttachmentStore } from '../attachments/attachment-store';
import type { DossierRecord } from '../stores';
import type { PersonalData } from './expire-personal-data';

export const ARCHIVE_FORMAT = 'lienthong-retention-archive/1';

const line = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value)}\n`);

/** The bundle's lines for `dossier`, reading each attachment's content from `attachments` as it goes. */
export async function* archiveBundle(input: {
  dossier: DossierRecord;
  personal: PersonalData;
  closedAt: number;
  archivedAt: number;
  files: readonly AttachmentInfo[];
  attachments: AttachmentStore;
}): AsyncIterable<Uint8Array> {
  const { dossier } = input;
  yield line({
    kind: 'dossier',
    format: ARCHIVE_FORMAT,
    dossierId: dossier.id,
    dossierCode: dossier.dossierCode,
    procedureKey: dossier.procedureKey,
    procedureVersion: dossier.procedureVersion,
    agencyId: dossier.agencyId,
    closedAt: new Date(input.closedAt).toISOString(),
    archivedAt: new Date(input.archivedAt).toISOString(),
    personal: input.personal,
  });
  for (const file of input.files) {
    const stored = await input.attachments.get(file.id);
    // Gone since it was listed (another run removed it): say so rather than archive a file we no longer have.
    if (!stored) {
      yield line({ kind: 'attachmentMissing', id: file.id });
      continue;
    }
    yield line({ kind: 'attachment', ...file, uploadedAt: new Date(file.uploadedAt).toISOString() });
    let seq = 0;
    for await (const chunk of stored.content) yield line({ kind: 'content', id: file.id, seq: seq++, base64: Buffer.from(chunk).toString('base64') });
  }
  yield line({ kind: 'end', attachments: input.files.length });
}
