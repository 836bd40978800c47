/**
 * @module signing-certificate-store — the port for officials' signing certificates: one per official, the
 * certificate's public facts in clear (who, issued by whom, valid when) and the PKCS#12 with its password sealed by
 * secret-box.ts, so a copy of the database alone gives no key (Decree 130/2018/NĐ-CP Art. 79: the holder keeps the
 * private key under their sole control). Kept in MongoDB by the server and in memory in tests.
 */
import type { SealedSecret } from './secret-box';

export interface SigningCertificateRecord {
  userId: string;
  /** The certificate's subject common name, e.g. "Trần Văn Tiếp Nhận". */
  subject: string;
  issuer: string;
  serialNumber: string;
  validFrom: number;
  validTo: number;
  /** SHA-256 fingerprint, as `openssl x509 -fingerprint -sha256` prints it. */
  fingerprint256: string;
  /** The PKCS#12 file and its password, AES-256-GCM under the server's key. */
  sealed: SealedSecret;
  uploadedAt: number;
}

export interface SigningCertificateStore {
  get(userId: string): Promise<SigningCertificateRecord | undefined>;
  /** Replaces the official's certificate, if any. */
  put(record: SigningCertificateRecord): Promise<void>;
  remove(userId: string): Promise<void>;
}
