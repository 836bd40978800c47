/**
 * @module crash-harness — several real server processes (`server/src/main.ts`) on one database, killed with SIGKILL
 * and restarted while a client drives dossiers through them. The database is one emulator replica set started through
 * mongodb-memory-server, as the product starts it; the processes share `SESSION_SECRET` so one sign-in works on all.
 * The client spreads requests over the live processes and, when a process dies under a request, sends it again
 * with the same `Idempotency-Key` to another one. Every child is killed at the end, on failure too (`stop()` and a
 * process `exit` handler). The processes may serve several provinces (`PROVINCES`); `seedProvinces` gives each its
 * agencies and officials (`castOf`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MongoMemoryReplSet } from 'mongodb-memory-server';
import { EMULATOR_VERSION, emulatorBinaryPath } from '../../../mongo-emulator/src/index';
import type { AgencyRecord } from '../../../server/src/access/agency-store';
import { createPasswordHashing } from '../../../server/src/access/password-hashing';
import type { UserRecord } from '../../../server/src/access/user-record';
import { connectMongoose } from '../../../server/src/persistence/mongo/connect-mongoose';
import { createMongoAccessStores } from '../../../server/src/persistence/mongo/create-mongo-access-stores';
import { inProvince, setHomeProvince } from '../../../server/src/tenancy/province-scope';

export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released for the child to take). */
export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
  });
}

export interface Database {
  uri: string;
  stop(): Promise<void>;
}

/**
 * One emulator replica set (transactions need a replica set), the database every process of the test shares.
 * A process killed inside a transaction leaves it open, holding its documents (the day's dossier counter among
 * them) until mongod's `transactionLifetimeLimitSeconds` (60 by default) aborts it; `transactionLifetimeS` sets that
 * limit. `systemBinary` replaces the emulator's launcher, e.g. with one that profiles it.
 */
export async function startSharedDatabase(options: { transactionLifetimeS?: number; systemBinary?: string } = {}): Promise<Database> {
  const args = options.transactionLifetimeS ? ['--setParameter', `transactionLifetimeLimitSeconds=${options.transactionLifetimeS}`] : [];
  const replSet = await MongoMemoryReplSet.create({
    binary: { systemBinary: options.systemBinary ?? emulatorBinaryPath(), version: EMULATOR_VERSION },
    replSet: { count: 1, storageEngine: 'wiredTiger', args },
  });
  return { uri: replSet.getUri(), stop: () => replSet.stop({ doCleanup: true, force: true }).then(() => undefined) };
}

export interface ClusterOptions {
  processes: number;
  /** Environment of every process on top of the defaults below (MONGODB_URI, SESSION_SECRET, intervals …). */
  env: Record<string, string>;
  /** How long a (re)started process may take to answer `/health`; 90 s by default. */
  startTimeoutMs?: number;
  /** Extra node flags before the entry, e.g. `--cpu-prof` to see where a process spends its time. */
  nodeArgs?: string[];
}

interface Member {
  index: number;
  port: number;
  child?: ChildProcess;
  ready: boolean;
  /** Bumped on every start, so a readiness probe of an earlier life does not mark a later one ready. */
  life: number;
  stderrTail: string[];
}

const living = new Set<ChildProcess>();
let exitHookInstalled = false;
function killAllOnExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort when the test runner exits without calling stop(): no server process outlives the test.
  const killAll = () => {
    for (const child of living) child.kill('SIGKILL');
  };
  process.on('exit', killAll);
  // A runner stopped by a signal does not run 'exit' handlers: kill the servers, then die of the same signal.
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    process.once(signal, () => {
      killAll();
      process.kill(process.pid, signal);
    });
  }
}

/** N server processes on distinct ports of 127.0.0.1, started, SIGKILLed and restarted on demand. */
export class ServerCluster {
  private readonly members: Member[] = [];
  private readonly startTimeoutMs: number;
  kills = 0;
  restarts = 0;
  private stopped = false;

  private constructor(private readonly options: ClusterOptions) {
    this.startTimeoutMs = options.startTimeoutMs ?? 90_000;
  }

  static async start(options: ClusterOptions): Promise<ServerCluster> {
    killAllOnExit();
    const cluster = new ServerCluster(options);
    for (let index = 0; index < options.processes; index += 1) {
      cluster.members.push({ index, port: await freePort(), ready: false, life: 0, stderrTail: [] });
    }
    // One at a time: the first seeds the procedure library and the demo users, the others find them seeded.
    for (const member of cluster.members) await cluster.launch(member);
    return cluster;
  }

