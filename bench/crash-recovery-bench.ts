/**
 * Recovery after a kill (issue 13): what one SIGKILL of a server process costs the counter and the inboxes.
 *
 *   npm run bench:recovery                      5 kills, the product's defaults (mongod's 60 s transaction lifetime)
 *   npm run bench:recovery -- --kills 3 --lifetime 5
 *
 * Two server processes on one emulator replica set. Four counter workers receive dossiers and two workers complete
 * the counter steps, spread round-robin over the live processes by the crash test's client (a call whose process died
 * is sent again with the same Idempotency-Key to the other one). Once the flow is steady, one process is SIGKILLed
 * while it has requests in flight and started again; then, per kill:
 * - **flows again**: from the kill to the first success of a request *sent after* the kill (intake, completion);
 * - **interrupted answered**: from the kill to the last answer of the requests that were in flight at the kill;
 * - the causes seen by the client: time waiting for a key still locked by the dead request (409
 *   IDEMPOTENCY_IN_PROGRESS) and time spent by the server on the last attempt (a write conflict with the dead
 *   process's open transaction shows here), beside the steady median latency as the physical baseline.
 * Never asserts; prints a table and writes bench/results/recovery.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CrashClient, REPO_ROOT, ServerCluster, startSharedDatabase, type CallTrace } from '../tests/reliability/crash/crash-harness';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const KILLS = option('--kills', 5);
/** mongod's transactionLifetimeLimitSeconds: 60 is MongoDB's default, what a production deployment has unless set. */
const LIFETIME_S = option('--lifetime', 60);
const PROCEDURE_KEY = 'recovery-bench-procedure';
const OBSERVE_MS = LIFETIME_S * 1000 + 60_000;

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

interface Call {
  kind: 'intake' | 'complete';
  sentAt: number;
  /** Unset while the call is in flight. */
  answeredAt?: number;
  ok?: boolean;
  trace?: CallTrace;
}

/** Records the call when it is sent and completes the record when it is answered. */
async function recorded(calls: Call[], kind: Call['kind'], ok: number, send: () => Promise<{ status: number; trace: CallTrace }>): Promise<void> {
  const call: Call = { kind, sentAt: Date.now() };
  calls.push(call);
  const answer = await send();
  Object.assign(call, { answeredAt: Date.now(), ok: answer.status === ok, trace: answer.trace });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor(sorted.length / 2)]!;
};

