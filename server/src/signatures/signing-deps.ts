/**
 * @module signing-deps — what ký số needs from the server: the sealing key of the certificate store (from the
 * environment), the trust list, the officials' certificates, and optionally a remote signing service.
 */
import type { RemoteSigningService } from './remote-signing-service';
import type { SigningCertificateStore } from './signing-certificate-store';

export interface SigningDeps {
  /** AES-256 key sealing the PKCS#12 files at rest (secret-box.ts). */
  sealingKey: Buffer;
  /** PEM certificates of the trusted root CAs. */
  trustAnchors: string[];
  certificates: SigningCertificateStore;
  remote?: RemoteSigningService;
  /** The place written in a signature, e.g. the province. */
  location: string;
}

/** Upload and PDF bounds: a PKCS#12 is a few kilobytes, a form PDF a few hundred; a scanned result may be larger. */
export const SIGNING_LIMITS = {
  maxPkcs12Bytes: 64 * 1024,
  maxPasswordLength: 256,
  maxPdfBytes: 20 * 1024 * 1024,
} as const;