  /** Base URLs of the processes that answer now. */
  liveBases(): string[] {
    return this.members.filter((m) => m.ready).map((m) => `http://127.0.0.1:${m.port}`);
  }

  /** Indexes of the processes that answer now. */
  liveIndexes(): number[] {
    return this.members.filter((m) => m.ready).map((m) => m.index);
  }

  allBases(): string[] {
    return this.members.map((m) => `http://127.0.0.1:${m.port}`);
  }

  pids(): number[] {
    return this.members.flatMap((m) => (m.child?.pid ? [m.child.pid] : []));
  }

  /** SIGKILLs process `index` (no shutdown hook runs) and starts it again on the same port; resolves when it serves. */
  async killAndRestart(index: number): Promise<void> {
    const member = this.members[index];
    if (!member?.child || this.stopped) return;
    member.ready = false;
    const child = member.child;
    const exited = new Promise<void>((done) => (child.exitCode !== null || child.signalCode !== null ? done() : child.once('exit', () => done())));
    child.kill('SIGKILL');
    this.kills += 1;
    await exited;
    if (this.stopped) return;
    await this.launch(member);
    this.restarts += 1;
  }

  /**
   * Kills every process and waits for them to exit: SIGKILL by default (the test does not need their clean shutdown),
   * SIGTERM for a clean shutdown (a process started with `--cpu-prof` writes its profile only then).
   */
  async stop(signal: 'SIGKILL' | 'SIGTERM' = 'SIGKILL'): Promise<void> {
    this.stopped = true;
    await Promise.all(
      this.members.map(async (member) => {
        member.ready = false;
        const child = member.child;
        if (!child || child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise<void>((done) => child.once('exit', () => done()));
        child.kill(signal);
        await Promise.race([exited, sleep(signal === 'SIGKILL' ? 5_000 : 30_000)]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }),
    );
  }

  /** The last lines a process wrote to stderr (for failure messages). */
  stderrOf(index: number): string {
    return this.members[index]?.stderrTail.join('') ?? '';
  }

  private async launch(member: Member): Promise<void> {
    member.life += 1;
    const life = member.life;
    const child = spawn(process.execPath, [...(this.options.nodeArgs ?? []), '--import', 'tsx', 'server/src/main.ts'], {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        HOST: '127.0.0.1',
        PORT: String(member.port),
        LOG_LEVEL: 'error',
        ...this.options.env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    living.add(child);
    member.child = child;
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      member.stderrTail.push(chunk);
      if (member.stderrTail.length > 20) member.stderrTail.shift();
    });
    child.once('exit', () => {
      living.delete(child);
      if (member.life === life) member.ready = false;
    });
    const deadline = Date.now() + this.startTimeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`server ${member.index} exited while starting (code ${child.exitCode}, signal ${child.signalCode}): ${this.stderrOf(member.index)}`);
      }
      try {
        const answer = await fetch(`http://127.0.0.1:${member.port}/health`, { signal: AbortSignal.timeout(2_000) });
        if (answer.ok && member.life === life) {
          member.ready = true;
          return;
        }
      } catch {
        // not listening yet
      }
      await sleep(200);
    }
    throw new Error(`server ${member.index} did not answer /health within ${this.startTimeoutMs} ms: ${this.stderrOf(member.index)}`);
  }
}

export interface CallAnswer<T = unknown> {
  status: number;
  body: T;
  trace: CallTrace;
}

/** How one call went: what it waited for before its answer (bench/crash-recovery-bench.ts reads it per kill). */
export interface CallTrace {
  attempts: number;
  /** Time spent retrying while the key was locked by an earlier attempt (409 IDEMPOTENCY_IN_PROGRESS). */
  lockWaitMs: number;
  /** Time the answered attempt spent in the server (a write conflict with a dead transaction shows here). */
  lastAttemptMs: number;
}

export interface ClientStats {
  requests: number;
  /** Requests sent again after the process died under them (connection refused or reset). */
  resentAfterConnectionError: number;
  /** Retries while the first attempt of a key still held it (its process died mid-request). */
  waitedForIdempotencyLock: number;
  /** Answers replayed from the idempotency store (`Idempotent-Replayed: true`). */
  replayed: number;
  concurrentChangeRetries: number;
  serverErrorRetries: number;
}

