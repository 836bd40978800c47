/**
 * @module upload-signing-certificate — an official hands in their PKCS#12 file: it must open with the password, hold
 * an RSA key matching its certificate, and chain to the trust list with every certificate valid now; then it is
 * sealed under the server key and kept as the official's only signing certificate.
 */
import { X509Certificate } from 'node:crypto';
import { commonName, validateCertificatePath } from './certificate-path';
import { openPkcs12 } from './pkcs12-signer';
import { sealSecret } from './secret-box';
import { SignatureError } from './signature-error';
import { SIGNING_LIMITS, type SigningDeps } from './signing-deps';
import type { SigningCertificateRecord } from './signing-certificate-store';

/** What the official and the UI see of a stored certificate: never the key, never the file. */
export type SigningCertificateSummary = Omit<SigningCertificateRecord, 'sealed'>;

export function summaryOf(record: SigningCertificateRecord): SigningCertificateSummary {
  const { sealed: _sealed, ...summary } = record;
  return summary;
}

export async function uploadSigningCertificate(
  deps: SigningDeps,
  input: { userId: string; pkcs12: Buffer; password: string; now: number },
): Promise<SigningCertificateSummary> {
  if (input.pkcs12.length > SIGNING_LIMITS.maxPkcs12Bytes) {
    throw new SignatureError({ code: 'PKCS12_UNREADABLE', message: `Tệp chứng thư số lớn hơn ${SIGNING_LIMITS.maxPkcs12Bytes / 1024} KB.` });
  }
  const opened = openPkcs12(input.pkcs12, input.password);
  const certificates = opened.certificateChain.map((pem) => new X509Certificate(pem));
  const own = certificates[0]!;
  validateCertificatePath(own, certificates, deps.trustAnchors.map((pem) => new X509Certificate(pem)), new Date(input.now));
  const secret = Buffer.from(JSON.stringify({ pkcs12: input.pkcs12.toString('base64'), password: input.password }), 'utf8');
  const record: SigningCertificateRecord = {
    userId: input.userId,
    subject: commonName(own),
    issuer: /CN=([^\n]+)/.exec(own.issuer)?.[1] ?? own.issuer,
    serialNumber: own.serialNumber,
    validFrom: new Date(own.validFrom).getTime(),
    validTo: new Date(own.validTo).getTime(),
    fingerprint256: own.fingerprint256,
    sealed: sealSecret(deps.sealingKey, input.userId, secret),
    uploadedAt: input.now,
  };
  await deps.certificates.put(record);
  return summaryOf(record);
}
