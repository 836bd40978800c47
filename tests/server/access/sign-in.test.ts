import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../server/src/logger';
import { aUser, createAccessTestApp, postJson } from './access-test-app';

const official = aUser({ id: 'u1', username: 'official.hotich', displayName: 'Vũ Thị Hộ Tịch', email: 'hotich@xa.gov.vn' });
const disabled = aUser({ id: 'u2', username: 'former.official', disabled: true });

describe('POST /api/auth/sign-in', () => {
  it('answers a token, its expiry and the user without the password hash for the right password', async () => {
    // given
    const { app } = await createAccessTestApp({ users: [official] });
    // when
    const response = await app.request('/api/auth/sign-in', postJson({ username: 'official.hotich', password: 'official.hotich' }));
    // then
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(body.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(body.expiresAt).toBe('2025-05-15T09:30:00.000Z'); // eight hours after 08:30 UTC+7
    expect(body.user).toEqual({ id: 'u1', username: 'official.hotich', displayName: 'Vũ Thị Hộ Tịch', provinceCode: '00', role: 'official', agencyId: 'ubnd-xa-demo', email: 'hotich@xa.gov.vn' });
  });

  it('lets the token read the signed-in user at GET /api/auth/me', async () => {
    // given
    const { app } = await createAccessTestApp({ users: [official] });
    const signIn = await app.request('/api/auth/sign-in', postJson({ username: 'official.hotich', password: 'official.hotich' }));
    const { token } = await signIn.json();
    // when
    const me = await app.request('/api/auth/me', { headers: { authorization: `Bearer ${token}` } });
    // then
    expect(me.status).toBe(200);
    expect((await me.json()).user).toMatchObject({ id: 'u1', username: 'official.hotich' });
  });

  it('answers the same 401 INVALID_CREDENTIALS for a wrong password, an unknown user and a disabled account', async () => {
    // given
    const { app } = await createAccessTestApp({ users: [official, disabled] });
    // when
    const answers = await Promise.all([
      app.request('/api/auth/sign-in', postJson({ username: 'official.hotich', password: 'wrong' })),
      app.request('/api/auth/sign-in', postJson({ username: 'nobody', password: 'nobody' })),
      app.request('/api/auth/sign-in', postJson({ username: 'former.official', password: 'former.official' })),
    ]);
    // then
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(await answer.json()).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS', detail: 'The username or password is wrong.' });
    }
  });

  it('refuses the sixth attempt in 15 minutes with 429 and Retry-After, and accepts again once the window has passed', async () => {
    // given five wrong attempts
    const { app, clock } = await createAccessTestApp({ users: [official] });
    for (let i = 0; i < 5; i += 1) {
      expect((await app.request('/api/auth/sign-in', postJson({ username: 'official.hotich', password: `guess-${i}` }))).status).toBe(401);
    }
    clock.advance(60_000);
    // when
    const limited = await app.request('/api/auth/sign-in', postJson({ username: 'official.hotich', password: 'official.hotich' }));
    const otherUser = await app.request('/api/auth/sign-in', postJson({ username: 'someone.else', password: 'x' }));
    clock.advance(14 * 60_000);
    const later = await app.request('/api/auth/sign-in', postJson({ username: 'official.hotich', password: 'official.hotich' }));
    // then
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('840');
    expect(await limited.json()).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 840 });
    expect(otherUser.status).toBe(401);
    expect(later.status).toBe(200);
  });

  it('answers 400 VALIDATION_FAILED naming every missing field', async () => {
    // given
    const { app } = await createAccessTestApp();
    // when
    const response = await app.request('/api/auth/sign-in', postJson({ username: '' }));
    // then
    expect(response.status).toBe(400);
    const problem = await response.json();
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.issues.map((issue: { in: string; path: string }) => `${issue.in}:${issue.path}`).sort()).toEqual(['body:password', 'body:username']);
  });

  it('never writes the password into the log, whether sign-in succeeds or fails', async () => {
    // given
    const lines: string[] = [];
    const destination = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    const logger = createLogger({ level: 'debug', destination });
    const { app } = await createAccessTestApp({ users: [official], logger });
    // when
    await app.request('/api/auth/sign-in', postJson({ username: 'official.hotich', password: 'Secret-Wrong-Guess' }));
    await app.request('/api/auth/sign-in', postJson({ username: 'official.hotich', password: 'official.hotich' }));
    // then
    const log = lines.join('');
    expect(log).toContain('sign-in refused');
    expect(log).toContain('signed in');
    expect(log).not.toContain('Secret-Wrong-Guess');
    expect(log).not.toMatch(/"password"/);
  });
});

describe('POST /api/auth/password', () => {
  it('changes the own password when the current one is right, so only the new one signs in', async () => {
    // given
    const { app, bearer } = await createAccessTestApp({ users: [official] });
    const headers = await bearer('official.hotich');
    // when
    const wrong = await app.request('/api/auth/password', postJson({ currentPassword: 'guess', newPassword: 'một mật khẩu mới' }, headers));
    const changed = await app.request('/api/auth/password', postJson({ currentPassword: 'official.hotich', newPassword: 'một mật khẩu mới' }, headers));
    const withOld = await app.request('/api/auth/sign-in', postJson({ username: 'official.hotich', password: 'official.hotich' }));
    const withNew = await app.request('/api/auth/sign-in', postJson({ username: 'official.hotich', password: 'một mật khẩu mới' }));
    // then
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(changed.status).toBe(204);
    expect(withOld.status).toBe(401);
    expect(withNew.status).toBe(200);
  });

  it('refuses a new password under 12 characters, equal to the username or common with 422 PASSWORD_TOO_WEAK and Vietnamese messages', async () => {
    // given
    const { app, bearer } = await createAccessTestApp({ users: [official] });
    const headers = await bearer('official.hotich');
    const change = (newPassword: string) => app.request('/api/auth/password', postJson({ currentPassword: 'official.hotich', newPassword }, headers));
    // when
    const short = await change('ngắn quá');
    const username = await change('Official.Hotich');
    const common = await change('Mật khẩu 12345');
    // then
    for (const [response, fault, message] of [
      [short, 'PASSWORD_TOO_SHORT', 'Mật khẩu phải có ít nhất 12 ký tự.'],
      [username, 'PASSWORD_IS_USERNAME', 'Mật khẩu không được trùng với tên đăng nhập.'],
      [common, 'PASSWORD_TOO_COMMON', 'Mật khẩu này quá phổ biến, dễ bị đoán; hãy chọn mật khẩu khác.'],
    ] as const) {
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({ code: 'PASSWORD_TOO_WEAK', faults: [fault], messages: [message], detail: message });
    }
    expect((await app.request('/api/auth/sign-in', postJson({ username: 'official.hotich', password: 'official.hotich' }))).status).toBe(200);
  });
});
