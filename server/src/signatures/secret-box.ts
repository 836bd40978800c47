/**
 * @module secret-box — seals a secret at rest with AES-256-GCM (NIST SP 800-38D) under a server key that comes from
 * the environment (LIENTHONG_SIGNING_KEY, 32 bytes in base64) and never from the database. The owner's id is the
 * additional authenticated data, so a sealed secret copied onto another official's record does not open.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface SealedSecret {
  /** base64 of the 12-byte nonce, the 16-byte tag and the ciphertext. */
  iv: string;
  tag: string;
  data: string;
}

/** The server key from its base64 form; anything but 32 bytes is a configuration error. */
export function parseSealingKey(base64: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error('LIENTHONG_SIGNING_KEY must be 32 bytes in base64 (openssl rand -base64 32)');
  return key;
}

export function sealSecret(key: Buffer, owner: string, plaintext: Buffer): SealedSecret {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(owner, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/** The plaintext; throws when the key, the owner or a byte of the sealed secret is wrong. */
export function openSecret(key: Buffer, owner: string, sealed: SealedSecret): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64')).setAAD(Buffer.from(owner, 'utf8'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
}
