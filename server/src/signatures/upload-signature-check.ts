/**
 * @module upload-signature-check — every PDF stored with a dossier has its signatures checked as it arrives (chain to
 * the trust list, validity at signing time, document unchanged: verify-pdf-signatures.ts), and the verdict is kept
 * beside it so the official's dossier page shows it. An ordinary component with a bad signature is kept and flagged
 * (the citizen may bring a document signed by an issuer the province does not trust); the dossier's result must carry
 * valid signatures, else it is refused with the reason, since it is what the citizen receives (Decree 45/2020/NĐ-CP).
 */
import type { NewAttachment, StoredSignatureVerdict } from '../attachments/attachment-store';
import { SignatureError } from './signature-error';
import type { SigningDeps } from './signing-deps';
import { verifyPdfSignatures } from './verify-pdf-signatures';

/** The verdict to store beside a PDF, or undefined when it carries no signature (or signing is not configured). */
export function storedVerdictOf(pdf: Uint8Array, signing: SigningDeps | undefined, now: number): StoredSignatureVerdict | undefined {
  if (!signing) return undefined;
  const report = verifyPdfSignatures(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength), { trustAnchors: signing.trustAnchors, now: new Date(now) });
  if (report.code === 'NOT_SIGNED') return undefined;
  return { ...report, checkedAt: now };
}

/** Refuses a result whose signatures do not verify, with the verdict's reason. */
export function assertValidResult(verdict: StoredSignatureVerdict | undefined, signing: SigningDeps | undefined): void {
  if (!signing) throw new SignatureError({ code: 'SIGNING_NOT_CONFIGURED', message: 'Máy chủ chưa được cấu hình ký số: không nhận kết quả điện tử.' });
  if (!verdict) throw new SignatureError({ code: 'NOT_SIGNED', message: 'Kết quả giải quyết phải là tệp PDF đã được ký số.' });
  if (!verdict.valid) throw new SignatureError({ code: (verdict.code ?? 'SIGNATURE_INVALID') as SignatureError['code'], message: `Không nhận tệp làm kết quả giải quyết. ${verdict.message}` });
}

/**
 * The `inspect` step of a checked upload (checked-upload.ts): a PDF gets its verdict; the form field `kind=result`
 * makes it the dossier's result, which must be a validly signed PDF.
 */
export function inspectUploadedSignatures(signing: SigningDeps | undefined, now: number, options: { resultAllowed: boolean }) {
  return (bytes: Uint8Array, contentType: string, fields: Record<string, string>): Pick<NewAttachment, 'kind' | 'signature'> => {
    const isResult = options.resultAllowed && fields.kind === 'result';
    const verdict = contentType === 'application/pdf' ? storedVerdictOf(bytes, signing, now) : undefined;
    if (isResult) assertValidResult(verdict, signing);
    return { ...(isResult ? { kind: 'result' as const } : {}), ...(verdict ? { signature: verdict } : {}) };
  };
}
