/**
 * @module attachment-store — the port for dossier attachments (tệp đính kèm): file content with its size and SHA-256
 * (the hash the national portal sync carries), stored in GridFS by the server and in memory in tests.
 */

export interface AttachmentInfo {
  id: string;
  dossierId: string;
  filename: string;
  /** The canonical type of the checked file type, never the type the client declared. */
  contentType: string;
  size: number;
  /** Lower-case hex SHA-256 of the content. */
  sha256: string;
  uploadedAt: number;
  uploadedBy: string;
  /** The dossier component (thành phần hồ sơ) it belongs to, when the uploader said so. */
  componentCode?: string;
  /** `result`: the dossier's result (kết quả giải quyết), signed; absent for the components the citizen brings. */
  kind?: 'result';
  /** A signed PDF: the verdict on its signatures when it was stored (verify-pdf-signatures.ts). */
  signature?: StoredSignatureVerdict;
}

/** The verdict on a PDF's signatures as stored beside it: the whole, and each signature's signer and time. */
export interface StoredSignatureVerdict {
  valid: boolean;
  code?: string;
  message: string;
  signatures: { valid: boolean; code?: string; message: string; signer?: string; signingTime?: string }[];
  checkedAt: number;
}

export type AttachmentContent = Uint8Array | AsyncIterable<Uint8Array>;

export interface NewAttachment {
  dossierId: string;
  filename: string;
  contentType: string;
  uploadedAt: number;
  uploadedBy: string;
  componentCode?: string;
  kind?: 'result';
  signature?: StoredSignatureVerdict;
}

/** Thrown by `put` when streamed content passes `maxBytes`; nothing is kept. */
export class AttachmentTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`the attachment is larger than ${maxBytes} bytes`);
    this.name = 'AttachmentTooLarge';
  }
}

export interface AttachmentStore {
  /**
   * Stores the content and returns what was stored, with its size and hash counted as it was written. With
   * `maxBytes`, content that turns out longer is refused with `AttachmentTooLarge` and nothing is kept.
   */
  put(content: AttachmentContent, attachment: NewAttachment, options?: { maxBytes?: number }): Promise<AttachmentInfo>;
  info(id: string): Promise<AttachmentInfo | undefined>;
  /** The content as a stream of chunks, or undefined for an unknown id. */
  get(id: string): Promise<{ info: AttachmentInfo; content: AsyncIterable<Uint8Array> } | undefined>;
  /** Oldest first. */
  listByDossier(dossierId: string): Promise<AttachmentInfo[]>;
  /** False when there was nothing to delete. */
  delete(id: string): Promise<boolean>;
}
