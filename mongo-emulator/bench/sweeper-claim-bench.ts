/**
 * @module sweeper-claim-bench: the deadline sweeper's claim through the driver, over 100,000 and 1,000,000 open
 * timers of which 1 % are due: batches of 100 `findOneAndUpdate` claims (as `MongoTimerStore.claimDue`), each
 * followed by `markFired`-style updates. Prints the median and 95th percentile per claim, and a full scan's for scale.
 *
 * Run: `npx tsx mongo-emulator/bench/sweeper-claim-bench.ts [open timers …]` (default 100000 1000000).
 */
import { MongoClient, type Collection as DriverCollection } from 'mongodb';
import { MongoMemoryReplSet } from 'mongodb-memory-server';
import { EMULATOR_VERSION, emulatorBinaryPath } from '../src/index';

const NOW = Date.UTC(2026, 0, 1);
const BATCH = 100;
/** Claims measured per size: enough batches for a stable median without claiming 10,000 timers one by one. */
const CLAIMS = 1_000;

interface Timer {
  _id: string;
  kind: string;
  dossierId: string;
  dueAt: number;
  status: string;
  payload: Record<string, unknown>;
  leaseOwner?: string;
  leaseUntil?: number;
}

function claimFilter(now: number) {
  return { status: 'scheduled', dueAt: { $lte: now }, $or: [{ leaseUntil: { $exists: false } }, { leaseUntil: { $lte: now } }] };
}

/** Open timers, every hundredth one due (in the past), the others spread over the coming 30 days. */
async function load(collection: DriverCollection<Timer>, open: number): Promise<number> {
  const t0 = performance.now();
  for (let start = 0; start < open; start += 10_000) {
    const docs = Array.from({ length: Math.min(10_000, open - start) }, (_, k): Timer => {
      const i = start + k;
      const spread = (i * 7919) % open;
      return { _id: `timer-${i}`, kind: 'deadline', dossierId: `HS-${i % 20_000}`, status: 'scheduled', payload: { rung: 'due' }, dueAt: i % 100 === 0 ? NOW - 1 - spread : NOW + 1 + spread * 2_592 };
    });
    await collection.insertMany(docs, { ordered: false });
  }
  return performance.now() - t0;
}

function percentile(sorted: number[], p: number): number {
  return Number(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!.toFixed(2));
}

/** Claims in batches of 100 and fires each batch, timing every claim. */
async function claimAndFire(collection: DriverCollection<Timer>, claims: number): Promise<{ medianMs: number; p95Ms: number; claimed: number }> {
  const times: number[] = [];
  while (times.length < claims) {
    const batch: string[] = [];
    while (batch.length < BATCH && times.length < claims) {
      const t0 = performance.now();
      const timer = await collection.findOneAndUpdate(claimFilter(NOW), { $set: { leaseOwner: 'bench', leaseUntil: NOW + 60_000 } }, { sort: { dueAt: 1 }, returnDocument: 'after' });
      times.push(performance.now() - t0);
      if (!timer) break;
      batch.push(timer._id);
    }
    for (const id of batch) await collection.updateOne({ _id: id, status: 'scheduled', leaseOwner: 'bench' }, { $set: { status: 'fired' } });
    if (batch.length < BATCH) break;
  }
  times.sort((a, b) => a - b);
  return { medianMs: percentile(times, 0.5), p95Ms: percentile(times, 0.95), claimed: times.length };
}

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const replSet = await MongoMemoryReplSet.create({ replSet: { count: 1, storageEngine: 'wiredTiger' }, binary: { systemBinary: emulatorBinaryPath(), version: EMULATOR_VERSION } });
const client = await MongoClient.connect(replSet.getUri());
try {
  const db = client.db('bench');
  const results: Record<string, unknown>[] = [];
  for (const open of sizes.length > 0 ? sizes : [100_000, 1_000_000]) {
    const timers = db.collection<Timer>(`timers_${open}`);
    // The indexes of server/src/persistence/mongo/timer-model.ts.
    await timers.createIndex({ status: 1, dueAt: 1 });
    await timers.createIndex({ dossierId: 1, dueAt: 1 });
    const loadMs = await load(timers, open);
    const claims = await claimAndFire(timers, CLAIMS);
    results.push({ open, due: open / 100, loadMs: Math.round(loadMs), perClaim: claims });
    await timers.drop();
  }
  // For scale: the same claim with no usable index scans and sorts every document (20 claims over 100,000).
  const plain = db.collection<Timer>('timers_scan');
  await load(plain, 100_000);
  const scan = await claimAndFire(plain, 20);
  console.log(JSON.stringify({ claimWithStatusDueAtIndex: results, claimFullScan100k: scan }, null, 2));
} finally {
  await client.close();
  await replSet.stop();
}
