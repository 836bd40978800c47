/**
 * @module citizen-tokens — the citizen's capability on one dossier, without an account: a short-lived JSON Web Token
 * (RFC 7519, HS256) issued after an online submission or a lookup by code + ID number, naming one dossier and
 * nothing else. It is signed with a key of its own (HMAC of the session secret with a label, so a citizen token can
 * never pass as a session and a session never as a citizen token), carries its own audience, and binds a digest of
 * the applicant's ID number, so a token dies when the dossier's applicant is corrected. What it allows depends on the
 * dossier's status when it is used (citizen-routes.ts): components while status 1, a supplement while status 5.
 */
import { createHash, createHmac } from 'node:crypto';
import { SignJWT, errors, jwtVerify } from 'jose';
import type { Clock } from '../../../engine/src/index';
import { HttpProblem } from '../http/http-problem';

export interface CitizenTokenOptions {
  /** The session secret (at least 32 bytes); the citizen key is derived from it, never equal to it. */
  secret: string;
  clock: Clock;
  /** How long a token is valid; 30 minutes by default: long enough to scan and upload a few files. */
  ttlMs?: number;
}

export interface CitizenToken {
  token: string;
  /** The dossier it is for: the `{id}` of the citizen routes (the token's subject, readable in it anyway). */
  dossierId: string;
  /** ISO 8601. */
  expiresAt: string;
}

/**
 * What a token lets the citizen do: `dossier.citizen` uploads and supplements (routes check the status);
 * `dossier.notifications` only chooses the channels messages come through (notification-choice-routes.ts), which the
 * lookup gives in every status, so that the tracking page's toggle never carries the right to upload.
 */
export type CitizenTokenScope = 'dossier.citizen' | 'dossier.notifications';

export interface CitizenTokens {
  /** A token for `dossier`, whose applicant has `idNumber`; `dossier.citizen` by default. */
  issue(dossier: { id: string; applicant: { idNumber: string } }, scope?: CitizenTokenScope): Promise<CitizenToken>;
  /**
   * Checks `token` against the dossier the path names: signed by us, not expired, for this dossier and its current
   * applicant. Throws 401 `UNAUTHENTICATED` otherwise, with one detail for every mismatch (no oracle).
   */
  verify(token: string | undefined, dossier: { id: string; applicant: { idNumber: string } } | undefined, scope?: CitizenTokenScope): Promise<void>;
}

/** The request header that carries the token; a separate header, so officials' `Authorization` routes never read it. */
export const CITIZEN_TOKEN_HEADER = 'x-citizen-token';

const ISSUER = 'lien-thong';
const AUDIENCE = 'lien-thong-citizen';
const SCOPE: CitizenTokenScope = 'dossier.citizen';
export const DEFAULT_CITIZEN_TOKEN_TTL_MS = 30 * 60_000;

/** The same normalisation as the lookup's comparison: spaces and case do not matter in an ID number. */
export function idNumberDigest(idNumber: string): string {
  return createHash('sha256').update(idNumber.normalize('NFKC').replace(/\s+/g, '').toUpperCase()).digest('base64url');
}

const refused = (reason: 'expired' | 'invalid', cause?: unknown) =>
  new HttpProblem({
    status: 401,
    code: 'UNAUTHENTICATED',
    title: 'No valid citizen token',
    detail: reason === 'expired' ? 'The citizen token has expired; look the dossier up again.' : `Send the token of this dossier in the ${CITIZEN_TOKEN_HEADER} header.`,
    extensions: { reason },
    cause,
  });

export function createCitizenTokens(options: CitizenTokenOptions): CitizenTokens {
  // A key of its own (RFC 7518 §3.2: as long as the hash output), derived so that no second secret must be managed.
  const key = createHmac('sha256', options.secret).update('lien-thong citizen dossier token v1').digest();
  const ttlMs = options.ttlMs ?? DEFAULT_CITIZEN_TOKEN_TTL_MS;

  return {
    async issue(dossier, scope = SCOPE) {
      const now = options.clock.now();
      const expiresAt = Math.floor((now + ttlMs) / 1000) * 1000;
      const token = await new SignJWT({ scope, idh: idNumberDigest(dossier.applicant.idNumber) })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(dossier.id)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(Math.floor(now / 1000))
        .setExpirationTime(expiresAt / 1000)
        .sign(key);
      return { token, dossierId: dossier.id, expiresAt: new Date(expiresAt).toISOString() };
    },

    async verify(token, dossier, scope = SCOPE) {
      if (!token || token.length > 2048) throw refused('invalid');
      let payload: Record<string, unknown>;
      try {
        ({ payload } = await jwtVerify(token, key, {
          algorithms: ['HS256'],
          issuer: ISSUER,
          audience: AUDIENCE,
          requiredClaims: ['sub', 'exp', 'scope', 'idh'],
          currentDate: new Date(options.clock.now()),
          clockTolerance: 0,
        }));
      } catch (error) {
        throw refused(error instanceof errors.JWTExpired ? 'expired' : 'invalid', error);
      }
      // Another dossier's token, or this dossier's with another applicant: the same refusal as a forged one.
      if (!dossier || payload.sub !== dossier.id || payload.scope !== scope || payload.idh !== idNumberDigest(dossier.applicant.idNumber)) {
        throw refused('invalid');
      }
    },
  };
}
