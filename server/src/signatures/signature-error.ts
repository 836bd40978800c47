/**
 * @module signature-error — a signature or certificate refused, with a stable code and a Vietnamese message for the
 * official (what is wrong and what to do), mapped to a 422 problem by the HTTP layer.
 */

export type SignatureErrorCode =
  | 'PKCS12_UNREADABLE'
  | 'PDF_TOO_LARGE'
  | 'PDF_UNREADABLE'
  | 'NOT_SIGNED'
  | 'DOCUMENT_MODIFIED'
  | 'SIGNATURE_INVALID'
  | 'CERTIFICATE_EXPIRED'
  | 'CERTIFICATE_NOT_YET_VALID'
  | 'CERTIFICATE_UNTRUSTED'
  | 'SIGNING_TIME_IN_FUTURE'
  | 'SIGNING_NOT_CONFIGURED'
  | 'NO_SIGNING_CERTIFICATE'
  | 'REMOTE_SIGNING_FAILED';

export class SignatureError extends Error {
  readonly code: SignatureErrorCode;

  constructor(options: { code: SignatureErrorCode; message: string; cause?: unknown }) {
    super(options.message, { cause: options.cause });
    this.name = 'SignatureError';
    this.code = options.code;
  }
}
