/**
 * @module session-tokens — sessions as signed JSON Web Tokens (RFC 7519) with HS256 (RFC 7518 §3.2) and an expiry.
 * The token carries only the user id and the user's token version (`ver`): the user is read again on every request,
 * so disabling a user, changing their role or bumping their token version (sign-out, password change) takes effect at once.
 */
import { SignJWT, jwtVerify, errors } from 'jose';
import type { Clock } from '../../../engine/src/index';
import { HttpProblem } from '../http/http-problem';

export interface SessionTokenOptions {
  /** At least 32 bytes: RFC 7518 §3.2 requires an HS256 key as long as the hash output. */
  secret: string | Uint8Array;
  clock: Clock;
  /** How long a token is valid; default 8 hours, one working day. */
  ttlMs?: number;
}

export interface IssuedToken {
  token: string;
  expiresAt: number;
}

export interface VerifiedToken {
  userId: string;
  /** The user's `tokenVersion` when the token was issued; a token whose version is no longer the user's is revoked. */
  tokenVersion: number;
  expiresAt: number;
}

export interface SessionTokens {
  issueToken(user: { id: string; tokenVersion?: number }): Promise<IssuedToken>;
  /** The claims of a valid token; throws a 401 `UNAUTHENTICATED` problem for an expired, forged or malformed one. */
  verifyToken(token: string): Promise<VerifiedToken>;
}

const ISSUER = 'lien-thong';
const AUDIENCE = 'lien-thong-api';
const DEFAULT_TTL_MS = 8 * 60 * 60 * 1000;

function unauthenticated(detail: string, reason: 'expired' | 'invalid', cause?: unknown): HttpProblem {
  return new HttpProblem({ status: 401, code: 'UNAUTHENTICATED', title: 'Not signed in', detail, extensions: { reason }, cause });
}

export function createSessionTokens(options: SessionTokenOptions): SessionTokens {
  const key = typeof options.secret === 'string' ? new TextEncoder().encode(options.secret) : options.secret;
  if (key.byteLength < 32) throw new Error('the session secret must be at least 32 bytes (RFC 7518 §3.2)');
  const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;

  return {
    async issueToken(user) {
      const now = options.clock.now();
      const expiresAt = Math.floor((now + ttlMs) / 1000) * 1000; // JWT times are whole seconds (RFC 7519 §2 NumericDate)
      const token = await new SignJWT({ ver: user.tokenVersion ?? 0 })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(user.id)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(Math.floor(now / 1000))
        .setExpirationTime(expiresAt / 1000)
        .sign(key);
      return { token, expiresAt };
    },

    async verifyToken(token) {
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: ['HS256'],
          issuer: ISSUER,
          audience: AUDIENCE,
          requiredClaims: ['sub', 'exp', 'ver'],
          currentDate: new Date(options.clock.now()),
          clockTolerance: 0,
        });
        if (!Number.isSafeInteger(payload.ver)) throw new Error('the token version is not an integer');
        return { userId: payload.sub as string, tokenVersion: payload.ver as number, expiresAt: (payload.exp as number) * 1000 };
      } catch (error) {
        if (error instanceof errors.JWTExpired) throw unauthenticated('The session has expired; sign in again.', 'expired', error);
        throw unauthenticated('The session token is not valid.', 'invalid', error);
      }
    },
  };
}
