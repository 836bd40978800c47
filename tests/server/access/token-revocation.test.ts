import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../support/test-app';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

async function signIn(t: TestApp, username: string, password = username): Promise<Record<string, string>> {
  const response = await t.app.request('/api/auth/sign-in', json('POST', { username, password }));
  expect(response.status).toBe(200);
  return { authorization: `Bearer ${((await response.json()) as { token: string }).token}` };
}

function json(method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

const me = (t: TestApp, headers: Record<string, string>) => t.app.request('/api/auth/me', { headers });

describe('revoking session tokens', () => {
  it('ends every session of the user, on every device, when they sign out on one', async () => {
    // given two sessions of one official, on two devices
    const t = await createTestApp();
    const laptop = await signIn(t, 'official.hotich');
    const phone = await signIn(t, 'official.hotich');
    // when the official signs out on the laptop
    const signOut = await t.app.request('/api/auth/sign-out', { method: 'POST', headers: laptop });
    // then both tokens answer 401 revoked, and signing in again works
    expect(signOut.status).toBe(204);
    for (const headers of [laptop, phone]) {
      const response = await me(t, headers);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'revoked' });
    }
    expect((await me(t, await signIn(t, 'official.hotich'))).status).toBe(200);
  });

  it('ends the sessions opened with the old password when the user changes it', async () => {
    // given a session a thief opened with the official's password
    const t = await createTestApp();
    const thief = await signIn(t, 'official.hotich');
    const official = await signIn(t, 'official.hotich');
    // when the official changes the password
    const change = await t.app.request('/api/auth/password', json('POST', { currentPassword: 'official.hotich', newPassword: 'sông Hồng mùa lũ 2025' }, official));
    // then the thief's session is over, and the new password opens a new one
    expect(change.status).toBe(204);
    expect((await me(t, thief)).status).toBe(401);
    expect((await me(t, await signIn(t, 'official.hotich', 'sông Hồng mùa lũ 2025'))).status).toBe(200);
  });

  it('ends the sessions of a user whom an administrator disables or gives a new password, and keeps them on other changes', async () => {
    // given sessions of two officials
    const t = await createTestApp();
    const admin = await signIn(t, 'admin');
    const leaver = await signIn(t, 'official.hotich');
    const forgetful = await signIn(t, 'official.motcua');
    const moved = await signIn(t, 'official.congan');
    // when the administrator disables one, sets another's password and changes the third one's phone
    const disable = await t.app.request('/api/users/u-official-hotich', json('PATCH', { disabled: true }, admin));
    const reset = await t.app.request('/api/users/u-official-motcua', json('PATCH', { password: 'tạm thời đổi ngay 01' }, admin));
    const phone = await t.app.request('/api/users/u-official-congan', json('PATCH', { phone: '0900000000' }, admin));
    // then the first two sessions are over and the third goes on
    expect([disable.status, reset.status, phone.status]).toEqual([200, 200, 200]);
    expect((await me(t, leaver)).status).toBe(401);
    expect((await me(t, forgetful)).status).toBe(401);
    expect((await me(t, moved)).status).toBe(200);
  });

  it('refuses a revoked token on the event stream too, where it travels as ?access_token=', async () => {
    // given a session used for the live heatmap, then signed out
    const t = await createTestApp();
    const headers = await signIn(t, 'supervisor');
    const token = headers.authorization!.slice('Bearer '.length);
    await t.app.request('/api/auth/sign-out', { method: 'POST', headers });
    // when the browser opens the event stream with it
    const response = await t.app.request(`/api/events?procedureKey=any&access_token=${token}`);
    // then
    expect(response.status).toBe(401);
  });
});
