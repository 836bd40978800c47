/**
 * @module oidc-relying-party — Liên thông as an OpenID Connect relying party of the province's identity provider,
 * through openid-client (a certified relying-party library): the authorization code flow (OpenID Connect Core 1.0
 * §3.1) with PKCE S256 (RFC 7636), a one-time `state` (RFC 6749 §10.12) and a `nonce` (Core §3.1.2.1). openid-client
 * checks the ID token (`iss`, `aud`, `exp`, `iat`, `nonce`, and, with `enableNonRepudiationChecks`, its signature
 * against the provider's published keys) and the `iss` of the authorization response (RFC 9207); nothing here reads a
 * JWT by hand.
 *
 * The provider's discovery document is read at the first sign-in and kept; a failed read is tried again next time.
 * The ID token's times are checked against the real clock, the provider's: the injected clock only ages `state`s.
 */
import * as client from 'openid-client';
import type { Clock } from '../../../engine/src/index';
import { HttpProblem } from '../http/http-problem';
import type { Logger } from '../logger';
import type { OidcConfig } from './oidc-config';
import { createSignInSeal } from './sign-in-seal';

export interface OidcRelyingPartyOptions {
  config: OidcConfig;
  clock: Clock;
  /** The session secret, from which the key of the sign-in seals is derived (sign-in-seal.ts). */
  secret: string;
  logger?: Logger;
  /** The HTTP client for the provider's endpoints; the global fetch by default. */
  fetch?: OidcFetch;
}

/** openid-client's HTTP hook: the URL and the request it would make, answered by a Fetch API `Response`. */
export type OidcFetch = client.CustomFetch;

/** The identity the provider vouches for: the ID token's claims, completed by the UserInfo endpoint's. */
export type OidcClaims = Record<string, unknown> & { sub: string };

export interface OidcRelyingParty {
  /**
   * Where to send the browser (the provider's authorization endpoint with a fresh state, nonce and PKCE challenge) and
   * the seal of those three that the browser keeps until it comes back.
   */
  start(): Promise<{ authorizationUrl: URL; seal: string }>;
  /** The claims of the person the callback's query (`?code=…&state=…&iss=…`) signs in, given its seal; a 4xx problem otherwise. */
  finish(callbackQuery: string, seal: string): Promise<OidcClaims>;
}

export function ssoRefused(detail: string, cause?: unknown): HttpProblem {
  return new HttpProblem({ status: 401, code: 'SSO_REFUSED', title: 'Single sign-on refused', detail, cause });
}

/** Plain HTTP only towards this machine (a test or a development provider); anything else must be HTTPS. */
function isLoopback(issuer: string): boolean {
  const { protocol, hostname } = new URL(issuer);
  return protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
}

export function createOidcRelyingParty(options: OidcRelyingPartyOptions): OidcRelyingParty {
  const { config } = options;
  const seals = createSignInSeal({ secret: options.secret, clock: options.clock });
  // The states this process has seen come back, until their seal expires: a second callback is refused here at once
  // (another process would send the used code to the provider, which refuses it: a code is redeemed once, RFC 6749 §4.1.2).
  const usedStates = new Map<string, number>();
  const SEAL_TTL_MS = 10 * 60 * 1000;
  const markUsed = (state: string): boolean => {
    const now = options.clock.now();
    for (const [used, at] of usedStates) if (now - at > SEAL_TTL_MS) usedStates.delete(used);
    if (usedStates.has(state)) return false;
    usedStates.set(state, now);
    return true;
  };
  let discovered: Promise<client.Configuration> | undefined;

  const configuration = (): Promise<client.Configuration> => {
    discovered ??= client
      .discovery(
        new URL(config.issuer),
        config.clientId,
        { redirect_uris: [config.redirectUrl], response_types: ['code'] },
        config.clientSecret === undefined ? client.None() : client.ClientSecretBasic(config.clientSecret),
        {
          ...(options.fetch ? { [client.customFetch]: options.fetch } : {}),
          // The ID token's signature is checked against the provider's published keys even though it comes straight
          // from the token endpoint (Core §3.1.3.7 would let TLS stand in for it): a changed token is refused.
          execute: [client.enableNonRepudiationChecks, ...(isLoopback(config.issuer) ? [client.allowInsecureRequests] : [])],
          timeout: 10,
        },
      )
      .catch((error: unknown) => {
        discovered = undefined;
        options.logger?.warn({ err: error, issuer: config.issuer }, 'identity provider discovery failed');
        throw new HttpProblem({ status: 502, code: 'SSO_UNAVAILABLE', title: 'Identity provider unreachable', detail: 'The identity provider cannot be reached; try again later.', cause: error });
      });
    return discovered;
  };

  return {
    async start() {
      const provider = await configuration();
      const codeVerifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const authorizationUrl = client.buildAuthorizationUrl(provider, {
        redirect_uri: config.redirectUrl,
        scope: config.scope ?? 'openid email profile',
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { authorizationUrl, seal: await seals.seal({ state, nonce, codeVerifier }) };
    },

    async finish(callbackQuery, seal) {
      const callbackUrl = new URL(config.redirectUrl);
      callbackUrl.search = callbackQuery.startsWith('?') ? callbackQuery : `?${callbackQuery}`;
      const state = callbackUrl.searchParams.get('state');
      const started = await seals.open(seal);
      // The state must be the one this browser's seal holds, and come back once: marked used before anything else.
      if (!state || !started || started.state !== state || !markUsed(state)) {
        throw new HttpProblem({ status: 401, code: 'SSO_STATE_UNKNOWN', title: 'Single sign-on refused', detail: 'This sign-in was not started in this browser, has already been used or has expired; start again.' });
      }
      const provider = await configuration();
      try {
        const tokens = await client.authorizationCodeGrant(provider, callbackUrl, {
          pkceCodeVerifier: started.codeVerifier,
          expectedState: state,
          expectedNonce: started.nonce,
          idTokenExpected: true,
        });
        const idClaims = tokens.claims();
        if (!idClaims) throw new Error('no ID token');
        const userInfo = provider.serverMetadata().userinfo_endpoint
          ? await client.fetchUserInfo(provider, tokens.access_token, idClaims.sub)
          : {};
        // The ID token's own claims win: UserInfo only completes them (OpenID Connect Core §5.3.2).
        return { ...userInfo, ...idClaims } as OidcClaims;
      } catch (error) {
        options.logger?.info({ err: error }, 'single sign-on refused');
        if (error instanceof client.AuthorizationResponseError) throw ssoRefused(`The identity provider answered ${error.error}.`, error);
        throw ssoRefused('The identity provider’s answer did not pass the checks (signature, issuer, audience, nonce, PKCE).', error);
      }
    },
  };
}
