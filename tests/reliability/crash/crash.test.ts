/**
 * Crash test (reliability issue §2): 3 server processes of a national deployment serving two provinces (01 and 79)
 * on one database (issue 18 item 2, "Province tenancy"); dossiers received at each province's counter for four
 * minutes of chaos and driven through every step from its officials' inboxes while a random process is SIGKILLed
 * every ~3 s and restarted. Then, from the database itself, in each province: no dossier lost or duplicated, each in
 * its final status; no step completed twice; every BPMN timer fired once or was cancelled unfired; progress records
 * and outbox entries gapless and in order per dossier; the webhook receiver got every outbox entry, in order per
 * dossier. And nothing crosses: every document of a dossier carries the dossier's province, no document of one
 * province names a dossier, step, user or agency of the other, and each province holds what was sent to it.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MongoClient, type Db } from 'mongodb';
import { castOf, CrashClient, seedProvinces, ServerCluster, startSharedDatabase, type Database, type ProvinceCast } from './crash-harness';

/**
 * Sized by time, not by count (issue 13), so that a slower machine drives fewer dossiers instead of failing: the
 * counter receives dossiers for `CRASH_CHAOS_S` seconds of chaos (240 by default) and at least `CRASH_MIN_DOSSIERS`
 * (200), then the officials finish every dossier received while the kills go on, and every check applies to all of
 * them. `CRASH_DOSSIERS=1000` drives exactly that many instead, for the figure in docs/production.md.
 */
const FIXED_COUNT = process.env.CRASH_DOSSIERS ? Number(process.env.CRASH_DOSSIERS) : undefined;
const CHAOS_MS = Number(process.env.CRASH_CHAOS_S ?? 240) * 1000;
const MIN_DOSSIERS = Number(process.env.CRASH_MIN_DOSSIERS ?? 200);
const PROCESSES = 3;
const KILL_EVERY_MS = 3_000;
/**
 * Not a time bound on the run: the test fails only when no dossier has finished for this long (a stuck run), with
 * how far it got. A kill costs a few seconds at most, so two minutes without progress is far beyond any slow machine.
 */
const STALL_BOUND_MS = Number(process.env.CRASH_STALL_MS ?? 120_000);
/** Last resort for vitest; the stall bound above fails a stuck run long before it. */
const TEST_BOUND_MS = 60 * 60_000;
const PROCEDURE_KEY = 'crash-test-procedure';
const WEBHOOK_SECRET = 'crash-test-webhook-secret-0123456789';
const DB_NAME = 'lienthong-crash';
/** Hà Nội and Thành phố Hồ Chí Minh: two provinces of one national deployment, dossiers alternating between them. */
const PROVINCES = ['01', '79'] as const;
type ProvinceCode = (typeof PROVINCES)[number];
const CASTS: Record<ProvinceCode, ProvinceCast> = { '01': castOf('01'), '79': castOf('79') };
/** The crash procedure with the lanes' agencies of `cast`'s province. */
const procedureXmlOf = (cast: ProvinceCast) =>
  readFileSync(resolve(import.meta.dirname, 'crash-procedure.bpmn'), 'utf8').replace(/agency="([^"]+)"/g, (_, id: string) => `agency="${cast.agencyIdOf(id)}"`);

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

interface Delivery {
  id: string;
  dossierId: string;
  seq: number;
  kind: string;
}

/** The webhook consumer's far end: records each POSTed outbox entry in arrival order. */
async function startReceiver(): Promise<{ url: string; deliveries: Delivery[]; stop(): Promise<void> }> {
  const deliveries: Delivery[] = [];
  const server: Server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        const entry = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Delivery;
        deliveries.push({ id: entry.id, dossierId: entry.dossierId, seq: entry.seq, kind: entry.kind });
        response.writeHead(204).end();
      } catch {
        response.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    deliveries,
    stop: () => new Promise<void>((done) => server.close(() => done())),
  };
}

