import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../../server/src/access/demo-users';
import { createTestApp } from '../../support/test-app';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

const signIn = (t: TestApp, username: string, password: string) =>
  t.app.request('/api/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });

/** The app with its log lines collected, as parsed pino records. */
async function appWithLog(): Promise<{ t: TestApp; lines: () => { msg: string; [field: string]: unknown }[] }> {
  const written: string[] = [];
  const destination = new Writable({ write: (chunk, _encoding, done) => (written.push(String(chunk)), done()) });
  const t = await createTestApp({ logDestination: destination, logLevel: 'info' });
  return { t, lines: () => written.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line)) };
}

describe('sign-in limits against password spraying', () => {
  it('refuses a client address after 30 failed sign-ins across different usernames, while another address still signs in', { timeout: 60_000 }, async () => {
    // given one address trying one common password on 30 different accounts (each account fails only once)
    const { t } = await appWithLog();
    const usernames = [...DEMO_USERS.map((user) => user.username), 'nobody.1', 'nobody.2', 'nobody.3', 'nobody.4'].slice(0, 30);
    for (const username of usernames) expect((await signIn(t, username, 'Matkhau@2025')).status).toBe(401);
    // when the same address tries the 31st account, even with its right password
    const sprayed = await signIn(t, 'supervisor.xa', 'supervisor.xa');
    // then it is refused with 429 until the 15-minute window ends, and then signs in again
    expect(sprayed.status).toBe(429);
    expect(await sprayed.json()).toMatchObject({ code: 'RATE_LIMITED' });
    t.clock.advance(15 * 60_000);
    expect((await signIn(t, 'supervisor.xa', 'supervisor.xa')).status).toBe(200);
  });

  it('logs a refused burst once when it starts and once, summarised, after its window, not once per attempt', { timeout: 60_000 }, async () => {
    // given an address that used up its failed sign-ins
    const { t, lines } = await appWithLog();
    for (let i = 0; i < 30; i += 1) await signIn(t, `guess.${i}`, 'Matkhau@2025');
    // when it keeps trying 50 more times, and comes back after the window
    for (let i = 0; i < 50; i += 1) expect((await signIn(t, `more.${i}`, 'Matkhau@2025')).status).toBe(429);
    const duringBurst = lines().filter((line) => line.msg.startsWith('sign-in rate'));
    t.clock.advance(15 * 60_000);
    await signIn(t, 'admin', 'admin');
    // then one line opened the burst and one summarised its 50 refusals
    expect(duringBurst).toHaveLength(1);
    expect(duringBurst[0]).toMatchObject({ msg: 'sign-in rate-limited', scope: 'address', failures: 30 });
    const summaries = lines().filter((line) => line.msg === 'sign-in rate limit burst ended');
    expect(summaries).toHaveLength(1);
    expect(summaries[0]).toMatchObject({ scope: 'address', refused: 50, failures: 30 });
  });

  it('still limits guessing one account: 10 failures for a username from an address, and a success does not clear the address count', { timeout: 60_000 }, async () => {
    // given ten wrong passwords for one account
    const { t } = await appWithLog();
    for (let i = 0; i < 10; i += 1) expect((await signIn(t, 'official.hotich', `guess-${i}`)).status).toBe(401);
    // when the account's own password is tried, and another account signs in from the same address
    const locked = await signIn(t, 'official.hotich', 'official.hotich');
    const other = await signIn(t, 'official.motcua', 'official.motcua');
    // then the account is refused for this address, and the other account's success leaves the address at 10 failures
    expect(locked.status).toBe(429);
    expect(other.status).toBe(200);
    for (let i = 0; i < 20; i += 1) expect((await signIn(t, `spray.${i}`, 'Matkhau@2025')).status).toBe(401);
    expect((await signIn(t, 'analyst', 'analyst')).status).toBe(429);
  });
});
