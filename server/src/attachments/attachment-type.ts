/**
 * @module attachment-type — which files a dossier may carry: PDF, JPEG, PNG, DOCX, XLSX and XML, each recognised by
 * its extension **and** its first bytes (magic numbers), so a renamed executable or HTML page is refused however it
 * is named or declared. The content type served back is ours, not the uploader's.
 */

export interface AttachmentType {
  extension: string;
  contentType: string;
  /** Whether the content starts (or, for Office files, is built) as this type says. */
  matches(bytes: Uint8Array): boolean;
}

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((byte, i) => bytes[i] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** A ZIP (Office Open XML, ISO/IEC 29500) whose local file headers name a part under `folder`. */
function isOfficeZip(bytes: Uint8Array, folder: string): boolean {
  return startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(folder, 0, 'latin1');
}

/** XML 1.0 §2.8: an optional UTF-8 BOM, optional white space, then `<?xml` or a first element. */
function isXml(bytes: Uint8Array): boolean {
  let i = startsWith(bytes, 0xef, 0xbb, 0xbf) ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i += 1;
  return bytes[i] === 0x3c && (bytes[i + 1] === 0x3f || (bytes[i + 1] !== undefined && /[A-Za-z_]/.test(String.fromCharCode(bytes[i + 1]!))));
}

export const ATTACHMENT_TYPES: readonly AttachmentType[] = [
  { extension: 'pdf', contentType: 'application/pdf', matches: (b) => startsWith(b, ...ascii('%PDF-')) },
  { extension: 'jpg', contentType: 'image/jpeg', matches: (b) => startsWith(b, 0xff, 0xd8, 0xff) },
  { extension: 'jpeg', contentType: 'image/jpeg', matches: (b) => startsWith(b, 0xff, 0xd8, 0xff) },
  { extension: 'png', contentType: 'image/png', matches: (b) => startsWith(b, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) },
  {
    extension: 'docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    matches: (b) => isOfficeZip(b, 'word/'),
  },
  {
    extension: 'xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    matches: (b) => isOfficeZip(b, 'xl/'),
  },
  { extension: 'xml', contentType: 'application/xml', matches: isXml },
];

export type AttachmentTypeCheck =
  | { ok: true; type: AttachmentType }
  | { ok: false; reason: 'extension' | 'content'; allowed: string[] };

/** The file's type when its extension is allowed and its bytes are what the extension says. */
export function detectAttachmentType(filename: string, bytes: Uint8Array): AttachmentTypeCheck {
  const allowed = [...new Set(ATTACHMENT_TYPES.map((type) => type.extension))];
  const extension = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase();
  const type = ATTACHMENT_TYPES.find((candidate) => candidate.extension === extension);
  if (!type) return { ok: false, reason: 'extension', allowed };
  return type.matches(bytes) ? { ok: true, type } : { ok: false, reason: 'content', allowed };
}
