/**
 * @module certificate-path — certification path validation, the part a signature check and a certificate upload
 * share (RFC 5280 §6, simplified): from the signer's certificate, through the certificates at hand, to an anchor of
 * the trust list, each issuer a CA that signed the one below, and every certificate of the path valid at the given
 * time. Revocation (CRL/OCSP) is not checked here.
 */
import { X509Certificate } from 'node:crypto';
import { formatVietnameseDateTime } from '../documents/vietnamese-date-time';
import { SignatureError } from './signature-error';

/** The longest chain walked: a root, a few intermediates, the signer. */
const MAX_CHAIN = 6;

/** The subject's common name, as people know the holder. */
export function commonName(certificate: X509Certificate): string {
  return /CN=([^\n]+)/.exec(certificate.subject)?.[1] ?? certificate.subject;
}

function pathOf(signer: X509Certificate, pool: X509Certificate[], anchors: X509Certificate[]): X509Certificate[] {
  const trusted = new Set(anchors.map((anchor) => anchor.fingerprint256));
  const path = [signer];
  let current = signer;
  while (!trusted.has(current.fingerprint256) && path.length <= MAX_CHAIN) {
    const issuer = [...anchors, ...pool].find(
      (candidate) => candidate.fingerprint256 !== current.fingerprint256 && candidate.ca && current.checkIssued(candidate) && current.verify(candidate.publicKey),
    );
    if (!issuer) break;
    path.push(issuer);
    current = issuer;
  }
  if (!trusted.has(current.fingerprint256)) {
    throw new SignatureError({
      code: 'CERTIFICATE_UNTRUSTED',
      message: `Chứng thư số "${commonName(signer)}" không thuộc danh sách tin cậy: không xác lập được chuỗi chứng thực đến một tổ chức chứng thực được tin cậy.`,
    });
  }
  return path;
}

/** The path from `signer` to a trust anchor, every certificate valid at `at`; a `SignatureError` says what fails. */
export function validateCertificatePath(signer: X509Certificate, pool: X509Certificate[], anchors: X509Certificate[], at: Date): X509Certificate[] {
  const path = pathOf(signer, pool, anchors);
  const when = formatVietnameseDateTime(at.getTime());
  for (const certificate of path) {
    const validTo = new Date(certificate.validTo).getTime();
    if (at.getTime() > validTo) {
      throw new SignatureError({
        code: 'CERTIFICATE_EXPIRED',
        message: `Chứng thư số "${commonName(certificate)}" đã hết hạn lúc ${formatVietnameseDateTime(validTo)}, trước thời điểm ký (${when}).`,
      });
    }
    if (at.getTime() < new Date(certificate.validFrom).getTime()) {
      throw new SignatureError({ code: 'CERTIFICATE_NOT_YET_VALID', message: `Chứng thư số "${commonName(certificate)}" chưa có hiệu lực tại thời điểm ký (${when}).` });
    }
  }
  return path;
}