export interface ClientOptions {
  cluster: ServerCluster;
  /** How long one call may keep retrying before it fails the test. */
  callTimeoutMs?: number;
  /** Requests on the wire at once, over all callers; a call waiting for a locked key or a retry does not hold a place. */
  maxInFlight?: number;
}

/** At most `size` holders at once; the others queue in order. */
class Semaphore {
  private held = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly size: number) {}
  async acquire(): Promise<void> {
    if (this.held < this.size) {
      this.held += 1;
      return;
    }
    await new Promise<void>((done) => this.waiting.push(done));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.held -= 1;
  }
}

/**
 * Spreads calls round-robin over the live processes. A mutation carries an `Idempotency-Key`; when its process dies
 * (the connection fails) or it answers 5xx, the same request with the same key goes to another process; a 409
 * `IDEMPOTENCY_IN_PROGRESS` (the first attempt's process died holding the key) is retried until the lock lapses.
 */
export class CrashClient {
  readonly stats: ClientStats = { requests: 0, resentAfterConnectionError: 0, waitedForIdempotencyLock: 0, replayed: 0, concurrentChangeRetries: 0, serverErrorRetries: 0 };
  private readonly tokens = new Map<string, string>();
  private next = 0;
  private readonly callTimeoutMs: number;
  private readonly wire: Semaphore;

  constructor(private readonly options: ClientOptions) {
    this.callTimeoutMs = options.callTimeoutMs ?? 60_000;
    this.wire = new Semaphore(options.maxInFlight ?? 16);
  }

  async signIn(username: string): Promise<void> {
    const answer = await this.call<{ token: string }>(undefined, 'POST', '/api/auth/sign-in', { username, password: username });
    if (answer.status !== 200) throw new Error(`sign-in of ${username}: ${answer.status} ${JSON.stringify(answer.body)}`);
    this.tokens.set(username, answer.body.token);
  }

