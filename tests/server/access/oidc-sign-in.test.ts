/**
 * Single sign-on through the province's identity provider (issue 18 item 3): a real OpenID Connect provider runs in
 * process (tests/support/oidc-test-provider.ts); the server is the whole app (`createTestApp`) with the provider
 * configured. The code flow with PKCE must give the right role and unit, and every answer that fails a check (a
 * changed signature, another audience, another issuer, a used state, no PKCE verifier, an unknown person) must be
 * refused with nothing stored: no session, no user changed.
 */
import { decodeJwt, importJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSignInMethods } from '../../../server/src/access/oidc-config';
import type { OidcFetch } from '../../../server/src/access/oidc-relying-party';
import { createMemoryAccessStores } from '../../../server/src/persistence/memory/create-memory-access-stores';
import { ROLE_CLAIM, signInAtProvider, startTestProvider, UNIT_CLAIM, type TestProvider } from '../../support/oidc-test-provider';
import { createTestApp } from '../../support/test-app';

const REDIRECT_URL = 'http://127.0.0.1:5173/sign-in';

let provider: TestProvider;

beforeAll(async () => {
  provider = await startTestProvider({
    redirectUris: [REDIRECT_URL],
    accounts: {
      // No role or unit claims: the local directory decides.
      'sub-hotich': { email: 'hotich@xa.demo.gov.vn', name: 'Vũ Thị Hộ Tịch' },
      // The provider names the role and the unit: the commune police's head.
      'sub-congan': { email: 'congan@xa.demo.gov.vn', role: 'headOfUnit', unit: 'cong-an-xa-demo' },
      'sub-stranger': { email: 'nobody@example.vn' },
      'sub-wants-admin': { email: 'thue@xa.demo.gov.vn', role: 'administrator' },
      'sub-unknown-unit': { email: 'datdai@xa.demo.gov.vn', unit: 'ubnd-xa-demo/khong-co' },
    },
  });
});

afterAll(async () => {
  await provider?.close();
});

type TokenAnswer = { id_token: string } & Record<string, unknown>;

/** The app with the provider configured; `hooks` put a hand on what goes to and comes from the token endpoint. */
async function createSsoApp(
  hooks: { idToken?: (idToken: string) => Promise<string>; tokenRequest?: (body: URLSearchParams) => void } = {},
  localPasswords = true,
  /** The directory of another process of the same server (same database, same session secret). */
  access = createMemoryAccessStores(),
) {
  const oidcFetch: OidcFetch = async (url, options) => {
    const toToken = new URL(url).pathname === '/token';
    const init = { ...options } as RequestInit;
    if (toToken && hooks.tokenRequest) {
      const body = new URLSearchParams(String(options.body));
      hooks.tokenRequest(body);
      init.body = body.toString();
    }
    const response = await fetch(url, init);
    if (!toToken || !hooks.idToken || response.status !== 200) return response;
    const answer = (await response.json()) as TokenAnswer;
    answer.id_token = await hooks.idToken(answer.id_token);
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });
  };
  const testApp = await createTestApp({
    access,
    signInMethods: parseSignInMethods({
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_REDIRECT_URL: REDIRECT_URL,
      OIDC_ROLE_CLAIM: ROLE_CLAIM,
      OIDC_UNIT_CLAIM: UNIT_CLAIM,
      LOCAL_PASSWORDS: localPasswords ? 'on' : 'off',
    }),
    oidcFetch,
  });
  // The directory knows these officials by e-mail (the demo users carry none).
  for (const [username, email] of [
    ['official.hotich', 'hotich@xa.demo.gov.vn'],
    ['official.congan', 'congan@xa.demo.gov.vn'],
    ['official.thue', 'thue@xa.demo.gov.vn'],
    ['official.datdai', 'datdai@xa.demo.gov.vn'],
  ] as const) {
    const user = await access.users.getByUsername(username);
    await access.users.update({ ...user!, email });
  }
  const { app } = testApp;
  const post = (path: string, body?: unknown) =>
    app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const directory = async () => JSON.stringify(await access.users.list());
  /** Start at the server, sign `login` in at the provider; the query the browser comes back with, and the seal it kept. */
  const authorize = async (login: string) => {
    const started = await post('/api/auth/oidc/start');
    expect(started.status).toBe(200);
    const { authorizationUrl, seal } = (await started.json()) as { authorizationUrl: string; seal: string };
    const callbackQuery = await signInAtProvider(authorizationUrl, login);
    return { authorizationUrl, seal, callbackQuery, callback: { query: callbackQuery, seal } };
  };
  const me = async (token: string) => (await (await app.request('/api/auth/me', { headers: { authorization: `Bearer ${token}` } })).json()) as { user: Record<string, unknown> };
  return { app, access, post, directory, authorize, me };
}

