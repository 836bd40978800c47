/**
 * @module portal-credentials — who may post dossiers as the national portal: one HMAC-SHA256 secret per configured
 * credential id (several at once, so a secret can be rotated without a gap), and the check of a signed request. The
 * signature covers the timestamp and the raw body, so a body changed on the way, or a signature moved to another
 * body, is refused; a timestamp more than `toleranceMs` from our clock is refused, bounding a replay (which the
 * dossier code makes harmless anyway: national-portal-intake.ts). Header names: the mapping's convention rows.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface PortalCredential {
  id: string;
  /** At least 32 characters. */
  secret: string;
}

export const PORTAL_KEY_ID_HEADER = 'x-portal-key-id';
export const PORTAL_TIMESTAMP_HEADER = 'x-portal-timestamp';
export const PORTAL_SIGNATURE_HEADER = 'x-portal-signature';

/** 5 minutes, as common webhook signatures allow for clock drift. */
export const DEFAULT_SIGNATURE_TOLERANCE_MS = 5 * 60_000;

const MIN_SECRET_LENGTH = 32;

/**
 * `id:secret,id:secret` (NATIONAL_PORTAL_CREDENTIALS in main.ts). A bad value stops the start with a message that
 * never repeats a secret.
 */
export function parsePortalCredentials(value: string | undefined): PortalCredential[] {
  if (value === undefined || value.trim() === '') return [];
  const credentials = value.split(',').map((pair, index) => {
    const at = pair.indexOf(':');
    const id = pair.slice(0, at).trim();
    const secret = pair.slice(at + 1).trim();
    if (at <= 0 || !/^[A-Za-z0-9._-]{1,64}$/.test(id)) throw new Error(`NATIONAL_PORTAL_CREDENTIALS[${index}] must be "<id>:<secret>" with a plain id`);
    if (secret.length < MIN_SECRET_LENGTH) throw new Error(`NATIONAL_PORTAL_CREDENTIALS[${index}] (${id}): the secret must have at least ${MIN_SECRET_LENGTH} characters`);
    return { id, secret };
  });
  if (new Set(credentials.map((credential) => credential.id)).size !== credentials.length) throw new Error('NATIONAL_PORTAL_CREDENTIALS names a credential id twice');
  return credentials;
}

/** The signature header's value for `body` at `timestampSeconds` (the portal computes the same). */
export function signPortalRequest(secret: string, timestampSeconds: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex')}`;
}

/** Whether `signature` is the credential's signature of `body` at `timestamp`, compared in constant time. */
export function isPortalSignature(credential: PortalCredential, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(signPortalRequest(credential.secret, Number(timestamp), body));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