  async call<T = unknown>(user: string | undefined, method: string, path: string, body?: unknown, idempotencyKey?: string): Promise<CallAnswer<T>> {
    const deadline = Date.now() + this.callTimeoutMs;
    let lastProblem = '';
    const trace: CallTrace = { attempts: 0, lockWaitMs: 0, lastAttemptMs: 0 };
    let lockedSince: number | undefined;
    for (let attempt = 1; Date.now() < deadline; attempt += 1) {
      trace.attempts = attempt;
      const bases = this.options.cluster.liveBases();
      if (bases.length === 0) {
        await sleep(100);
        continue;
      }
      const base = bases[this.next++ % bases.length]!;
      const headers: Record<string, string> = {};
      if (user) headers.authorization = `Bearer ${this.tokens.get(user) ?? 'not-signed-in'}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
      this.stats.requests += 1;
      let response: Response;
      let text: string;
      await this.wire.acquire();
      const sentAt = Date.now();
      try {
        response = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(60_000) });
        text = await response.text();
      } catch (error) {
        this.stats.resentAfterConnectionError += 1;
        lastProblem = `${base}: ${(error as Error).message} ${String((error as { cause?: { code?: string } }).cause?.code ?? '')}`;
        await sleep(Math.min(50 * attempt, 500));
        continue;
      } finally {
        this.wire.release();
      }
      trace.lastAttemptMs = Date.now() - sentAt;
      const parsed = text && (response.headers.get('content-type') ?? '').includes('json') ? (JSON.parse(text) as T) : (text as T);
      const code = (parsed as { code?: string } | undefined)?.code;
      if (lockedSince !== undefined) {
        trace.lockWaitMs += sentAt - lockedSince;
        lockedSince = undefined;
      }
      if (response.status === 409 && code === 'IDEMPOTENCY_IN_PROGRESS') {
        lockedSince = sentAt;
        this.stats.waitedForIdempotencyLock += 1;
        lastProblem = 'idempotency key still locked';
        await sleep(250);
        continue;
      }
      if (response.status === 409 && code === 'CONCURRENT_CHANGE') {
        this.stats.concurrentChangeRetries += 1;
        lastProblem = 'concurrent change';
        await sleep(20 * attempt);
        continue;
      }
      if (response.status >= 500) {
        this.stats.serverErrorRetries += 1;
        lastProblem = `${response.status} ${text.slice(0, 300)}`;
        await sleep(Math.min(50 * attempt, 500));
        continue;
      }
      if (response.headers.get('idempotent-replayed') === 'true') this.stats.replayed += 1;
      return { status: response.status, body: parsed, trace };
    }
    throw new Error(`${method} ${path} did not get an answer within ${this.callTimeoutMs} ms; last: ${lastProblem}`);
  }
}

/** Runs `work` over `items` with at most `concurrency` at once. */
export async function inPool<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/**
 * Who works in one province of the test: its analyst and the officials of the crash procedure's three lanes, and the
 * agencies they work for. Agency identifiers are national (they number dossier codes and the day's counters) and a
 * user name is unique in the whole deployment (sign-in comes before the province is known), so each carries the
 * province's code.
 */
export interface ProvinceCast {
  provinceCode: string;
  analyst: string;
  counter: string;
  finance: string;
  construction: string;
  /** The crash procedure's agency ids (`ttpvhcc`, `so-tai-chinh`, `so-xay-dung`) as this province names them. */
  agencyIdOf(demoId: string): string;
  agencies: AgencyRecord[];
  users: Omit<UserRecord, 'passwordHash'>[];
}

export function castOf(provinceCode: string): ProvinceCast {
  const agencyIdOf = (demoId: string) => `${demoId}-${provinceCode}`;
  const province = agencyIdOf('tinh');
  const agency = (id: string, name: string, kind: AgencyRecord['kind'], department: { id: string; name: string }): AgencyRecord => ({
    id: agencyIdOf(id),
    name: `${name} (tỉnh ${provinceCode})`,
    provinceCode,
    parentId: province,
    kind,
    departments: [department],
  });
  const user = (name: string, role: UserRecord['role'], agencyId: string, departmentId?: string): Omit<UserRecord, 'passwordHash'> => ({
    id: `u-${name.replace('.', '-')}-${provinceCode}`,
    username: `${name}.${provinceCode}`,
    displayName: `${name} ${provinceCode}`,
    provinceCode,
    role,
    agencyId,
    ...(departmentId ? { departmentId } : {}),
  });
  return {
    provinceCode,
    analyst: `analyst.${provinceCode}`,
    counter: `official.motcua.${provinceCode}`,
    finance: `official.dkkd.${provinceCode}`,
    construction: `official.xaydung.${provinceCode}`,
    agencyIdOf,
    agencies: [
      { id: province, name: `Ủy ban nhân dân tỉnh ${provinceCode}`, provinceCode, kind: 'province', departments: [] },
      agency('ttpvhcc', 'Trung tâm Phục vụ hành chính công', 'oneStopCentre', { id: 'quay-mot-cua', name: 'Bộ phận Một cửa' }),
      agency('so-tai-chinh', 'Sở Tài chính', 'department', { id: 'phong-dkkd', name: 'Phòng Đăng ký kinh doanh' }),
      agency('so-xay-dung', 'Sở Xây dựng', 'department', { id: 'phong-quy-hoach', name: 'Phòng Quy hoạch - Kiến trúc' }),
    ],
    users: [
      user('analyst', 'analyst', province),
      user('official.motcua', 'official', agencyIdOf('ttpvhcc'), 'quay-mot-cua'),
      user('official.dkkd', 'official', agencyIdOf('so-tai-chinh'), 'phong-dkkd'),
      user('official.xaydung', 'official', agencyIdOf('so-xay-dung'), 'phong-quy-hoach'),
      // A unit a step is routed to needs a head to escalate to, or the procedure is refused at deployment.
      user('head.motcua', 'headOfUnit', agencyIdOf('ttpvhcc'), 'quay-mot-cua'),
      user('head.dkkd', 'headOfUnit', agencyIdOf('so-tai-chinh'), 'phong-dkkd'),
      user('head.xaydung', 'headOfUnit', agencyIdOf('so-xay-dung'), 'phong-quy-hoach'),
    ],
  };
}

/**
 * Puts each province's agencies and users (password = user name) into the database through the product's stores,
 * each inside its province, as that province's administrator would create them. This process gets no home province,
 * as the servers of a national deployment, so a store call outside a province fails here too.
 */
export async function seedProvinces(uri: string, dbName: string, casts: readonly ProvinceCast[]): Promise<void> {
  setHomeProvince(undefined);
  const connection = await connectMongoose(uri, { dbName });
  try {
    const access = await createMongoAccessStores(connection);
    const passwords = createPasswordHashing();
    for (const cast of casts) {
      await inProvince(cast.provinceCode, async () => {
        for (const agency of cast.agencies) await access.agencies.put(agency);
        for (const user of cast.users) {
          if (!(await access.users.get(user.id))) await access.users.create({ ...user, passwordHash: await passwords.hashPassword(user.username) });
        }
      });
    }
  } finally {
    await connection.close();
  }
}
