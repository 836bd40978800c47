/**
 * @module digest-signer — the one thing a signature needs from whoever holds the private key: a certificate chain and
 * an RSA signature (PKCS#1 v1.5, RFC 8017 §8.2) over a SHA-256 digest. A PKCS#12 kept by the server
 * (pkcs12-signer.ts) and a remote signing service for an HSM or a phone (remote-signing-client.ts) both offer it, so
 * a PAdES signature is built the same way whoever signs (cms-signature.ts).
 */

export interface DigestSigner {
  /** PEM certificates, the signer's own first, then its issuers up to (not necessarily including) the root. */
  certificateChain: string[];
  /** The RSA PKCS#1 v1.5 signature of a SHA-256 digest (32 bytes). */
  signDigest(sha256: Buffer): Promise<Buffer>;
}
