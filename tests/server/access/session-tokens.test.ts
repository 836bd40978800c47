import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createSessionTokens } from '../../../server/src/access/session-tokens';
import { SECRET, aUser, createAccessTestApp } from './access-test-app';

const official = aUser({ id: 'u1', username: 'official.congan', agencyId: 'cong-an-xa-demo' });

describe('session tokens on /api requests', () => {
  it('refuses a token that expired eight hours after sign-in with 401 UNAUTHENTICATED, reason expired', async () => {
    // given
    const { app, clock, bearer } = await createAccessTestApp({ users: [official] });
    const headers = await bearer('official.congan');
    expect((await app.request('/api/auth/me', { headers })).status).toBe(200);
    // when
    clock.advance(8 * 60 * 60 * 1000);
    const response = await app.request('/api/auth/me', { headers });
    // then
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'expired' });
  });

  it('refuses a token signed with another secret, an unsigned token and a tampered one as invalid', async () => {
    // given
    const { app, clock, bearer } = await createAccessTestApp({ users: [official] });
    const forger = createSessionTokens({ secret: 'an attacker guessing the server secret', clock });
    const forged = (await forger.issueToken({ id: 'u1' })).token;
    const unsigned = `${btoa(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${btoa(JSON.stringify({ sub: 'u1', exp: 9_999_999_999 }))}.`.replaceAll('=', '');
    const [header, , signature] = (await bearer('official.congan')).authorization.slice(7).split('.');
    const tampered = `${header}.${btoa(JSON.stringify({ sub: 'u-admin', exp: 9_999_999_999 })).replaceAll('=', '')}.${signature}`;
    // when
    const answers = await Promise.all(
      [forged, unsigned, tampered].map((token) => app.request('/api/auth/me', { headers: { authorization: `Bearer ${token}` } })),
    );
    // then
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(await answer.json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', reason: 'invalid' });
    }
  });

  it('refuses a well-signed token for another audience', async () => {
    // given
    const { app } = await createAccessTestApp({ users: [official] });
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('u1').setAudience('another-app').setIssuer('lien-thong').setExpirationTime('2h').sign(new TextEncoder().encode(SECRET));
    // when
    const response = await app.request('/api/auth/me', { headers: { authorization: `Bearer ${token}` } });
    // then
    expect(response.status).toBe(401);
  });

  it('refuses a token of a user disabled after sign-in', async () => {
    // given
    const { app, users, bearer } = await createAccessTestApp({ users: [official] });
    const headers = await bearer('official.congan');
    const user = await users.get('u1');
    await users.update({ ...user!, disabled: true });
    // when
    const response = await app.request('/api/auth/me', { headers });
    // then
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('answers 401 UNAUTHENTICATED without an Authorization header, and for a scheme other than Bearer', async () => {
    // given
    const { app } = await createAccessTestApp({ users: [official] });
    // when
    const anonymous = await app.request('/api/auth/me');
    const basic = await app.request('/api/auth/me', { headers: { authorization: 'Basic b2ZmaWNpYWw6b2ZmaWNpYWw=' } });
    // then
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(basic.status).toBe(401);
  });

  it('refuses to be created with a secret shorter than 32 bytes', () => {
    expect(() => createSessionTokens({ secret: 'short', clock: { now: () => 0 } })).toThrow(/32 bytes/);
  });
});
