/**
 * No secrets in logs: sign-ins (good, bad, rate-limited), a password change, a deployment, forged and real bearer
 * headers and passwords in bodies all write log lines, and none of them holds a password, a session token or the
 * session secret. (The demo password equals the username, so the successful sign-in's password is not searched for.)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../server/src/logger';
import { createTestApp } from '../support/test-app';

const SESSION_SECRET = 'test-secret-test-secret-test-secret-0123';
const WRONG_PASSWORD = 'Sai-Mat-Khau-Bi-Mat-123!';
const UNKNOWN_USER_PASSWORD = 'Mat-Khau-Cua-Nguoi-La-456!';
const NEW_PASSWORD = 'Mat-Khau-Moi-Rat-Dai-789!';
const FORGED_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1LWFkbWluIn0.Gia-Mao-Chu-Ky-Bi-Mat';
const fixtureXml = readFileSync(fileURLToPath(new URL('../fixtures/server/two-agency-procedure.bpmn', import.meta.url)), 'utf8');

/** A pino destination that keeps every line. */
function logSink() {
  const lines: string[] = [];
  return { lines, stream: { write: (line: string) => void lines.push(line) } };
}

const json = (body: unknown, headers: Record<string, string> = {}) => ({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('logs', () => {
  it('given sign-ins, a rate limit, a password change, a deployment and forged tokens, no log line holds a password, a token or the session secret', async () => {
    // given
    const sink = logSink();
    const { app } = await createTestApp({ logDestination: sink.stream });
    // when
    const signedIn = await app.request('/api/auth/sign-in', json({ username: 'analyst', password: 'analyst' }));
    const token = ((await signedIn.json()) as { token: string }).token;
    const auth = { authorization: `Bearer ${token}` };
    await app.request('/api/auth/sign-in', json({ username: 'analyst', password: WRONG_PASSWORD }));
    await app.request('/api/auth/sign-in', json({ username: 'nguoi-la', password: UNKNOWN_USER_PASSWORD }));
    for (let attempt = 0; attempt < 12; attempt += 1) await app.request('/api/auth/sign-in', json({ username: 'head.motcua', password: `${WRONG_PASSWORD}${attempt}` }));
    await app.request('/api/auth/password', json({ currentPassword: WRONG_PASSWORD, newPassword: NEW_PASSWORD }, auth));
    await app.request('/api/auth/password', json({ currentPassword: 'analyst', newPassword: NEW_PASSWORD }, auth));
    await app.request('/api/procedures', json({ key: 'thu-lien-thong', xml: fixtureXml }, auth));
    await app.request('/api/auth/me', { headers: { authorization: `Bearer ${FORGED_TOKEN}`, cookie: `session=${FORGED_TOKEN}` } });
    await app.request('/api/users', json({ username: 'moi', password: NEW_PASSWORD, role: 'official' }, { authorization: `Bearer ${FORGED_TOKEN}` }));
    const events = await app.request(`/api/events?access_token=${FORGED_TOKEN}`);
    await events.body?.cancel();
    const liveEvents = await app.request(`/api/events?access_token=${token}`);
    await liveEvents.body?.cancel();
    // then
    const text = sink.lines.join('');
    expect(sink.lines.length).toBeGreaterThan(10);
    expect(text).toContain('sign-in refused');
    expect(text).toContain('sign-in rate-limited');
    expect(text).toContain('password changed');
    for (const secret of [WRONG_PASSWORD, UNKNOWN_USER_PASSWORD, NEW_PASSWORD, token, token.split('.')[2]!, FORGED_TOKEN, SESSION_SECRET, 'Bearer ']) {
      expect(text, `a log line holds ${secret.slice(0, 20)}…`).not.toContain(secret);
    }
  });

  it('given an object with a password, a token, an authorization header or a cookie one level down, the logger redacts them', () => {
    // given
    const sink = logSink();
    const logger = createLogger({ level: 'info', destination: sink.stream });
    // when
    logger.info({ password: WRONG_PASSWORD, token: FORGED_TOKEN, authorization: `Bearer ${FORGED_TOKEN}` }, 'top level');
    logger.info({ body: { password: WRONG_PASSWORD, token: FORGED_TOKEN }, headers: { authorization: `Bearer ${FORGED_TOKEN}` } }, 'one level down');
    logger.info({ req: { headers: { authorization: `Bearer ${FORGED_TOKEN}`, cookie: `session=${FORGED_TOKEN}` } } }, 'request headers');
    // then
    const text = sink.lines.join('');
    expect(sink.lines).toHaveLength(3);
    expect(text).not.toContain(WRONG_PASSWORD);
    expect(text).not.toContain(FORGED_TOKEN);
    expect(text).toContain('[redacted]');
  });
});
