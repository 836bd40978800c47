/**
 * @module remote-signing-service — the port to a remote signing service, where the official's key stays in an HSM
 * or on a phone (Vietnamese "ký số từ xa", Decree 130/2018/NĐ-CP Art. 2 and Circular 16/2019/TT-BTTTT): the
 * service gives the credential's certificate chain and signs a SHA-256 digest, perhaps only after the official
 * approves on the phone. The CSC API adapter (csc-signing-client.ts) implements it; so does the tests' double.
 */
import type { DigestSigner } from './digest-signer';

export interface RemoteSigningService {
  /** PEM certificates of the credential, the signer's first. */
  certificateChain(credentialId: string): Promise<string[]>;
  /** The RSA PKCS#1 v1.5 signature of one SHA-256 digest, once the holder has approved it. */
  signHash(credentialId: string, sha256: Buffer): Promise<Buffer>;
}

/** A `DigestSigner` for one credential of a remote service. */
export async function createRemoteSigner(service: RemoteSigningService, credentialId: string): Promise<DigestSigner> {
  const certificateChain = await service.certificateChain(credentialId);
  return { certificateChain, signDigest: (sha256) => service.signHash(credentialId, sha256) };
}
