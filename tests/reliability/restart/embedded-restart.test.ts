/**
 * Issue 14, item 4: on a machine without a real mongod, `npm start`'s embedded database (the emulator) keeps what it
 * acknowledged across a SIGKILL of the server. The real server process is started on a temporary DATA_DIR, used
 * through the API, killed with SIGKILL and started again on the same folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const REPO_ROOT = resolve(import.meta.dirname, '../../..');
const dataDir = mkdtempSync(join(tmpdir(), 'lien-thong-restart-'));
const living = new Set<ChildProcess>();
let port = 0;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port: free } = server.address() as net.AddressInfo;
  await new Promise((done) => server.close(done));
  return free;
}

/** `node --import tsx server/src/main.ts` on `dataDir`, resolved once `/health` answers 200 (with its body). */
async function startServer(): Promise<{ child: ChildProcess; health: Record<string, unknown> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    // No MONGOMS_SYSTEM_BINARY or MONGODB_URI: the embedded default. The real-mongod search is switched off so the
    // test means the same on a machine that could download one.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, SEED_DEMO: '1', SESSION_SECRET: 'restart-test-secret-restart-test-secret', LOG_LEVEL: 'error', MONGOMS_RUNTIME_DOWNLOAD: '0' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  living.add(child);
  child.once('exit', () => living.delete(child));
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4_000)));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited while starting (${child.exitCode}): ${stderr}`);
    const answer = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2_000) }).catch(() => undefined);
    if (answer?.ok) return { child, health: (await answer.json()) as Record<string, unknown> };
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`no /health within 90 s: ${stderr}`);
}

async function killHard(child: ChildProcess): Promise<void> {
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGKILL');
  await exited;
}

async function call<T>(token: string | undefined, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

async function signIn(username: string, password = username): Promise<string> {
  const answer = await call<{ token: string }>(undefined, 'POST', '/api/auth/sign-in', { username, password });
  if (answer.status !== 200) throw new Error(`sign-in of ${username}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.token;
}

const receive = (token: string, i: number) =>
  call<{ id: string; dossierCode: string }>(token, 'POST', '/api/dossiers', {
    procedureKey: 'restart-test-procedure',
    applicant: { name: `Người nộp ${i}`, idNumber: `RESTART${String(i).padStart(5, '0')}` },
    documents: [{ name: 'Tờ khai', copyType: 'original', quantity: 1 }],
  });

afterAll(async () => {
  for (const child of living) child.kill('SIGKILL');
  // mongodb-memory-server's watchdog stops the emulator of a killed server within about 2 s.
  await new Promise((done) => setTimeout(done, 2_500));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the embedded database across a SIGKILL of the server', () => {
  it('keeps every acknowledged dossier, model, password change and daily counter, and the next dossier code is new', async () => {
    // given a server on the embedded default, used through the API
    port = await freePort();
    const first = await startServer();
    const official = await signIn('official.motcua');
    const analyst = await signIn('analyst');
    const xml = readFileSync(resolve(REPO_ROOT, 'tests/reliability/crash/crash-procedure.bpmn'), 'utf8');
    const deployed = await call(analyst, 'POST', '/api/procedures', { key: 'restart-test-procedure', xml });
    expect(deployed.status, JSON.stringify(deployed.body)).toBe(201);
    const before: { id: string; dossierCode: string }[] = [];
    for (let i = 0; i < 3; i += 1) {
      const answer = await receive(official, i);
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      before.push(answer.body);
    }
    const changed = await call(official, 'POST', '/api/auth/password', { currentPassword: 'official.motcua', newPassword: 'Mật khẩu mới đủ dài 2024!' });
    expect(changed.status, JSON.stringify(changed.body)).toBe(204);

    // when the server is killed outright and started again on the same data folder
    await killHard(first.child);
    const second = await startServer();

    // then
    expect(second.health.database).toMatchObject({ backend: 'emulator', durable: true });
    expect(await call(undefined, 'POST', '/api/auth/sign-in', { username: 'official.motcua', password: 'official.motcua' })).toMatchObject({ status: 401 });
    const official2 = await signIn('official.motcua', 'Mật khẩu mới đủ dài 2024!');
    for (const dossier of before) {
      const read = await call<{ dossierCode: string }>(official2, 'GET', `/api/dossiers/${dossier.id}`);
      expect(read.status).toBe(200);
      expect(read.body.dossierCode).toBe(dossier.dossierCode);
    }
    const versions = await call<{ version: number }[]>(await signIn('analyst'), 'GET', '/api/procedures/restart-test-procedure/versions');
    expect(versions.status).toBe(200);
    expect(versions.body.map((v) => v.version)).toEqual([1]);
    const next = await receive(official2, 3);
    expect(next.status, JSON.stringify(next.body)).toBe(201);
    expect(before.map((dossier) => dossier.dossierCode)).not.toContain(next.body.dossierCode);
    // The daily counter carried on: the new code's sequence follows the last one acknowledged before the kill.
    const sequenceOf = (code: string) => Number(code.split('-').at(-1));
    expect(sequenceOf(next.body.dossierCode)).toBe(Math.max(...before.map((dossier) => sequenceOf(dossier.dossierCode))) + 1);
    await killHard(second.child);
  }, 240_000);
});
