/**
 * @module national-portal-gate — the door of `POST /api/national-portal/dossiers`, run with the access gate before
 * the body is parsed: per client address a rate limit (429), then a configured credential and a fresh timestamp in the
 * headers (401, before the body is read), then the body within its own size bound (413, RFC 9110 §15.5.14), then the
 * HMAC signature over the raw body (401: changed on the way or signed with another secret). The JSON, its depth and
 * its fields are checked after it, by the route. Every refusal carries the portal's `error_code` (portal-problem.ts).
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Clock } from '../../../engine/src/index';
import { clientAddress, type TrustProxy } from '../http/client-address';
import type { RateLimiter } from '../http/rate-limiter';
import { ACKNOWLEDGEMENT_CODES } from './national-portal-mapping';
import { isPortalSignature, PORTAL_KEY_ID_HEADER, PORTAL_SIGNATURE_HEADER, PORTAL_TIMESTAMP_HEADER, type PortalCredential } from './portal-credentials';
import { portalProblem } from './portal-problem';

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by the national portal's gate: the id of the credential that signed the request. */
    portalCredentialId?: string;
  }
}

export const NATIONAL_PORTAL_DOSSIERS_PATH = '/api/national-portal/dossiers';

export interface NationalPortalGateOptions {
  credentials: readonly PortalCredential[];
  clock: Clock;
  limiter: RateLimiter;
  maxBodyBytes: number;
  toleranceMs: number;
  trustProxy?: TrustProxy;
}

function unauthenticated(detail: string) {
  return portalProblem({
    status: 401,
    code: 'UNAUTHENTICATED',
    title: 'Not signed in',
    detail,
    errorCode: ACKNOWLEDGEMENT_CODES.unauthenticated,
    message: 'Chữ ký của Cổng Dịch vụ công quốc gia không hợp lệ',
  });
}

export function nationalPortalGate(options: NationalPortalGateOptions): MiddlewareHandler {
  const credentials = new Map(options.credentials.map((credential) => [credential.id, credential]));
  return async (c, next) => {
    if (c.req.path !== NATIONAL_PORTAL_DOSSIERS_PATH || c.req.method !== 'POST') return next();
    const decision = options.limiter.hit(`national-portal:${clientAddress(c, { trustProxy: options.trustProxy })}`);
    if (!decision.allowed) {
      const retryAfterSeconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
      throw portalProblem({
        status: 429,
        code: 'RATE_LIMITED',
        title: 'Too many requests',
        detail: `Too many requests from this address; try again in ${retryAfterSeconds} seconds.`,
        errorCode: ACKNOWLEDGEMENT_CODES.tooMany,
        message: `Gửi quá nhiều yêu cầu; thử lại sau ${retryAfterSeconds} giây`,
        headers: { 'retry-after': String(retryAfterSeconds) },
      });
    }
    const credential = credentials.get(c.req.header(PORTAL_KEY_ID_HEADER) ?? '');
    const timestamp = c.req.header(PORTAL_TIMESTAMP_HEADER) ?? '';
    const signature = c.req.header(PORTAL_SIGNATURE_HEADER) ?? '';
    if (!credential || !signature) throw unauthenticated(`Sign the request with a configured portal credential (${PORTAL_KEY_ID_HEADER}, ${PORTAL_TIMESTAMP_HEADER}, ${PORTAL_SIGNATURE_HEADER}).`);
    if (!/^\d{1,12}$/.test(timestamp) || Math.abs(Number(timestamp) * 1000 - options.clock.now()) > options.toleranceMs) {
      throw unauthenticated(`${PORTAL_TIMESTAMP_HEADER} must be the Unix time of the signature, within ${options.toleranceMs / 1000} seconds of ours.`);
    }
    const limited = bodyLimit({
      maxSize: options.maxBodyBytes,
      // Thrown, not answered: the gate runs inside the access gate, whose caller keeps no response of ours.
      onError: () => {
        throw portalProblem({
          status: 413,
          code: 'PAYLOAD_TOO_LARGE',
          title: 'The request body is too large',
          detail: `A national portal dossier is limited to ${options.maxBodyBytes} bytes; send its files separately.`,
          errorCode: ACKNOWLEDGEMENT_CODES.tooLarge,
          message: `Hồ sơ vượt quá ${options.maxBodyBytes} byte`,
        });
      },
    });
    return limited(c, async () => {
      if (!isPortalSignature(credential, timestamp, await c.req.text(), signature)) throw unauthenticated('The signature does not match the body: it was changed, or signed with another secret.');
      c.set('portalCredentialId', credential.id);
      await next();
    });
  };
}
