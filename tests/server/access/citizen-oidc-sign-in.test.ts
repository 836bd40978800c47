/**
 * Citizens' sign-in with their electronic identity (VNeID-style OpenID Connect, issue 18 item 3) refuses what the
 * officials' sign-in refuses (oidc-sign-in.test.ts): an ID token whose signature was changed, and one issued for another
 * audience (OpenID Connect Core 1.0 §3.1.3.7, checks 2 and 3; 6 for the signature). A real provider runs in process
 * (tests/support/oidc-test-provider.ts); the server is the whole app. A refusal is an RFC 9457 problem, gives no citizen
 * session, and leaves every store as it was.
 */
import { decodeJwt, generateKeyPair, importJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OidcFetch } from '../../../server/src/access/oidc-relying-party';
import { ID_NUMBER_CLAIM, signInAtProvider, startTestProvider, type TestProvider } from '../../support/oidc-test-provider';
import { createTestApp } from '../../support/test-app';

const REDIRECT_URL = 'http://127.0.0.1:5173/my-dossiers';

let provider: TestProvider;

beforeAll(async () => {
  provider = await startTestProvider({
    redirectUris: [REDIRECT_URL],
    accounts: { 'cong.dan': { name: 'Nguyễn Văn An', idNumber: '001085000101' } },
  });
});

afterAll(async () => {
  await provider?.close();
});

/** The app with citizens' sign-in configured; `changeIdToken` puts a hand on the ID token the token endpoint answers. */
async function createCitizenSsoApp(changeIdToken?: (idToken: string) => Promise<string>) {
  const oidcFetch: OidcFetch = async (url, options) => {
    const response = await fetch(url, options as RequestInit);
    if (new URL(url).pathname !== '/token' || !changeIdToken || response.status !== 200) return response;
    const answer = (await response.json()) as { id_token: string };
    answer.id_token = await changeIdToken(answer.id_token);
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });
  };
  const testApp = await createTestApp({
    citizenSignIn: { config: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, redirectUrl: REDIRECT_URL, scope: 'openid profile' }, idNumberClaim: ID_NUMBER_CLAIM },
    oidcFetch,
  });
  const { app, stores, access } = testApp;
  const post = (path: string, body?: unknown) =>
    app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  /** Start at the server, sign the citizen in at the provider, and come back with the query and the seal. */
  const signIn = async () => {
    const started = await post('/api/citizen/sign-in/start');
    expect(started.status).toBe(200);
    const { authorizationUrl, seal } = (await started.json()) as { authorizationUrl: string; seal: string };
    return post('/api/citizen/sign-in/callback', { query: await signInAtProvider(authorizationUrl, 'cong.dan'), seal });
  };
  /** Everything a sign-in could have written to: the dossiers and the directory of users. */
  const stored = async () =>
    JSON.stringify([await stores.dossiers.listSummaries({}, { offset: 0, limit: 1000 }), await access.users.list()]);
  const myDossiers = (session?: string) => app.request('/api/citizen/my-dossiers', { headers: session ? { 'x-citizen-session': session } : {} });
  return { signIn, stored, myDossiers };
}

/** An ID token signed with the provider's own key, its claims changed by `change`. */
async function resigned(idToken: string, change: (claims: Record<string, unknown>) => Record<string, unknown>): Promise<string> {
  const key = await importJWK(provider.signingKey, 'RS256');
  return new SignJWT(change({ ...decodeJwt(idToken) })).setProtectedHeader({ alg: 'RS256', kid: provider.signingKey.kid, typ: 'JWT' }).sign(key);
}

describe('citizens’ sign-in with their electronic identity', () => {
  it('gives a session for “Hồ sơ của tôi” when the provider’s ID token passes every check', async () => {
    // given
    const sso = await createCitizenSsoApp();
    // when
    const answer = await sso.signIn();
    // then
    expect(answer.status).toBe(200);
    const { token, name } = (await answer.json()) as { token: string; name: string };
    expect(name).toBe('Nguyễn Văn An');
    expect((await sso.myDossiers(token)).status).toBe(200);
  });

  it('tells the page whether citizens can sign in here, so “Hồ sơ của tôi” offers it only where it works', async () => {
    // given one server with the citizens' provider and one without
    const methods = async (app: Awaited<ReturnType<typeof createTestApp>>['app']) => (await app.request('/api/citizen/sign-in/methods')).json();
    // then each says so
    expect(await methods((await createTestApp({ citizenSignIn: { config: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, redirectUrl: REDIRECT_URL, scope: 'openid profile' }, idNumberClaim: ID_NUMBER_CLAIM } })).app)).toEqual({ electronicIdentity: true });
    expect(await methods((await createTestApp()).app)).toEqual({ electronicIdentity: false });
  });

  it.each([
    ['an ID token whose signature was changed', async (idToken: string) => `${idToken.slice(0, -6)}${idToken.endsWith('AAAAAA') ? 'BBBBBB' : 'AAAAAA'}`],
    ['an ID token issued for another audience, signed with the provider’s key', (idToken: string) => resigned(idToken, (claims) => ({ ...claims, aud: 'another-application' }))],
    ['an ID token whose ID number was changed, signed with another key', async (idToken: string) => {
      const { privateKey } = await generateKeyPair('RS256');
      return new SignJWT({ ...decodeJwt(idToken), [ID_NUMBER_CLAIM]: '079199000999' }).setProtectedHeader({ alg: 'RS256', kid: provider.signingKey.kid, typ: 'JWT' }).sign(privateKey);
    }],
  ])('refuses %s with a problem, gives no session and stores nothing', async (_case, changeIdToken) => {
    // given
    const sso = await createCitizenSsoApp(changeIdToken);
    const before = await sso.stored();
    // when
    const answer = await sso.signIn();
    // then
    expect(answer.status).toBe(401);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await answer.json()) as { type: string; title: string; status: number; code: string; token?: string };
    expect(problem).toMatchObject({ status: 401, code: 'SSO_REFUSED' });
    expect(problem.title).toBeTruthy();
    expect(problem.token).toBeUndefined();
    expect((await sso.myDossiers()).status).toBe(401);
    expect(await sso.stored()).toBe(before);
  });
});
