/**
 * @module oidc-test-provider — a real OpenID Connect provider (the `oidc-provider` package, OpenID Certified) on a free
 * port of 127.0.0.1, standing in for the province's identity provider: one confidential client for Liên thông, the
 * test's own signing key (so a test can also sign a token the provider never issued), accounts with e-mail, role and
 * unit claims, and its development login page (any password). Consent is taken as given, as a province's provider
 * does for its own applications.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

export interface TestAccount {
  email?: string;
  name?: string;
  /** The role claim (`lienthong_role`). */
  role?: string;
  /** The unit claim (`lienthong_unit`): `agencyId` or `agencyId/departmentId`. */
  unit?: string;
  /** A citizen's personal ID number (`id_number`), as an electronic identity provider (VNeID) vouches for it. */
  idNumber?: string;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The provider's signing key, private part included, with its `kid`. */
  signingKey: JWK & { kid: string };
  close(): Promise<void>;
}

export const ROLE_CLAIM = 'lienthong_role';
export const UNIT_CLAIM = 'lienthong_unit';
export const ID_NUMBER_CLAIM = 'id_number';

export async function startTestProvider(options: { redirectUris: string[]; accounts: Record<string, TestAccount> }): Promise<TestProvider> {
  let handle: (request: IncomingMessage, response: ServerResponse) => void = (_request, response) => response.end();
  const server = createServer((request, response) => handle(request, response));
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: 'province-test-key', alg: 'RS256', use: 'sig' };
  const clientId = 'lien-thong';
  const clientSecret = 'province-client-secret-for-tests';

  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: options.redirectUris, grant_types: ['authorization_code'], response_types: ['code'] }],
    jwks: { keys: [signingKey] },
    cookies: { keys: ['oidc-test-provider-cookie-key'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', ROLE_CLAIM, UNIT_CLAIM, ID_NUMBER_CLAIM] },
    features: { devInteractions: { enabled: true } },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
    async findAccount(_ctx: KoaContextWithOIDC, sub: string) {
      const account = options.accounts[sub];
      if (!account) return undefined;
      return {
        accountId: sub,
        async claims() {
          return {
            sub,
            ...(account.email ? { email: account.email, email_verified: true } : {}),
            ...(account.name ? { name: account.name } : {}),
            ...(account.role ? { [ROLE_CLAIM]: account.role } : {}),
            ...(account.unit ? { [UNIT_CLAIM]: account.unit } : {}),
            ...(account.idNumber ? { [ID_NUMBER_CLAIM]: account.idNumber } : {}),
          };
        },
      };
    },
    // Consent as given: every scope and claim the client asks for.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  handle = provider.callback();

  return {
    issuer,
    clientId,
    clientSecret,
    signingKey,
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}

/**
 * Signs `login` in at the provider as a browser would, over HTTP with a cookie jar: follows the authorization URL to
 * the login page, posts the form (any password) and follows the redirects until the one back to the client. Answers
 * the query of that last redirect (`?code=…&state=…&iss=…`).
 */
export async function signInAtProvider(authorizationUrl: string, login: string): Promise<string> {
  const cookies = new Map<string, string>();
  const send = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') } });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  };
  const origin = new URL(authorizationUrl).origin;
  let response = await send(authorizationUrl);
  for (let hops = 0; hops < 10; hops++) {
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, origin);
      if (next.origin !== origin) return next.search;
      response = await send(next.href);
      continue;
    }
    const page = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    if (!action) throw new Error(`the provider answered ${response.status} without a form: ${page.slice(0, 300)}`);
    response = await send(new URL(action, origin).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ prompt: 'login', login, password: 'any' }).toString(),
    });
  }
  throw new Error('too many redirects at the provider');
}