/** An ID token signed with the provider's own key, the claims changed by `change`. */
async function resigned(idToken: string, change: (claims: Record<string, unknown>) => Record<string, unknown>): Promise<string> {
  const key = await importJWK(provider.signingKey, 'RS256');
  return new SignJWT(change({ ...decodeJwt(idToken) })).setProtectedHeader({ alg: 'RS256', kid: provider.signingKey.kid, typ: 'JWT' }).sign(key);
}

describe('single sign-on through the province’s identity provider', () => {
  it('signs an official in by the code flow with PKCE, with the role and unit of the local directory when the provider names none', async () => {
    // given
    const sso = await createSsoApp();
    // when
    const { authorizationUrl, callback } = await sso.authorize('sub-hotich');
    const answer = await sso.post('/api/auth/oidc/callback', callback);
    // then
    const asked = new URL(authorizationUrl).searchParams;
    expect(asked.get('code_challenge_method')).toBe('S256');
    expect(asked.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(asked.get('state')).toBeTruthy();
    expect(asked.get('nonce')).toBeTruthy();
    expect(answer.status).toBe(200);
    const session = (await answer.json()) as { token: string; user: Record<string, unknown> };
    expect(session.user).toMatchObject({ username: 'official.hotich', role: 'official', agencyId: 'ubnd-xa-demo', departmentId: 'tu-phap-ho-tich' });
    expect(session.user).not.toHaveProperty('oidcSubject');
    expect((await sso.me(session.token)).user).toMatchObject({ username: 'official.hotich', role: 'official' });
    expect((await sso.access.users.getByUsername('official.hotich'))?.oidcSubject).toBe('sub-hotich');
  });

  it('finds the official by the linked subject the next time, even after their e-mail changed', async () => {
    // given
    const sso = await createSsoApp();
    await sso.post('/api/auth/oidc/callback', (await sso.authorize('sub-hotich')).callback);
    const user = await sso.access.users.getByUsername('official.hotich');
    await sso.access.users.update({ ...user!, email: 'changed@xa.demo.gov.vn' });
    // when
    const answer = await sso.post('/api/auth/oidc/callback', (await sso.authorize('sub-hotich')).callback);
    // then
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { user: { username: string } }).user.username).toBe('official.hotich');
  });

  it('takes the role and the unit from the provider’s claims when it names them', async () => {
    // given
    const sso = await createSsoApp();
    // when
    const answer = await sso.post('/api/auth/oidc/callback', (await sso.authorize('sub-congan')).callback);
    // then
    expect(answer.status).toBe(200);
    const { token } = (await answer.json()) as { token: string };
    expect((await sso.me(token)).user).toMatchObject({ username: 'official.congan', role: 'headOfUnit', agencyId: 'cong-an-xa-demo' });
  });

  it.each([
    ['an ID token whose signature was changed', async (idToken: string) => `${idToken.slice(0, -6)}${idToken.endsWith('AAAAAA') ? 'BBBBBB' : 'AAAAAA'}`],
    ['an ID token for another audience, signed with the provider’s key', (idToken: string) => resigned(idToken, (claims) => ({ ...claims, aud: 'another-application' }))],
    ['an ID token from another issuer, signed with the provider’s key', (idToken: string) => resigned(idToken, (claims) => ({ ...claims, iss: 'https://idp.another-province.gov.vn' }))],
    ['an ID token with another nonce', (idToken: string) => resigned(idToken, (claims) => ({ ...claims, nonce: 'not-the-one-sent' }))],
  ])('refuses %s and stores nothing', async (_case, idToken) => {
    // given
    const sso = await createSsoApp({ idToken });
    const before = await sso.directory();
    const { callback } = await sso.authorize('sub-hotich');
    // when
    const answer = await sso.post('/api/auth/oidc/callback', callback);
    // then
    expect(answer.status).toBe(401);
    const problem = (await answer.json()) as { code: string; token?: string };
    expect(problem.code).toBe('SSO_REFUSED');
    expect(problem.token).toBeUndefined();
    expect(await sso.directory()).toBe(before);
  });

  it('refuses a callback whose state was already used, and stores nothing more', async () => {
    // given
    const sso = await createSsoApp();
    const { callback } = await sso.authorize('sub-hotich');
    expect((await sso.post('/api/auth/oidc/callback', callback)).status).toBe(200);
    const before = await sso.directory();
    // when
    const replay = await sso.post('/api/auth/oidc/callback', callback);
    // then
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as { code: string }).code).toBe('SSO_STATE_UNKNOWN');
    expect(await sso.directory()).toBe(before);
  });

  it('refuses someone else’s callback in a browser that started its own sign-in (login CSRF), and one without a seal of this server', async () => {
    // given an attacker who signed in at the provider and sends their callback link to a victim whose browser has its own seal
    const sso = await createSsoApp();
    const attacker = await sso.authorize('sub-congan');
    const victim = await sso.authorize('sub-hotich');
    const before = await sso.directory();
    // when the victim's browser finishes the attacker's callback with its own seal, or with a seal made up
    const crossed = await sso.post('/api/auth/oidc/callback', { query: attacker.callbackQuery, seal: victim.seal });
    const madeUp = await sso.post('/api/auth/oidc/callback', { query: attacker.callbackQuery, seal: 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..AAAA.BBBB.CCCC' });
    // then both are refused, and nobody is signed in as the attacker
    expect([crossed.status, madeUp.status]).toEqual([401, 401]);
    expect(((await crossed.json()) as { code: string }).code).toBe('SSO_STATE_UNKNOWN');
    expect(((await madeUp.json()) as { code: string }).code).toBe('SSO_STATE_UNKNOWN');
    expect(await sso.directory()).toBe(before);
  });

  it('lets another process of the server finish what one started (no sticky sessions), and a replay on the first is refused by the provider', async () => {
    // given two processes of one server on one directory
    const first = await createSsoApp();
    const second = await createSsoApp({}, true, first.access);
    const { callback } = await first.authorize('sub-hotich');
    // when the second process finishes the sign-in, then the same callback is sent to the first
    const finished = await second.post('/api/auth/oidc/callback', callback);
    const replay = await first.post('/api/auth/oidc/callback', callback);
    // then the sign-in succeeded once: the provider redeems a code once
    expect(finished.status).toBe(200);
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as { code: string }).code).toBe('SSO_REFUSED');
  });

  it('refuses a callback whose state this server never sent', async () => {
    // given
    const sso = await createSsoApp();
    const { callbackQuery, seal } = await sso.authorize('sub-hotich');
    const forged = new URLSearchParams(callbackQuery);
    forged.set('state', 'a-state-of-the-attacker');
    // when
    const answer = await sso.post('/api/auth/oidc/callback', { query: `?${forged}`, seal });
    // then
    expect(answer.status).toBe(401);
    expect(((await answer.json()) as { code: string }).code).toBe('SSO_STATE_UNKNOWN');
  });

  it('is refused when the code is redeemed without its PKCE verifier, and stores nothing', async () => {
    // given
    const sso = await createSsoApp({ tokenRequest: (body) => body.delete('code_verifier') });
    const before = await sso.directory();
    const { callback } = await sso.authorize('sub-hotich');
    // when
    const answer = await sso.post('/api/auth/oidc/callback', callback);
    // then
    expect(answer.status).toBe(401);
    expect(((await answer.json()) as { code: string }).code).toBe('SSO_REFUSED');
    expect(await sso.directory()).toBe(before);
  });

  it('refuses a person the directory does not know, creating nobody', async () => {
    // given
    const sso = await createSsoApp();
    const before = await sso.directory();
    // when
    const answer = await sso.post('/api/auth/oidc/callback', (await sso.authorize('sub-stranger')).callback);
    // then
    expect(answer.status).toBe(403);
    expect(((await answer.json()) as { code: string }).code).toBe('SSO_UNKNOWN_ACCOUNT');
    expect(await sso.directory()).toBe(before);
  });

  it('never makes an administrator of someone because the provider says so', async () => {
    // given
    const sso = await createSsoApp();
    const before = await sso.directory();
    // when
    const answer = await sso.post('/api/auth/oidc/callback', (await sso.authorize('sub-wants-admin')).callback);
    // then
    expect(answer.status).toBe(403);
    expect(((await answer.json()) as { code: string }).code).toBe('SSO_CLAIM_INVALID');
    expect(await sso.directory()).toBe(before);
  });

  it('refuses a unit claim that names a department the agency does not have', async () => {
    // given
    const sso = await createSsoApp();
    const before = await sso.directory();
    // when
    const answer = await sso.post('/api/auth/oidc/callback', (await sso.authorize('sub-unknown-unit')).callback);
    // then
    expect(answer.status).toBe(403);
    expect(((await answer.json()) as { code: string }).code).toBe('SSO_CLAIM_INVALID');
    expect(await sso.directory()).toBe(before);
  });

  it('closes username-and-password sign-in when LOCAL_PASSWORDS is off, and says so to the sign-in page', async () => {
    // given
    const sso = await createSsoApp({}, false);
    // when
    const methods = await sso.app.request('/api/auth/methods');
    const signIn = await sso.post('/api/auth/sign-in', { username: 'official.hotich', password: 'official.hotich' });
    // then
    expect(await methods.json()).toEqual({ password: false, oidc: true });
    expect(signIn.status).toBe(403);
    expect(((await signIn.json()) as { code: string }).code).toBe('PASSWORD_SIGN_IN_DISABLED');
  });

  it('answers 404 SSO_NOT_CONFIGURED without a provider, and offers passwords only', async () => {
    // given
    const { app } = await createTestApp();
    // when
    const started = await app.request('/api/auth/oidc/start', { method: 'POST' });
    const methods = await app.request('/api/auth/methods');
    // then
    expect(started.status).toBe(404);
    expect(((await started.json()) as { code: string }).code).toBe('SSO_NOT_CONFIGURED');
    expect(await methods.json()).toEqual({ password: true, oidc: false });
  });
});

describe('parseSignInMethods', () => {
  it('refuses an issuer without a client id or redirect URL, and passwords off without an issuer', () => {
    expect(() => parseSignInMethods({ OIDC_ISSUER: 'https://idp.demo.gov.vn' })).toThrow(/OIDC_CLIENT_ID/);
    expect(() => parseSignInMethods({ OIDC_ISSUER: 'https://idp.demo.gov.vn', OIDC_CLIENT_ID: 'x' })).toThrow(/OIDC_REDIRECT_URL/);
    expect(() => parseSignInMethods({ LOCAL_PASSWORDS: 'off' })).toThrow(/nobody could sign in/);
    expect(() => parseSignInMethods({ LOCAL_PASSWORDS: 'maybe' })).toThrow(/LOCAL_PASSWORDS/);
    expect(parseSignInMethods({})).toEqual({ localPasswords: true });
  });
});
