/**
 * @module vnpay-signature — how a VNPAY-style gateway signs (VNPAY Payment Gateway API 2.1.0): the `vnp_` parameters
 * other than the hash itself, sorted by name, each name and value percent-encoded as a form (`encodeURIComponent`,
 * a space as `+`), joined with `&`, then HMAC-SHA512 under the merchant's secret (`vnp_HashSecret`), in lower-case
 * hex, sent as `vnp_SecureHash`. The same rule signs the payment request we send and verifies the return URL and the
 * IPN the gateway sends. Its merchant API (`querydr`, `refund`) signs JSON bodies over fields joined with `|`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SECURE_HASH = 'vnp_SecureHash';
const SECURE_HASH_TYPE = 'vnp_SecureHashType';

const formEncode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');

/** The string the gateway signs: every `vnp_` parameter but the hash, sorted, form-encoded, joined with `&`. */
export function toSignedQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((name) => name.startsWith('vnp_') && name !== SECURE_HASH && name !== SECURE_HASH_TYPE && params[name] !== '')
    .sort()
    .map((name) => `${formEncode(name)}=${formEncode(params[name]!)}`)
    .join('&');
}

export function hmacSha512(secret: string, data: string): string {
  return createHmac('sha512', secret).update(Buffer.from(data, 'utf8')).digest('hex');
}

/** The parameters with their `vnp_SecureHash`, as the gateway's page expects them in its query string. */
export function signParams(secret: string, params: Record<string, string>): string {
  const query = toSignedQuery(params);
  return `${query}&${SECURE_HASH}=${hmacSha512(secret, query)}`;
}

/** Compares two hex digests in constant time (a wrong length is simply unequal). */
export function sameDigest(expected: string, given: string | undefined): boolean {
  if (given === undefined || !/^[0-9a-fA-F]+$/.test(given)) return false;
  const a = Buffer.from(expected, 'hex');
  const b = Buffer.from(given.toLowerCase(), 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** True when `vnp_SecureHash` is the HMAC of the other parameters under `secret`. */
export function verifyParams(secret: string, params: Record<string, string>): boolean {
  return sameDigest(hmacSha512(secret, toSignedQuery(params)), params[SECURE_HASH]);
}

/** The merchant API's checksum: the named fields' values, in the given order, joined with `|`. */
export function signPipe(secret: string, values: readonly (string | number | undefined)[]): string {
  return hmacSha512(secret, values.map((value) => (value === undefined ? '' : String(value))).join('|'));
}

/** `yyyyMMddHHmmss` in Vietnam's time (UTC+7, no daylight saving), as the gateway writes dates. */
export function toGatewayDate(at: number): string {
  return new Date(at + 7 * 3_600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** The instant of a `yyyyMMddHHmmss` date in Vietnam's time; undefined when it is not one. */
export function fromGatewayDate(value: string | undefined): number | undefined {
  const match = value && /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s) - 7 * 3_600_000;
}
