/**
 * The server process refuses a dangerous configuration before it opens a database: these runs of `server/src/main.ts`
 * end within seconds, with a message saying what to set.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decideDemoSeeding } from '../../../server/src/access/decide-demo-seeding';
import { parseSessionSecret } from '../../../server/src/access/parse-session-secret';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * Runs main.ts with `env` (and no inherited database or secret) until it exits, or kills it after 90 s: a refusal comes
 * before any database is opened, but loading the server's modules alone can take tens of seconds on a loaded machine.
 */
function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const { MONGODB_URI: _uri, SESSION_SECRET: _secret, SEED_DEMO: _seed, NODE_ENV: _node, ...inherited } = process.env;
  const child = spawn(`${ROOT}node_modules/.bin/tsx`, ['server/src/main.ts'], { cwd: ROOT, env: { ...inherited, PORT: '0', LOG_LEVEL: 'error', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
  return new Promise((done) => child.on('exit', (code) => (clearTimeout(timer), done({ code, stderr }))));
}

describe('start-up refusals', () => {
  it('refuses to start in production without SESSION_SECRET, or with a short or published one, saying how to make one', { timeout: 120_000 }, async () => {
    // when
    const [missing, short, published] = await Promise.all([
      start({ NODE_ENV: 'production' }),
      start({ NODE_ENV: 'production', SESSION_SECRET: 'short-secret' }),
      start({ NODE_ENV: 'production', SESSION_SECRET: 'test-secret-test-secret-test-secret-0123' }),
    ]);
    // then
    for (const run of [missing, short, published]) {
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('Liên thông cannot start');
      expect(run.stderr).toContain('openssl rand -base64 48');
    }
    expect(missing.stderr).toContain('NODE_ENV=production needs SESSION_SECRET');
    expect(short.stderr).toContain('at least 32 are needed');
    expect(published.stderr).toContain('published or placeholder');
  });

  it('refuses a SEED_DEMO that is neither 1 nor 0, so that a typo never seeds demo accounts by surprise', { timeout: 120_000 }, async () => {
    // when
    const run = await start({ SEED_DEMO: 'yes' });
    // then
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('SEED_DEMO must be 1 or 0');
  });
});

describe('the session secret', () => {
  it('accepts a long random secret in production, and outside production uses a random one (with a warning) when none is set', () => {
    // given
    const strong = 'q7Vd9sK2pL4xW8zN1cR6tY3bH5mJ0fGa';
    // when
    const production = parseSessionSecret({ secret: strong, production: true });
    const development = parseSessionSecret({ production: false });
    // then
    expect(production).toEqual({ secret: strong });
    expect(development.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(development.warning).toContain('sessions end when the process restarts');
  });

  it('refuses a secret of few distinct characters in production, however long', () => {
    expect(() => parseSessionSecret({ secret: 'ab'.repeat(32), production: true })).toThrow('fewer than 10 distinct characters');
  });
});

describe('whether demo users are seeded', () => {
  it.each([
    { seedDemo: undefined, externalDatabase: false, production: false, seeded: true, why: 'the embedded database of a developer' },
    { seedDemo: '0', externalDatabase: false, production: false, seeded: false, why: 'SEED_DEMO=0 on the embedded database' },
    { seedDemo: undefined, externalDatabase: true, production: false, seeded: false, why: 'a database of record (MONGODB_URI)' },
    { seedDemo: undefined, externalDatabase: false, production: true, seeded: false, why: 'NODE_ENV=production' },
    { seedDemo: '1', externalDatabase: true, production: true, seeded: true, why: 'SEED_DEMO=1 asks for it anywhere (tests, a demo server)' },
  ])('seeds them: $seeded, for $why', ({ seedDemo, externalDatabase, production, seeded }) => {
    expect(decideDemoSeeding({ seedDemo, externalDatabase, production })).toBe(seeded);
  });
});
