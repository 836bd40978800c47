/**
 * @module pkcs12-signer — a `DigestSigner` from a PKCS#12 file (RFC 7292) an official uploaded: node-forge opens the
 * file, node:crypto signs. RSA keys only (the certificates Vietnamese CAs issue for ký số are RSA-2048).
 */
import { createPrivateKey, constants, privateEncrypt, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import type { DigestSigner } from './digest-signer';
import { SignatureError } from './signature-error';

/** DigestInfo prefix of SHA-256 (RFC 8017 §9.2 note 1): the digest follows it inside the PKCS#1 v1.5 block. */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

export interface OpenedPkcs12 {
  privateKey: KeyObject;
  /** The signer's certificate first, then the other certificates of the file. */
  certificateChain: string[];
}

/** Opens a PKCS#12; a wrong password or a file without a key and its certificate is a `SignatureError`. */
export function openPkcs12(file: Buffer, password: string): OpenedPkcs12 {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(file.toString('binary')), false, password);
  } catch {
    throw new SignatureError({ code: 'PKCS12_UNREADABLE', message: 'Không mở được tệp chứng thư số (.p12): sai mật khẩu hoặc tệp hỏng.' });
  }
  const keyBag = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!] ?? []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!] ?? []),
  ][0];
  const certificates = (p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? [])
    .map((bag) => bag.cert)
    .filter((certificate): certificate is forge.pki.Certificate => certificate !== undefined)
    .map((certificate) => forge.pki.certificateToPem(certificate));
  if (!keyBag?.key || certificates.length === 0) {
    throw new SignatureError({ code: 'PKCS12_UNREADABLE', message: 'Tệp chứng thư số (.p12) không có khóa bí mật và chứng thư kèm theo.' });
  }
  const privateKey = createPrivateKey(forge.pki.privateKeyToPem(keyBag.key as forge.pki.rsa.PrivateKey));
  const own = certificates.find((pem) => new X509Certificate(pem).checkPrivateKey(privateKey));
  if (!own) throw new SignatureError({ code: 'PKCS12_UNREADABLE', message: 'Khóa bí mật không khớp với chứng thư số trong tệp.' });
  return { privateKey, certificateChain: [own, ...certificates.filter((pem) => pem !== own)] };
}

/** A signer holding the key of an opened PKCS#12 in memory for the time of one signature. */
export function createPkcs12Signer(opened: OpenedPkcs12): DigestSigner {
  return {
    certificateChain: opened.certificateChain,
    signDigest: async (sha256) =>
      privateEncrypt({ key: opened.privateKey, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([SHA256_DIGEST_INFO, sha256])),
  };
}
