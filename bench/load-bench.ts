/**
 * Load test (reliability issue §3): autocannon against real server processes on 127.0.0.1, on one emulator
 * database, with the same workload on 1 and on 3 processes.
 *
 *   npm run bench:load                 20 s per phase, 9 connections in all
 *   npm run bench:load -- --duration 5 a quick run
 *   npm run bench:load -- --processes 1 --cpu-prof /tmp/prof
 *                                      1 process only; each server writes a V8 CPU profile there (stopped by SIGTERM)
 *
 * Phases: intake (`POST /api/dossiers`, a new applicant and Idempotency-Key per request), then step completion
 * (`POST /api/steps/{id}/complete` on the open counter steps intake made, each completed once). On 3 processes one
 * autocannon runs against each process in parallel (3 connections each) and the figures are summed (req/s) or taken
 * across them (p50: request-weighted mean, p99: the worst). Errors (connection errors, timeouts, non-2xx) must be 0
 * and are printed when not. RSS of each server process and of the database after each phase. On 1 process each
 * phase is printed beside its physical baseline on the same database in the same run: the same transactional writes
 * per command (documents per collection counted from what the phase wrote, copies of them inserted, and for a
 * completion the dossier re-read and replaced and a step updated), raw through the driver, 9 at a time: once with
 * each collection's writes one `insertMany`, once with all of them one `bulkWrite` across collections (MongoDB 8.0, as
 * the server sends a unit of work's writes; left out on an older database), and once as the request's own database
 * commands without the server (its reads, its Idempotency-Key's writes, the writes as one command: what the commands
 * cost apart from the server's work). Each phase also prints the CPU time per
 * request of the server processes, the database and the load generator, and per raw command the database's and the
 * raw loop's (from /proc): where the time goes. Writes bench/results/load.json. Never asserts timings.
 */
import autocannon, { type Result } from 'autocannon';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MongoClient, MongoClientBulkWriteError, MongoServerError, type AnyClientBulkWriteModel, type Document } from 'mongodb';
import { CrashClient, REPO_ROOT, ServerCluster, startSharedDatabase } from '../tests/reliability/crash/crash-harness';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const durationS = Number(option('--duration') ?? 20) || 20;
const topologies = option('--processes') ? [Number(option('--processes'))] : [1, 3];
/** Where the servers write their CPU profiles (`node --cpu-prof`), when given. */
const cpuProfileDir = option('--cpu-prof');
const TOTAL_CONNECTIONS = 9;
const PROCEDURE_KEY = 'load-test-procedure';

interface PhaseFigures {
  phase: 'intake' | 'complete';
  processes: number;
  connections: number;
  durationS: number;
  requests: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  rssMb: { servers: number[]; database: number | undefined };
  /** The database's own count (serverStatus) of the commands it ran and the transactions it settled, per request. */
  database?: DatabaseWork;
  /** CPU time per request over the phase: the server processes' (summed), the database's, the load generator's. */
  cpuMsPerRequest?: CpuPerUnit;
  /** The physical baseline of the same database in the same run (1 process only): the same writes, raw. */
  baseline?: Baseline & { writesPerCommand: Record<string, number>; oneCommand?: Baseline; requestCommands?: Baseline };
}

/** A raw loop's rate, and its CPU per command: the database's and the loop's own (the bench process). */
interface Baseline {
  commands: number;
  commandsPerSecond: number;
  cpuMsPerCommand: CpuPerUnit;
}

interface CpuPerUnit {
  servers?: number;
  database: number | undefined;
  client: number;
}