interface InboxItem {
  id: string;
  dossierId: string;
  elementId: string;
}

describe('several server processes on one database, killed at random', () => {
  let database: Database | undefined;
  let cluster: ServerCluster | undefined;
  let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
  let mongo: MongoClient | undefined;
  let db: Db;
  let client: CrashClient;

  const drive = {
    received: 0,
    receivedIn: { '01': 0, '79': 0 } as Record<ProvinceCode, number>,
    completed: 0,
    notOpen: 0,
    killTimes: [] as number[],
    startedAt: 0,
    intakeMs: 0,
    durationMs: 0,
    finalStatus: 0,
  };

  beforeAll(async () => {
    // A transaction of a killed process frees its documents after 5 s (mongod's default is 60 s: docs/production.md).
    database = await startSharedDatabase({ transactionLifetimeS: 5 });
    receiver = await startReceiver();
    cluster = await ServerCluster.start({
      processes: PROCESSES,
      env: {
        MONGODB_URI: database.uri,
        MONGODB_DB: DB_NAME,
        SESSION_SECRET: 'crash-test-session-secret-0123456789abcdef',
        // A national deployment: no home province, every request and sweep acts in its province.
        PROVINCES: PROVINCES.join(','),
        // Each province's officials are seeded below, inside their province, instead of the demo's.
        SEED_DEMO: '0',
        SWEEP_INTERVAL_MS: '500',
        OUTBOX_INTERVAL_MS: '300',
        // Leases of a killed process lapse well within the run (30 s by default).
        SWEEP_LEASE_MS: '8000',
        OUTBOX_LEASE_MS: '8000',
        WEBHOOK_URLS: receiver.url,
        WEBHOOK_SECRET,
        // The Idempotency-Key lock of a request whose process died lapses after the product's default lease (4 s).
      },
    });
    mongo = await MongoClient.connect(database.uri);
    db = mongo.db(DB_NAME);
    await seedProvinces(database.uri, DB_NAME, Object.values(CASTS));
    client = new CrashClient({ cluster, callTimeoutMs: 150_000, maxInFlight: 12 });
    for (const cast of Object.values(CASTS)) {
      for (const user of [cast.analyst, cast.counter, cast.finance, cast.construction]) await client.signIn(user);
      // Each province deploys the procedure, with its own agencies, as its own version 1.
      const deployed = await client.call(cast.analyst, 'POST', '/api/procedures', { key: PROCEDURE_KEY, xml: procedureXmlOf(cast) }, `deploy-crash-procedure-${cast.provinceCode}`);
      expect(deployed.status, JSON.stringify(deployed.body)).toBe(201);
    }
  }, 240_000);

  afterAll(async () => {
    await cluster?.stop();
    await mongo?.close();
    await receiver?.stop();
    await database?.stop();
  }, 60_000);

  it('drives every dossier received to its end while processes are SIGKILLed and restarted', async () => {
    const activeCluster = cluster!;
    drive.startedAt = Date.now();
    let done = false;
    let stalled: string | undefined;

    // The chaos: every ~3 s a random process dies without warning and is started again on its port.
    // Restarts run in the background; a process is killed only while another one serves, so the cluster never
    // stops entirely (a restart takes several seconds on a loaded machine).
    const restarts: Promise<void>[] = [];
    const chaos = (async () => {
      while (!done) {
        await sleep(KILL_EVERY_MS * (0.5 + Math.random()));
        if (done) break;
        const live = activeCluster.liveIndexes();
        if (live.length < 2) continue;
        const victim = live[Math.floor(Math.random() * live.length)]!;
        drive.killTimes.push(Date.now() - drive.startedAt);
        restarts.push(activeCluster.killAndRestart(victim));
      }
      await Promise.all(restarts);
    })();

    // The counters receive dossiers, alternately in province 01 and 79, each with its own key, retried with that key on
    // another process, until the budget (or the fixed count) is reached.
    let issued = 0;
    const moreToReceive = () =>
      !done && (FIXED_COUNT !== undefined ? issued < FIXED_COUNT : Date.now() - drive.startedAt < CHAOS_MS || issued < MIN_DOSSIERS);
    const receiveOne = async () => {
      while (moreToReceive()) {
        const i = issued++;
        const provinceCode = PROVINCES[i % PROVINCES.length]!;
        const answer = await client.call(CASTS[provinceCode].counter, 'POST', '/api/dossiers', {
          procedureKey: PROCEDURE_KEY,
          applicant: { name: `Người nộp ${i}`, idNumber: `CRASH${String(i).padStart(6, '0')}` },
          documents: [{ name: 'Tờ khai', copyType: 'original', quantity: 1 }],
        }, `crash-receive-${i}`);
        if (answer.status !== 201) throw new Error(`receipt ${i} in ${provinceCode}: ${answer.status} ${JSON.stringify(answer.body)}`);
        drive.received += 1;
        drive.receivedIn[provinceCode] += 1;
      }
    };
    let intakeOver = false;
    const intake = Promise.all(Array.from({ length: 6 }, receiveOne)).then(() => {
      intakeOver = true;
      drive.intakeMs = Date.now() - drive.startedAt;
    });

    // Each official works their unit's inbox until every dossier has ended, four steps at a time, taking the next step
    // as soon as one is done (a step whose request is retried after a kill does not hold up the others); the step id
    // is the idempotency key.
    const finishedCount = () => db.collection('dossiers').countDocuments({ finishedAt: { $exists: true } });
    let allFinished = false;
    const work = async (user: string) => {
      const working = new Map<string, Promise<void>>();
      const completeStep = async (step: InboxItem) => {
        const answer = await client.call(user, 'POST', `/api/steps/${step.id}/complete`, { decision: 'approve' }, `crash-complete-${step.id}`);
        if (answer.status === 200) drive.completed += 1;
        // Cancelled by its boundary timer meanwhile, or completed by an attempt whose process died before answering.
        else if (answer.status === 409 && (answer.body as { code?: string }).code === 'STEP_NOT_OPEN') drive.notOpen += 1;
        else throw new Error(`complete ${step.elementId} of ${step.dossierId}: ${answer.status} ${JSON.stringify(answer.body)}`);
      };
      while (!allFinished && !done) {
        const inbox = await client.call<{ items: InboxItem[] }>(user, 'GET', '/api/inbox?scope=department');
        if (inbox.status !== 200) throw new Error(`inbox of ${user}: ${inbox.status} ${JSON.stringify(inbox.body)}`);
        const fresh = inbox.body.items.filter((step) => !working.has(step.id));
        for (const step of fresh.slice(0, 4 - working.size)) {
          working.set(step.id, completeStep(step).finally(() => working.delete(step.id)));
        }
        if (working.size >= 4 || (fresh.length > 0 && working.size > 0)) await Promise.race(working.values());
        else if (fresh.length === 0) await sleep(300);
      }
      await Promise.all(working.values());
    };
    const watcher = (async () => {
      let tick = 0;
      let lastFinished = -1;
      let lastProgressAt = Date.now();
      while (!allFinished && !done) {
        await sleep(1_000);
        const finished = await finishedCount();
        if (finished !== lastFinished) {
          lastFinished = finished;
          lastProgressAt = Date.now();
        }
        if (++tick % 15 === 0) console.log(`[crash] ${Math.round((Date.now() - drive.startedAt) / 1000)} s: ${drive.received} received, ${finished} finished, ${drive.completed} steps completed, ${activeCluster.kills} kills`);
        if (intakeOver && finished === drive.received) allFinished = true;
        else if (Date.now() - lastProgressAt > STALL_BOUND_MS) {
          stalled = `no dossier finished for ${STALL_BOUND_MS} ms: ${drive.received} received, ${finished} finished, ${drive.completed} steps completed, ${activeCluster.kills} kills`;
          done = true;
        }
      }
    })();

    try {
      const officials = Object.values(CASTS).flatMap((cast) => [cast.counter, cast.finance, cast.construction]);
      await Promise.all([intake, ...officials.map(work), watcher]);
    } finally {
      done = true;
      await chaos;
    }
    drive.durationMs = Date.now() - drive.startedAt;
    expect(stalled, 'the run kept making progress').toBeUndefined();
    expect(allFinished).toBe(true);
    if (FIXED_COUNT !== undefined) expect(drive.received).toBe(FIXED_COUNT);
    else expect(drive.received).toBeGreaterThanOrEqual(MIN_DOSSIERS);
    expect(activeCluster.kills, 'the chaos killed processes').toBeGreaterThan(0);
  }, TEST_BOUND_MS);

  /** Every check of the crash test on one province's documents, read from the database; returns its figures. */
  async function checkProvince(provinceCode: ProvinceCode) {
    const inProvince = { provinceCode };
    const dossiers = await db.collection('dossiers').find(inProvince).toArray();
    const byApplicant = new Map<string, number>();
    for (const dossier of dossiers) {
      const idNumber = (dossier.applicant as { idNumber: string }).idNumber;
      byApplicant.set(idNumber, (byApplicant.get(idNumber) ?? 0) + 1);
    }
    const duplicated = [...byApplicant].filter(([, count]) => count > 1);
    expect(duplicated, `dossiers received twice for one applicant in ${provinceCode}`).toEqual([]);
    expect(dossiers.length, `dossiers in province ${provinceCode}: each one received there, none more`).toBe(drive.receivedIn[provinceCode]);
    const statuses = new Set(dossiers.map((dossier) => dossier.status as number));
    expect([...statuses], `every dossier of ${provinceCode} in one final status`).toHaveLength(1);
    expect(dossiers.every((dossier) => typeof dossier.finishedAt === 'number')).toBe(true);
    const finalStatus = [...statuses][0]!;

    // Steps: one record per activation; a dossier ran either review → appraise or review (timed out) → head → appraise.
    const steps = await db.collection('steps').find(inProvince).toArray();
    const stepsByDossier = groupBy(steps, (step) => step.dossierId as string);
    const routes = new Map<string, number>();
    for (const dossier of dossiers) {
      const own = (stepsByDossier.get(dossier._id as unknown as string) ?? []).sort((a, b) => (a.startedAt as number) - (b.startedAt as number));
      const elements = own.map((step) => step.elementId as string);
      for (const element of new Set(elements)) expect(elements.filter((e) => e === element), `${element} activated once in ${dossier._id}`).toHaveLength(1);
      const route = own.map((step) => `${step.elementId}:${step.status}`).join(' ');
      routes.set(route, (routes.get(route) ?? 0) + 1);
    }
    const expectedRoutes = new Set([
      'task-receive:completed task-review:completed task-appraise:completed',
      'task-receive:completed task-review:cancelled task-head:completed task-appraise:completed',
    ]);
    for (const route of routes.keys()) expect(expectedRoutes.has(route), `unexpected route ${route} in ${provinceCode}`).toBe(true);

    // Audit: one completion record per completed step.
    const completions = await db.collection('audit').aggregate([{ $match: { ...inProvince, action: 'step.completed' } }, { $group: { _id: '$stepId', n: { $sum: 1 } } }]).toArray();
    const completedSteps = steps.filter((step) => step.status === 'completed');
    expect(completions.filter((c) => (c.n as number) > 1), `steps with two completion records in ${provinceCode}`).toEqual([]);
    expect(completions.length, `completion records in ${provinceCode}`).toBe(completedSteps.length);

    // Timers: each BPMN timer fired exactly once (and then the head step exists) or was cancelled when review ended first.
    const timers = await db.collection('timers').find(inProvince).toArray();
    const bpmnTimers = timers.filter((timer) => timer.kind === 'bpmn.timer');
    const headSteps = new Set(steps.filter((step) => step.elementId === 'task-head').map((step) => step.dossierId as string));
    const firedPerDossier = new Map<string, number>();
    for (const timer of bpmnTimers) {
      expect(['fired', 'cancelled'], `timer ${timer._id} status`).toContain(timer.status);
      if (timer.status === 'fired') firedPerDossier.set(timer.dossierId as string, (firedPerDossier.get(timer.dossierId as string) ?? 0) + 1);
    }
    expect([...firedPerDossier.values()].filter((n) => n > 1), `a boundary timer fired twice in ${provinceCode}`).toEqual([]);
    expect(new Set(firedPerDossier.keys()), `fired timers are exactly the dossiers with a head step in ${provinceCode}`).toEqual(headSteps);
    expect(timers.filter((timer) => timer.status === 'scheduled' && (timer.dueAt as number) <= Date.now() - 10_000), `timers due but never fired in ${provinceCode}`).toEqual([]);

    // Progress records and outbox entries: seq 1..n without gaps per dossier, in time order.
    const progress = groupBy(await db.collection('progress').find(inProvince).toArray(), (entry) => entry.dossierId as string);
    const outbox = groupBy(await db.collection('outbox').find(inProvince).toArray(), (entry) => entry.dossierId as string);
    for (const dossier of dossiers) {
      const id = dossier._id as unknown as string;
      const records = (progress.get(id) ?? []).sort((a, b) => (a.seq as number) - (b.seq as number));
      expect(records.map((r) => r.seq), `progress of ${id}`).toEqual(records.map((_, i) => i + 1));
      expect(records.length, `progress of ${id}`).toBeGreaterThan(0);
      for (let i = 1; i < records.length; i += 1) expect(records[i]!.at as number).toBeGreaterThanOrEqual(records[i - 1]!.at as number);
      const entries = (outbox.get(id) ?? []).sort((a, b) => (a.seq as number) - (b.seq as number));
      expect(entries.map((e) => e.seq), `outbox of ${id}`).toEqual(entries.map((_, i) => i + 1));
      // One status change in the outbox per progress record that changed the status (none lost, none written twice).
      expect(entries.filter((e) => e.kind === 'dossier.progress_recorded').length, `progress entries in the outbox of ${id}`).toBe(records.length);
    }

    // The webhook receiver: every entry at least once, in order per dossier; repeats only as at-least-once allows.
    const allEntries = [...outbox.values()].flat();
    const ownDossiers = new Set(dossiers.map((dossier) => dossier._id as unknown as string));
    const deliveries = receiver!.deliveries.filter((delivery) => ownDossiers.has(delivery.dossierId));
    const deliveredIds = new Set(deliveries.map((d) => d.id));
    const undelivered = allEntries.filter((entry) => !deliveredIds.has(entry._id as unknown as string));
    expect(undelivered.map((e) => e._id), `outbox entries of ${provinceCode} never delivered`).toEqual([]);
    expect(deliveredIds.size, `deliveries of ${provinceCode}: each of its entries, none of another province`).toBe(allEntries.length);
    const lastSeq = new Map<string, number>();
    const outOfOrder: Delivery[] = [];
    for (const delivery of deliveries) {
      const previous = lastSeq.get(delivery.dossierId) ?? 0;
      // A repeat of the last entry (redelivered after a lease lapsed) is allowed; going back past it is not.
      if (delivery.seq < previous) outOfOrder.push(delivery);
      lastSeq.set(delivery.dossierId, Math.max(previous, delivery.seq));
    }
    expect(outOfOrder, `deliveries out of order within a dossier of ${provinceCode}`).toEqual([]);
    return {
      provinceCode,
      dossiers: dossiers.length,
      finalStatus,
      completedSteps: completedSteps.length,
      fired: firedPerDossier.size,
      cancelled: bpmnTimers.length - firedPerDossier.size,
      routes: Object.fromEntries(routes),
      entries: allEntries.length,
      deliveries: deliveries.length,
      repeats: deliveries.length - deliveredIds.size,
    };
  }

  it('after the chaos each province holds each of its dossiers once, in its final status, with every record exactly once and in order', async () => {
    // Let the sweepers and deliverers of the surviving processes finish what is due, then read the database directly.
    // The drive is bounded in time, not in dossiers, so faster servers leave more behind: under chaos the webhook's
    // deliverer runs behind intake (about 13 deliveries/s against about 100/s once intake stops, 2026-12-07, 860
    // dossiers and 13,000 outbox entries), and the backlog it drains here takes a minute or more.
    await waitForQuiet(db, receiver!.deliveries, 240_000);
    const figures = [];
    for (const provinceCode of PROVINCES) figures.push(await checkProvince(provinceCode));
    expect(new Set(figures.map((figure) => figure.finalStatus)).size, 'both provinces end their dossiers in the same status').toBe(1);
    drive.finalStatus = figures[0]!.finalStatus;
    // Every dossier received is in one province or the other: none is lost between them.
    expect(await db.collection('dossiers').countDocuments({}), 'dossiers in the database').toBe(drive.received);

    const stats = client.stats;
    const perProvince = figures.map(
      (f) =>
        `province ${f.provinceCode}: ${f.dossiers} dossiers, ${f.completedSteps} steps completed, ${f.fired} boundary timers fired, ${f.cancelled} cancelled, ` +
        `routes ${JSON.stringify(f.routes)}, ${f.entries} outbox entries, ${f.deliveries} webhook deliveries (${f.repeats} repeats)`,
    );
    console.log(
      `[crash] ${drive.received} dossiers in ${PROVINCES.length} provinces on ${PROCESSES} processes in ${(drive.durationMs / 1000).toFixed(1)} s ` +
        `(${(drive.received / (drive.intakeMs / 1000)).toFixed(2)} receipts/s under chaos for ${(drive.intakeMs / 1000).toFixed(0)} s, ` +
        `${(drive.received / (drive.durationMs / 1000)).toFixed(2)} dossiers/s received and finished): ` +
        `${cluster!.kills} SIGKILLs (${cluster!.restarts} restarts), final status ${drive.finalStatus}; ${perProvince.join('; ')}; ` +
        `${drive.notOpen} answers "no longer open"; ` +
        `client: ${stats.requests} requests, ${stats.resentAfterConnectionError} resent after a connection error, ` +
        `${stats.waitedForIdempotencyLock} waits on a locked key, ${stats.replayed} replayed answers, ` +
        `${stats.concurrentChangeRetries} concurrent-change retries, ${stats.serverErrorRetries} 5xx retries`,
    );
  }, 300_000);

  it('nothing crosses between the provinces: every document carries its dossier\'s province and names nothing of the other', async () => {
    // Who owns what: each province's dossiers, steps, timers, outbox entries, users and agencies, by id.
    const ownerOf = new Map<string, string>();
    for (const name of ['dossiers', 'steps', 'timers', 'outbox', 'users', 'agencies']) {
      for (const doc of await db.collection(name).find({}, { projection: { provinceCode: 1 } }).toArray()) ownerOf.set(String(doc._id), String(doc.provinceCode));
    }
    const dossierProvince = new Map<string, string>();
    for (const doc of await db.collection('dossiers').find({}, { projection: { provinceCode: 1 } }).toArray()) dossierProvince.set(String(doc._id), String(doc.provinceCode));
    for (const provinceCode of PROVINCES) {
      for (const cast of [CASTS[provinceCode]]) {
        for (const user of cast.users) expect(ownerOf.get(user.id), `user ${user.username}`).toBe(provinceCode);
        for (const agency of cast.agencies) expect(ownerOf.get(agency.id), `agency ${agency.id}`).toBe(provinceCode);
      }
    }

    // Every document of every collection (GridFS chunks aside, read through their file) in one of the two provinces;
    // a document about a dossier in that dossier's province; no string in it naming another province's record.
    const unscoped: string[] = [];
    const misplaced: string[] = [];
    const crossing: string[] = [];
    const documentsPer = new Map<string, number>();
    const collections = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).filter((name) => !name.startsWith('system.') && !name.endsWith('.chunks'));
    for (const name of collections) {
      for (const doc of await db.collection(name).find({}).toArray()) {
        const where = `${name}/${String(doc._id)}`;
        const provinceCode = String(doc.provinceCode ?? (doc.metadata as { provinceCode?: string } | undefined)?.provinceCode);
        if (!(PROVINCES as readonly string[]).includes(provinceCode)) {
          unscoped.push(`${where} in ${provinceCode}`);
          continue;
        }
        documentsPer.set(`${name} ${provinceCode}`, (documentsPer.get(`${name} ${provinceCode}`) ?? 0) + 1);
        const dossierId = (doc.dossierId ?? (name === 'dossierFacts' ? doc._id : undefined)) as string | undefined;
        if (dossierId !== undefined && dossierProvince.get(String(dossierId)) !== provinceCode) misplaced.push(`${where} in ${provinceCode} about dossier ${dossierId} of ${dossierProvince.get(String(dossierId))}`);
        for (const value of stringsOf(doc)) {
          for (const id of [value, ...(value.match(UUID) ?? [])]) {
            const owner = ownerOf.get(id);
            if (owner !== undefined && owner !== provinceCode) crossing.push(`${where} in ${provinceCode} names ${id} of ${owner}`);
          }
        }
      }
    }
    expect(unscoped, 'documents outside both provinces').toEqual([]);
    expect(misplaced, 'documents of a dossier in another province than the dossier').toEqual([]);
    expect(crossing.slice(0, 20), 'documents naming a record of the other province').toEqual([]);

    // Each province holds what was sent to it: its dossiers, and their applicants (the receipts alternated).
    for (const provinceCode of PROVINCES) {
      const applicants = await db.collection('dossiers').distinct('applicant.idNumber', { provinceCode });
      const sent = Array.from({ length: drive.received }, (_, i) => i).filter((i) => PROVINCES[i % PROVINCES.length] === provinceCode).map((i) => `CRASH${String(i).padStart(6, '0')}`);
      expect(applicants.sort(), `the applicants of the dossiers received in ${provinceCode}`).toEqual(sent.sort());
      expect(documentsPer.get(`dossiers ${provinceCode}`), `dossiers of ${provinceCode}`).toBe(drive.receivedIn[provinceCode]);
    }
    console.log(`[crash] documents per collection and province: ${JSON.stringify(Object.fromEntries([...documentsPer].sort()))}`);
  }, 120_000);
});

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Every string value inside a stored document, at any depth. */
function stringsOf(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') found.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsOf(item, found);
  else if (value !== null && typeof value === 'object' && !(value instanceof Date) && !ArrayBuffer.isView(value) && (value as { _bsontype?: string })._bsontype === undefined) {
    for (const item of Object.values(value)) stringsOf(item, found);
  }
  return found;
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Waits until no timer is due and unfired and no delivery is pending, or `boundMs` passes (the checks then say what is missing). */
async function waitForQuiet(db: Db, deliveries: Delivery[], boundMs: number): Promise<void> {
  const deadline = Date.now() + boundMs;
  while (Date.now() < deadline) {
    const due = await db.collection('timers').countDocuments({ status: 'scheduled', dueAt: { $lte: Date.now() } });
    const pending = await db.collection('outbox_deliveries').countDocuments({ status: 'pending' });
    const entries = await db.collection('outbox').countDocuments({});
    const delivered = new Set(deliveries.map((d) => d.id)).size;
    if (due === 0 && pending === 0 && delivered >= entries) return;
    if (Date.now() % 15_000 < 500) console.log(`[crash] draining: ${due} timers due, ${pending} deliveries pending, ${delivered} of ${entries} outbox entries delivered`);
    await sleep(500);
  }
}
