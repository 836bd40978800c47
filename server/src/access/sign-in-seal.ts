/**
 * @module sign-in-seal — what a started single sign-on must remember until the provider sends the browser back: the
 * `state` (RFC 6749 §10.12), the ID token `nonce` (OpenID Connect Core §3.1.2.1) and the PKCE code verifier (RFC 7636
 * §4.1), sealed in an encrypted token (JWE, RFC 7516: `dir` + A256GCM) that the browser keeps for the round trip and
 * hands back with the callback. Kept by the browser that started, the state is bound to it (a link with someone
 * else's code and state, sent to a victim, lacks the seal: no login CSRF); kept nowhere on the server, any process
 * can finish what another started. The key is derived from the session secret with a label of its own; a seal lasts
 * 10 minutes on the injected clock.
 */
import { createHmac } from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';
import type { Clock } from '../../../engine/src/index';

export interface SealedSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface SignInSeal {
  seal(signIn: SealedSignIn): Promise<string>;
  /** What `seal` sealed; undefined for an expired, forged or malformed seal. */
  open(sealed: string): Promise<SealedSignIn | undefined>;
}

const AUDIENCE = 'lien-thong-oidc-sign-in';
const DEFAULT_TTL_MS = 10 * 60 * 1000;

export function createSignInSeal(options: { secret: string | Uint8Array; clock: Clock; ttlMs?: number }): SignInSeal {
  const key = createHmac('sha256', options.secret).update('lien-thong oidc sign-in seal v1').digest();
  const ttlSeconds = Math.round((options.ttlMs ?? DEFAULT_TTL_MS) / 1000);
  const nowSeconds = () => Math.floor(options.clock.now() / 1000);

  return {
    seal({ state, nonce, codeVerifier }) {
      return new EncryptJWT({ state, nonce, cv: codeVerifier })
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
        .setAudience(AUDIENCE)
        .setIssuedAt(nowSeconds())
        .setExpirationTime(nowSeconds() + ttlSeconds)
        .encrypt(key);
    },

    async open(sealed) {
      try {
        const { payload } = await jwtDecrypt(sealed, key, {
          audience: AUDIENCE,
          keyManagementAlgorithms: ['dir'],
          contentEncryptionAlgorithms: ['A256GCM'],
          currentDate: new Date(options.clock.now()),
          requiredClaims: ['exp'],
        });
        const { state, nonce, cv } = payload;
        if (typeof state !== 'string' || typeof nonce !== 'string' || typeof cv !== 'string') return undefined;
        return { state, nonce, codeVerifier: cv };
      } catch {
        return undefined;
      }
    },
  };
}