/** CPU time (user + system) a process has used, in ms, from /proc (clock ticks of 10 ms). */
function cpuMs(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    // Fields after the command name (which may hold spaces, so split after its closing parenthesis): utime is 14th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** Starts a CPU meter over the servers, the database and this process; `per(n)` gives ms per unit of work. */
function cpuMeter(serverPids: readonly number[], dbPid: number | undefined): { per(units: number): CpuPerUnit } {
  const sum = (pids: readonly number[]) => pids.reduce((total, pid) => total + (cpuMs(pid) ?? 0), 0);
  const servers = sum(serverPids);
  const database = cpuMs(dbPid);
  const own = process.cpuUsage();
  const round = (ms: number, units: number) => Math.round((ms / Math.max(1, units)) * 10) / 10;
  return {
    per(units) {
      const used = process.cpuUsage(own);
      const dbNow = cpuMs(dbPid);
      return {
        ...(serverPids.length > 0 ? { servers: round(sum(serverPids) - servers, units) } : {}),
        database: database !== undefined && dbNow !== undefined ? round(dbNow - database, units) : undefined,
        client: round((used.user + used.system) / 1000, units),
      };
    },
  };
}

function rssMb(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return line ? Math.round(Number(line.split(/\s+/)[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/** The emulator's process, found by its port in `ps` (for its RSS). */
async function databasePid(uri: string): Promise<number | undefined> {
  const port = new URL(uri.replace('mongodb://', 'http://')).port;
  const { execFileSync } = await import('node:child_process');
  try {
    const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
    // The node process that runs the emulator (its tsx launcher has the same arguments, without --import).
    const line = out.split('\n').find((l) => l.includes('src/main.ts') && l.includes('--import') && l.includes(`--port ${port} `));
    return line ? Number(line.trim().split(/\s+/)[0]) : undefined;
  } catch {
    return undefined;
  }
}

function combine(phase: PhaseFigures['phase'], processes: number, results: Result[], rss: PhaseFigures['rssMb']): PhaseFigures {
  const requests = results.reduce((sum, r) => sum + r.requests.total, 0);
  const seconds = Math.max(...results.map((r) => r.duration));
  return {
    phase,
    processes,
    connections: TOTAL_CONNECTIONS,
    durationS: Math.round(seconds * 10) / 10,
    requests,
    requestsPerSecond: Math.round((requests / seconds) * 10) / 10,
    latencyP50Ms: Math.round(results.reduce((sum, r) => sum + r.latency.p50 * r.requests.total, 0) / Math.max(1, requests)),
    latencyP99Ms: Math.max(...results.map((r) => r.latency.p99)),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    timeouts: results.reduce((sum, r) => sum + r.timeouts, 0),
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    rssMb: rss,
  };
}

type Db = ReturnType<MongoClient['db']>;

interface DatabaseWork {
  commandsPerRequest: number;
  /** Per command name, how many ran per request (failed ones included), largest first. */
  byCommand: Record<string, number>;
  transactionsStartedPerRequest: number;
  transactionsAbortedPerRequest: number;
}

interface DatabaseCounters {
  commands: Record<string, number>;
  transactions: Record<string, number>;
}

/**
 * The database's counters (serverStatus `metrics.commands` and `transactions`, as mongod and the emulator report
 * them). Read through the bench's own client, whose reads between two readings are left out by name (serverStatus).
 */
async function databaseCounters(client: MongoClient): Promise<DatabaseCounters> {
  const status = await client.db('admin').command({ serverStatus: 1 });
  const commands: Record<string, number> = {};
  for (const [name, totals] of Object.entries((status.metrics?.commands ?? {}) as Record<string, { total?: unknown; failed?: unknown }>)) {
    if (typeof totals !== 'object' || totals === null || !('total' in totals)) continue;
    // `total` counts every run of the command, the failed ones too (`failed` is a part of it), as mongod counts them.
    commands[name] = Number(totals.total ?? 0);
  }
  const transactions = Object.fromEntries(Object.entries((status.transactions ?? {}) as Record<string, unknown>).map(([k, v]) => [k, Number(v)]));
  return { commands, transactions };
}

function databaseWork(before: DatabaseCounters, after: DatabaseCounters, requests: number): DatabaseWork {
  const per = (n: number) => Math.round((n / Math.max(1, requests)) * 10) / 10;
  const byCommand: Record<string, number> = {};
  let total = 0;
  for (const [name, count] of Object.entries(after.commands)) {
    if (name === 'serverStatus') continue;
    const ran = count - (before.commands[name] ?? 0);
    if (ran <= 0) continue;
    total += ran;
    byCommand[name] = per(ran);
  }
  const delta = (key: string) => (after.transactions[key] ?? 0) - (before.transactions[key] ?? 0);
  return {
    commandsPerRequest: per(total),
    byCommand: Object.fromEntries(Object.entries(byCommand).sort((a, b) => b[1] - a[1])),
    transactionsStartedPerRequest: per(delta('totalStarted')),
    transactionsAbortedPerRequest: per(delta('totalAborted')),
  };
}

/** Documents in every collection of `db`, by name (the writes a phase made are the difference). */
async function countAll(db: Db): Promise<Record<string, number>> {
  const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).filter((name) => !name.startsWith('system.'));
  const counts = await Promise.all(names.map((name) => db.collection(name).countDocuments()));
  return Object.fromEntries(names.map((name, i) => [name, counts[i]!]));
}

/** Inserts per command in each collection a phase wrote to (rounded to the nearest whole document). */
function insertsPerCommand(before: Record<string, number>, after: Record<string, number>, commands: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, count] of Object.entries(after)) {
    const per = Math.round((count - (before[name] ?? 0)) / Math.max(1, commands));
    if (per > 0) out[name] = per;
  }
  return out;
}

/**
 * The physical baseline: `connections` loops, each running the same transactional writes as one command through the
 * driver (`inserts` documents per collection, copied from documents the server wrote, plus `update` on a dossier and
 * a step when given), until `durationS` has passed or `amount` commands ran. What the database alone allows. Each
 * collection's writes are one `insertMany`; with `oneCommand`, all of them (and the updates) are one `bulkWrite` across
 * collections (MongoDB 8.0), as the server sends a unit of work's writes (unit-write-batch.ts). With `requestCommands`
 * the loop also sends the other commands an HTTP request of that phase sends, by primary key or as the server does:
 * the session's user, the Idempotency-Key's insert and its transaction note (outside the transaction), and for an
 * intake the day's counter and the procedure's latest version, for a completion the step (twice: the access gate and
 * the command) and, in the transaction, the dossier, its open steps and its facts; the key is then completed in the
 * `bulkWrite` instead of inserted. What the database allows for the commands themselves, without the server's work.
 */
async function rawBaseline(
  client: MongoClient,
  db: Db,
  inserts: Record<string, number>,
  options: { tag: string; durationS?: number; amount?: number; update?: boolean; oneCommand?: boolean; requestCommands?: 'intake' | 'complete'; dbPid: number | undefined },
): Promise<Baseline> {
  const samples = new Map<string, Record<string, unknown>>();
  /** Fields of a unique index other than _id: each copy gets its own value there, as a new command's documents do. */
  const uniqueFields = new Map<string, string[]>();
  for (const name of Object.keys(inserts)) {
    const doc = await db.collection(name).findOne({});
    if (doc) samples.set(name, doc);
    const indexes = await db.collection(name).indexes();
    uniqueFields.set(name, [...new Set(indexes.filter((ix) => ix.unique).flatMap((ix) => Object.keys(ix.key)).filter((field) => field !== '_id'))]);
  }
  // The servers' own dossiers and steps, not an earlier baseline's copies.
  const served = { _id: { $not: /^baseline-/ } };
  const dossiers = options.update ? await db.collection('dossiers').find(served, { projection: { _id: 1 } }).limit(5000).toArray() : [];
  const steps = options.update ? await db.collection('steps').find(served, { projection: { _id: 1 } }).limit(5000).toArray() : [];
  const meter = cpuMeter([], options.dbPid);
  const started = performance.now();
  const until = started + (options.durationS ?? Infinity) * 1000;
  let commands = 0;
  let serial = 0;
  const variant = options.requestCommands ? 'request' : options.oneCommand ? 'one' : 'each';
  const user = await db.collection('users').findOne({}, { projection: { _id: 1 } });
  const procedure = await db.collection('procedures').findOne({}, { projection: { key: 1, provinceCode: 1 } });
  // The server's reads name the province (its tenancy plugin adds it): the indexes lead with it.
  const provinceCode = procedure?.['provinceCode'] as string | undefined;
  /** The commands a request sends before its unit of work, as the server sends them (see the note above). */
  const before = async (k: number): Promise<Document['_id']> => {
    await db.collection('users').findOne({ _id: user?._id });
    if (options.requestCommands === 'complete') {
      for (let read = 0; read < 2; read += 1) await db.collection('steps').findOne({ _id: steps[k % steps.length]?._id, provinceCode });
    }
    const [key] = copies('idempotencyKeys', 1, k);
    if (key) await db.collection('idempotencyKeys').insertOne(key);
    if (options.requestCommands === 'intake') {
      await db.collection('counters').findOneAndUpdate({ _id: `baseline-counter` as never }, { $inc: { value: 1 } }, { upsert: true, returnDocument: 'after' });
      await db.collection('procedures').findOne({ key: procedure?.['key'], provinceCode }, { sort: { version: -1 }, projection: { version: 1, retirement: 1 } });
    }
    if (key) await db.collection('idempotencyKeys').updateOne({ _id: key._id, provinceCode }, { $addToSet: { transactions: `baseline-${k}` } });
    return key?._id;
  };
  /** `count` copies of the collection's sample for command `k`, each with its own _id and unique fields. */
  const copies = (name: string, count: number, k: number): Document[] => {
    const sample = samples.get(name);
    if (!sample) return [];
    return Array.from({ length: count }, (_, i) => {
      const copy: Record<string, unknown> = { ...sample, _id: `baseline-${options.tag}-${variant}-${k}-${i}-${name}` };
      for (const field of uniqueFields.get(name) ?? []) copy[field] = `${String(sample[field])}-baseline-${options.tag}-${variant}-${k}-${i}`;
      // A copied step belongs to a dossier of its own: the sample's dossier must keep its few steps for the reads.
      if (name === 'steps') copy['dossierId'] = `baseline-${options.tag}-${variant}-${k}-dossiers`;
      return copy;
    });
  };
  const loop = async (): Promise<void> => {
    while (performance.now() < until && (options.amount === undefined || commands < options.amount)) {
      const k = serial++;
      const keyId = options.requestCommands ? await before(k) : undefined;
      const session = client.startSession();
      try {
        await session.withTransaction(async () => {
          if (options.oneCommand || options.requestCommands) {
            const models: AnyClientBulkWriteModel<Document>[] = [];
            if (options.update && dossiers.length > 0) {
              const id = dossiers[k % dossiers.length]!._id;
              const dossier = await db.collection('dossiers').findOne({ _id: id }, { session });
              if (options.requestCommands) {
                await db.collection('steps').find({ dossierId: id, status: { $in: ['open'] }, provinceCode }, { session }).limit(1000).toArray();
                await db.collection('dossierFacts').findOne({ _id: id, provinceCode }, { session });
              }
              models.push({ namespace: `${db.databaseName}.dossiers`, name: 'replaceOne', filter: { _id: id }, replacement: { ...dossier, rev: Number(dossier?.['rev'] ?? 0) + 1 } });
              models.push({ namespace: `${db.databaseName}.steps`, name: 'updateOne', filter: { _id: steps[k % steps.length]!._id }, update: { $set: { status: 'open' } } });
            }
            for (const [name, count] of Object.entries(inserts)) {
              if (keyId !== undefined && name === 'idempotencyKeys') {
                models.push({ namespace: `${db.databaseName}.${name}`, name: 'updateOne', filter: { _id: keyId as never }, update: { $set: { state: 'completed' } } });
                continue;
              }
              for (const document of copies(name, count, k)) models.push({ namespace: `${db.databaseName}.${name}`, name: 'insertOne', document });
            }
            // The driver wraps a server error; its cause keeps the TransientTransactionError label withTransaction retries on.
            await client.bulkWrite(models, { session }).catch((error: unknown) => {
              throw error instanceof MongoClientBulkWriteError && error.cause instanceof MongoServerError ? error.cause : error;
            });
            return;
          }
          if (options.update && dossiers.length > 0) {
            const id = dossiers[k % dossiers.length]!._id;
            const dossier = await db.collection('dossiers').findOne({ _id: id }, { session });
            await db.collection('dossiers').replaceOne({ _id: id }, { ...dossier, rev: Number(dossier?.['rev'] ?? 0) + 1 }, { session });
            await db.collection('steps').updateOne({ _id: steps[k % steps.length]!._id }, { $set: { status: 'open' } }, { session });
          }
          for (const [name, count] of Object.entries(inserts)) {
            const docs = copies(name, count, k);
            if (docs.length > 0) await db.collection(name).insertMany(docs, { session });
          }
        });
        commands += 1;
      } finally {
        await session.endSession();
      }
    }
  };
  await Promise.all(Array.from({ length: TOTAL_CONNECTIONS }, loop));
  const seconds = (performance.now() - started) / 1000;
  return { commands, commandsPerSecond: Math.round((commands / seconds) * 10) / 10, cpuMsPerCommand: meter.per(commands) };
}

async function runTopology(processes: number, databaseUri: string, dbPid: number | undefined): Promise<PhaseFigures[]> {
  const dbName = `lienthong-load-${processes}`;
  const cluster = await ServerCluster.start({
    processes,
    env: { MONGODB_URI: databaseUri, MONGODB_DB: dbName, SESSION_SECRET: 'load-bench-session-secret-0123456789abcdef', SEED_DEMO: '1', LOG_LEVEL: 'error' },
    ...(cpuProfileDir ? { nodeArgs: ['--cpu-prof', '--cpu-prof-dir', cpuProfileDir] } : {}),
  });
  const mongo = await MongoClient.connect(databaseUri);
  try {
    const client = new CrashClient({ cluster });
    await client.signIn('analyst');
    await client.signIn('official.motcua');
    const xml = readFileSync(resolve(REPO_ROOT, 'tests/reliability/crash/crash-procedure.bpmn'), 'utf8');
    const deployed = await client.call('analyst', 'POST', '/api/procedures', { key: PROCEDURE_KEY, xml }, `deploy-${processes}`);
    if (deployed.status !== 201) throw new Error(`deploy: ${deployed.status} ${JSON.stringify(deployed.body)}`);
    const token = (await client.call<{ token: string }>(undefined, 'POST', '/api/auth/sign-in', { username: 'official.motcua', password: 'official.motcua' })).body.token;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const bases = cluster.allBases();
    const perProcess = Math.floor(TOTAL_CONNECTIONS / processes);
    const rss = () => ({ servers: cluster.pids().map((pid) => rssMb(pid) ?? -1), database: rssMb(dbPid) });
    const figures: PhaseFigures[] = [];

    const db = mongo.db(dbName);
    const beforeIntake = await countAll(db);
    const countersBeforeIntake = await databaseCounters(mongo);
    const intakeCpu = cpuMeter(cluster.pids(), dbPid);
    // Phase 1: intake, a new applicant and key per request.
    let n = 0;
    const intake = await Promise.all(
      bases.map((base, b) =>
        autocannon({
          url: base,
          connections: perProcess,
          duration: durationS,
          timeout: 30,
          headers,
          requests: [
            {
              method: 'POST',
              path: '/api/dossiers',
              setupRequest: (request) => {
                n += 1;
                return {
                  ...request,
                  headers: { ...headers, 'idempotency-key': `load-${processes}-${b}-${n}` },
                  body: JSON.stringify({ procedureKey: PROCEDURE_KEY, applicant: { name: `Người nộp ${n}`, idNumber: `LOAD${processes}${String(n).padStart(8, '0')}` } }),
                };
              },
            },
          ],
        }),
      ),
    );
    figures.push(combine('intake', processes, intake, rss()));
    figures.at(-1)!.cpuMsPerRequest = intakeCpu.per(figures.at(-1)!.requests);
    figures.at(-1)!.database = databaseWork(countersBeforeIntake, await databaseCounters(mongo), figures.at(-1)!.requests);
    const intakeWrites = insertsPerCommand(beforeIntake, await countAll(db), figures.at(-1)!.requests);
    console.log(JSON.stringify(figures.at(-1)));

    // Phase 2: complete the open counter steps intake made, each exactly once (split between the processes).
    const beforeComplete = await countAll(db);
    const open = await mongo.db(dbName).collection('steps').find({ status: 'open', elementId: 'task-receive' }, { projection: { _id: 1 } }).toArray();
    const ids = open.map((step) => String(step._id));
    const countersBeforeComplete = await databaseCounters(mongo);
    const completeCpu = cpuMeter(cluster.pids(), dbPid);
    const shares = bases.map((_, b) => ids.filter((__, i) => i % bases.length === b));
    const complete = await Promise.all(
      bases.map((base, b) => {
        const mine = shares[b]!;
        let next = 0;
        if (mine.length === 0) throw new Error(`no open step to complete on process ${b}: intake made none`);
        return autocannon({
          url: base,
          connections: Math.min(perProcess, mine.length),
          amount: mine.length,
          timeout: 30,
          headers,
          requests: [
            {
              method: 'POST',
              setupRequest: (request) => {
                const id = mine[next++ % mine.length];
                return { ...request, path: `/api/steps/${id}/complete`, headers: { ...headers, 'idempotency-key': `complete-${id}` }, body: JSON.stringify({ decision: 'approve' }) };
              },
            },
          ],
        });
      }),
    );
    figures.push(combine('complete', processes, complete, rss()));
    figures.at(-1)!.cpuMsPerRequest = completeCpu.per(figures.at(-1)!.requests);
    figures.at(-1)!.database = databaseWork(countersBeforeComplete, await databaseCounters(mongo), figures.at(-1)!.requests);
    const completeWrites = insertsPerCommand(beforeComplete, await countAll(db), figures.at(-1)!.requests);
    console.log(JSON.stringify(figures.at(-1)));
    if (processes === 1) {
      // The physical baseline, on the same database in the same run, after the servers' phases (nothing else writes).
      const [intakeFigures, completeFigures] = [figures.at(-2)!, figures.at(-1)!];
      const rawIntake = await rawBaseline(mongo, db, intakeWrites, { tag: 'intake', durationS, dbPid });
      // A bulkWrite across collections needs MongoDB 8.0 (wire version 25); an older database has no such baseline.
      const oneCommand = Number((await mongo.db('admin').command({ hello: 1 })).maxWireVersion) >= 25;
      const rawIntakeOne = oneCommand ? await rawBaseline(mongo, db, intakeWrites, { tag: 'intake', durationS, dbPid, oneCommand: true }) : undefined;
      const rawIntakeRequest = oneCommand ? await rawBaseline(mongo, db, intakeWrites, { tag: 'intake', durationS, dbPid, requestCommands: 'intake' }) : undefined;
      intakeFigures.baseline = { ...rawIntake, writesPerCommand: intakeWrites, ...(rawIntakeOne ? { oneCommand: rawIntakeOne } : {}), ...(rawIntakeRequest ? { requestCommands: rawIntakeRequest } : {}) };
      const rawComplete = await rawBaseline(mongo, db, completeWrites, { tag: 'complete', amount: completeFigures.requests, update: true, dbPid });
      const rawCompleteOne = oneCommand ? await rawBaseline(mongo, db, completeWrites, { tag: 'complete', amount: completeFigures.requests, update: true, dbPid, oneCommand: true }) : undefined;
      const rawCompleteRequest = oneCommand ? await rawBaseline(mongo, db, completeWrites, { tag: 'complete', amount: completeFigures.requests, update: true, dbPid, requestCommands: 'complete' }) : undefined;
      completeFigures.baseline = { ...rawComplete, writesPerCommand: { ...completeWrites, 'dossiers (update)': 1, 'steps (update)': 1 }, ...(rawCompleteOne ? { oneCommand: rawCompleteOne } : {}), ...(rawCompleteRequest ? { requestCommands: rawCompleteRequest } : {}) };
      console.log(JSON.stringify({ baseline: { intake: intakeFigures.baseline, complete: completeFigures.baseline } }));
    }
    return figures;
  } finally {
    await mongo.close();
    // A clean shutdown when profiling: V8 writes the profile only when the process exits by itself.
    await cluster.stop(cpuProfileDir ? 'SIGTERM' : 'SIGKILL');
  }
}

async function main(): Promise<void> {
  const database = await startSharedDatabase();
  const dbPid = await databasePid(database.uri);
  const all: PhaseFigures[] = [];
  try {
    for (const processes of topologies) all.push(...(await runTopology(processes, database.uri, dbPid)));
  } finally {
    await database.stop();
  }
  console.log(`\nLoad test: ${durationS} s intake per topology, ${TOTAL_CONNECTIONS} connections in all, emulator database, 127.0.0.1\n`);
  console.log('| processes | phase | requests | req/s | p50 ms | p99 ms | errors | timeouts | non-2xx | RSS MB (servers; database) |');
  console.log('|---:|---|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const f of all) {
    console.log(`| ${f.processes} | ${f.phase} | ${f.requests} | ${f.requestsPerSecond} | ${f.latencyP50Ms} | ${f.latencyP99Ms} | ${f.errors} | ${f.timeouts} | ${f.non2xx} | ${f.rssMb.servers.join(', ')}; ${f.rssMb.database ?? '?'} |`);
  }
  console.log('\nBeside the physical baseline of the same database in the same run (1 process): the same transactional writes per command, raw through the driver, 9 at a time\n');
  console.log('(raw: each collection one insertMany; raw, one command: all the writes one bulkWrite across collections, as the server sends them)\n');
  console.log('| phase | HTTP req/s | raw commands/s | HTTP ÷ raw | raw, one command: commands/s | HTTP ÷ raw, one command | writes per command |');
  console.log('|---|---:|---:|---:|---:|---:|---|');
  for (const f of all.filter((x) => x.baseline)) {
    const b = f.baseline!;
    const ratio = (rate: number | undefined) => (rate ? (f.requestsPerSecond / rate).toFixed(2) : '–');
    console.log(`| ${f.phase} | ${f.requestsPerSecond} | ${b.commandsPerSecond} | ${ratio(b.commandsPerSecond)} | ${b.oneCommand?.commandsPerSecond ?? '–'} | ${ratio(b.oneCommand?.commandsPerSecond)} | ${Object.entries(b.writesPerCommand).map(([c, k]) => `${c} ${k}`).join(', ')} |`);
  }
  console.log('\nWhere the time goes: CPU ms per request (HTTP: the server processes, the database, the load generator) and per command (raw: the database, the loop), from /proc over each phase\n');
  console.log('| phase | HTTP: server | HTTP: database | HTTP: load generator | raw: database | raw: loop | raw, one command: database | raw, one command: loop |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const f of all.filter((x) => x.baseline && x.cpuMsPerRequest)) {
    const c = f.cpuMsPerRequest!;
    const b = f.baseline!;
    console.log(`| ${f.phase} | ${c.servers ?? '?'} | ${c.database ?? '?'} | ${c.client} | ${b.cpuMsPerCommand.database ?? '?'} | ${b.cpuMsPerCommand.client} | ${b.oneCommand?.cpuMsPerCommand.database ?? '–'} | ${b.oneCommand?.cpuMsPerCommand.client ?? '–'} |`);
  }
  console.log('\nThe request\'s own database commands, raw through the driver (no server): user, Idempotency-Key insert and note, the phase\'s reads (and the intake\'s counter), the writes as one bulkWrite, the commit; 9 at a time\n');
  console.log('| phase | HTTP req/s | raw, the request\'s commands: commands/s | HTTP ÷ that | its ÷ raw, one command | its CPU ms per command: database / loop |');
  console.log('|---|---:|---:|---:|---:|---|');
  for (const f of all.filter((x) => x.baseline?.requestCommands)) {
    const b = f.baseline!;
    const r = b.requestCommands!;
    const over = (rate: number | undefined) => (rate ? (r.commandsPerSecond / rate).toFixed(2) : '–');
    console.log(`| ${f.phase} | ${f.requestsPerSecond} | ${r.commandsPerSecond} | ${(f.requestsPerSecond / r.commandsPerSecond).toFixed(2)} | ${over(b.oneCommand?.commandsPerSecond)} | ${r.cpuMsPerCommand.database ?? '?'} / ${r.cpuMsPerCommand.client} |`);
  }
  console.log('\nWhat the database ran per request (its own serverStatus counters over each phase: commands by name, transactions started and aborted)\n');
  console.log('| processes | phase | commands per request | transactions started / aborted per request | by command |');
  console.log('|---:|---|---:|---|---|');
  for (const f of all.filter((x) => x.database)) {
    const d = f.database!;
    console.log(`| ${f.processes} | ${f.phase} | ${d.commandsPerRequest} | ${d.transactionsStartedPerRequest} / ${d.transactionsAbortedPerRequest} | ${Object.entries(d.byCommand).map(([c, k]) => `${c} ${k}`).join(', ')} |`);
  }
  const failed = all.filter((f) => f.errors + f.timeouts + f.non2xx > 0);
  if (failed.length > 0) console.log(`\nERRORS in ${failed.map((f) => `${f.processes} process(es) ${f.phase}`).join(', ')}: they must be 0.`);
  mkdirSync(resolve(REPO_ROOT, 'bench/results'), { recursive: true });
  writeFileSync(resolve(REPO_ROOT, 'bench/results/load.json'), JSON.stringify({ at: new Date().toISOString(), node: process.version, durationS, connections: TOTAL_CONNECTIONS, figures: all }, null, 2) + '\n');
  console.log('\nwritten: bench/results/load.json');
  if (failed.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