async function main(): Promise<void> {
  const database = await startSharedDatabase({ transactionLifetimeS: LIFETIME_S });
  const cluster = await ServerCluster.start({
    processes: 2,
    env: { MONGODB_URI: database.uri, MONGODB_DB: 'lienthong-recovery', SESSION_SECRET: 'recovery-bench-session-secret-0123456789abcdef', SEED_DEMO: '1', LOG_LEVEL: 'error' },
  });
  const client = new CrashClient({ cluster, callTimeoutMs: OBSERVE_MS + 60_000, maxInFlight: 12 });
  const calls: Call[] = [];
  let stop = false;
  try {
    for (const user of ['analyst', 'official.motcua']) await client.signIn(user);
    const xml = readFileSync(resolve(REPO_ROOT, 'tests/reliability/crash/crash-procedure.bpmn'), 'utf8');
    const deployed = await client.call('analyst', 'POST', '/api/procedures', { key: PROCEDURE_KEY, xml }, 'deploy-recovery');
    if (deployed.status !== 201) throw new Error(`deploy: ${deployed.status} ${JSON.stringify(deployed.body)}`);

    let n = 0;
    const intake = async () => {
      while (!stop) {
        const i = n++;
        await recorded(calls, 'intake', 201, () =>
          client.call('official.motcua', 'POST', '/api/dossiers', {
            procedureKey: PROCEDURE_KEY,
            applicant: { name: `Người nộp ${i}`, idNumber: `RECOV${String(i).padStart(7, '0')}` },
          }, `recovery-receive-${i}`),
        );
      }
    };
    const taken = new Set<string>();
    const complete = async () => {
      while (!stop) {
        const inbox = await client.call<{ items: { id: string }[] }>('official.motcua', 'GET', '/api/inbox?scope=department&limit=20');
        const step = inbox.status === 200 ? inbox.body.items.find((item) => !taken.has(item.id)) : undefined;
        if (!step) {
          await sleep(50);
          continue;
        }
        taken.add(step.id);
        await recorded(calls, 'complete', 200, () =>
          client.call('official.motcua', 'POST', `/api/steps/${step.id}/complete`, { decision: 'approve' }, `recovery-complete-${step.id}`),
        );
      }
    };
    const workers = [intake(), intake(), intake(), intake(), complete(), complete()];

    await sleep(8_000);
    const rows: Record<string, number | undefined>[] = [];
    for (let k = 0; k < KILLS; k += 1) {
      const victim = k % 2;
      const killedAt = Date.now();
      const restarted = cluster.killAndRestart(victim);
      // Observe until both kinds flow again and every interrupted request is answered (or the observation ends).
      const observeUntil = killedAt + OBSERVE_MS;
      for (;;) {
        await sleep(250);
        const row = recoveryOf(calls, killedAt);
        if ((row.intakeFlowsMs !== undefined && row.completeFlowsMs !== undefined && row.interruptedPending === 0) || Date.now() > observeUntil) break;
      }
      await restarted;
      await sleep(3_000);
      const row = recoveryOf(calls, killedAt);
      rows.push({ kill: k + 1, ...row });
      console.log(`[recovery] kill ${k + 1}: ${JSON.stringify(row)}`);
    }
    stop = true;
    await Promise.all(workers);

    const steady = calls.filter((c) => c.ok && c.trace?.attempts === 1);
    const latency = (kind: Call['kind']) => median(steady.filter((c) => c.kind === kind).map((c) => c.answeredAt! - c.sentAt));
    const summary = {
      transactionLifetimeS: LIFETIME_S,
      kills: KILLS,
      steadyMedianMs: { intake: latency('intake'), complete: latency('complete') },
      medianOverKills: Object.fromEntries(['intakeFlowsMs', 'completeFlowsMs', 'interruptedAnsweredMs', 'lockWaitMs', 'slowestServerAttemptMs'].map((key) => [key, median(rows.map((row) => Number(row[key])).filter(Number.isFinite))])),
      rows,
    };
    console.table(rows);
    console.log(`[recovery] steady median latency: intake ${summary.steadyMedianMs.intake} ms, completion ${summary.steadyMedianMs.complete} ms`);
    console.log(`[recovery] median over ${KILLS} kills: ${JSON.stringify(summary.medianOverKills)}`);
    mkdirSync(resolve(REPO_ROOT, 'bench/results'), { recursive: true });
    writeFileSync(resolve(REPO_ROOT, 'bench/results/recovery.json'), JSON.stringify(summary, null, 2));
  } finally {
    stop = true;
    await cluster.stop();
    await database.stop();
  }
}

/** The figures of one kill, from the calls recorded so far. */
function recoveryOf(calls: Call[], killedAt: number) {
  const answered = calls.filter((c) => c.answeredAt !== undefined);
  const after = (kind: Call['kind']) => answered.filter((c) => c.kind === kind && c.ok && c.sentAt > killedAt).map((c) => c.answeredAt! - killedAt);
  const interrupted = calls.filter((c) => c.sentAt <= killedAt && (c.answeredAt === undefined || c.answeredAt > killedAt));
  const done = interrupted.filter((c) => c.answeredAt !== undefined);
  const firstOf = (values: number[]) => (values.length ? Math.min(...values) : undefined);
  return {
    intakeFlowsMs: firstOf(after('intake')),
    completeFlowsMs: firstOf(after('complete')),
    interrupted: interrupted.length,
    interruptedPending: interrupted.length - done.length,
    interruptedAnsweredMs: done.length ? Math.max(...done.map((c) => c.answeredAt! - killedAt)) : 0,
    lockWaitMs: done.reduce((max, c) => Math.max(max, c.trace!.lockWaitMs), 0),
    slowestServerAttemptMs: answered.filter((c) => c.answeredAt! > killedAt && c.sentAt < killedAt + 10_000).reduce((max, c) => Math.max(max, c.trace!.lastAttemptMs), 0),
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
