/**
 * @module sweep-bench — the deadline sweeper's cost: claim and fire every due timer among n open ones, and show that
 * it grows with the number due, not the number open. In memory at 10k / 100k / 1M open; through the mongoose adapter
 * on the embedded database at 10k / 100k. Run: `npm run bench:sweep` (prints a table; no assertion).
 */
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Stores } from '../server/src/stores';
import { createMemoryStores } from '../server/src/persistence/memory/create-memory-stores';
import { connectMongoose } from '../server/src/persistence/mongo/connect-mongoose';
import { createMongoStores } from '../server/src/persistence/mongo/create-mongo-stores';
import { startDatabase } from '../server/src/persistence/mongo/start-database';

const now = Date.UTC(2026, 10, 21, 2, 0);
const hourMs = 3_600_000;
const leaseMs = 60_000;
const batch = 500;

/** A full collection before each timed sweep, so the figure is the sweep's and not the setup's garbage. */
v8.setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

interface Row {
  adapter: string;
  open: number;
  due: number;
  setupMs: number;
  /** Median over the rounds. */
  sweepMs: number;
  rounds: number;
}

type BenchTimer = { id: string; kind: string; dossierId: string; dueAt: number; payload: Record<string, unknown> };

/**
 * Round r's `due` timers fall in the hour before `now + r h`; the others over the 30 days after the last round, in
 * random order. Each round then sweeps exactly `due` timers with all the others still open.
 */
function timerAt(i: number, due: number, rounds: number): BenchTimer {
  const round = Math.floor(i / due);
  const dueAt =
    round < rounds
      ? now + round * hourMs - Math.floor(Math.random() * hourMs)
      : now + rounds * hourMs + 1 + Math.floor(Math.random() * 30 * 24 * hourMs);
  return { id: `timer-${i}`, kind: 'step.overdue', dossierId: `dossier-${i % 50_000}`, dueAt, payload: { rung: 0 } };
}

/** Claims and fires until nothing is due at `at`; returns how many fired. */
async function sweep(stores: Stores, at: number): Promise<number> {
  let fired = 0;
  for (;;) {
    const claimed = await stores.timers.claimDue(at, 'bench-sweeper', leaseMs, batch);
    if (claimed.length === 0) return fired;
    for (const timer of claimed) if (await stores.timers.markFired(timer.id, 'bench-sweeper', at)) fired += 1;
  }
}

async function measure(
  adapter: string,
  open: number,
  due: number,
  rounds: number,
  load: (timers: BenchTimer[]) => Promise<Stores>,
): Promise<Row> {
  const timers = Array.from({ length: open }, (_, i) => timerAt(i, due, rounds));
  const setupStart = performance.now();
  const stores = await load(timers);
  const setupMs = performance.now() - setupStart;
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    collectGarbage();
    const sweepStart = performance.now();
    const fired = await sweep(stores, now + round * hourMs);
    times.push(performance.now() - sweepStart);
    if (fired !== due) throw new Error(`${adapter} ${open}: fired ${fired} of ${due} due timers in round ${round}`);
  }
  const sweepMs = times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  return { adapter, open, due, setupMs, sweepMs, rounds };
}

async function inMemory(timers: BenchTimer[]): Promise<Stores> {
  const stores = createMemoryStores();
  for (const timer of timers) await stores.timers.schedule(timer);
  return stores;
}

function print(rows: Row[]): void {
  const line = (cells: string[]) => `| ${cells.map((cell, i) => (i < 1 ? cell.padEnd(18) : cell.padStart(11))).join(' | ')} |`;
  console.log(line(['adapter', 'open', 'due', 'setup ms', 'sweep ms', 'µs per due', 'rounds']));
  console.log(line(['-'.repeat(18), ...Array(6).fill('-'.repeat(11))]));
  for (const row of rows) {
    const perDue = (row.sweepMs * 1000) / Math.max(1, row.due);
    console.log(line([row.adapter, row.open.toLocaleString('en'), row.due.toLocaleString('en'), row.setupMs.toFixed(0), row.sweepMs.toFixed(1), perDue.toFixed(1), String(row.rounds)]));
  }
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  console.log('Sweep: claimDue(now, owner, 60 s lease, 500) + markFired until nothing is due; median of the rounds.\n');
  // 1 % due at each size, then a fixed 1,000 due at each size: the second series stays flat if the cost
  // follows the number due and not the number open.
  for (const open of [1_000_000, 100_000, 10_000]) rows.push(await measure('memory 1% due', open, open / 100, 5, inMemory));
  for (const open of [1_000_000, 100_000, 10_000]) rows.push(await measure('memory 1,000 due', open, 1_000, 5, inMemory));

  const logger = { info: () => undefined, warn: (_: object, message: string) => console.warn(message) };
  const database = await startDatabase({ uri: process.env.MONGODB_URI, logger });
  const connection = await connectMongoose(database.uri, { dbName: `sweep-bench-${process.pid}` });
  const backend = database.backend;
  try {
    const inMongo = async (timers: BenchTimer[]): Promise<Stores> => {
      await connection.dropDatabase();
      const stores = await createMongoStores(connection);
      // Bulk-loaded straight into the collection: setup is not what is measured, and one schedule() per timer
      // would take minutes. The documents are what MongoTimerStore.schedule writes.
      const documents = timers.map(({ id, ...timer }) => ({ _id: id, ...timer, status: 'scheduled' }));
      for (let i = 0; i < documents.length; i += 1_000) await connection.collection('timers').insertMany(documents.slice(i, i + 1_000) as never[]);
      return stores;
    };
    // A fixed 100 due among 100k and 10k open, then 1 % of 10k. (1 % of 100k through findOneAndUpdate one by one
    // is left out: on the emulator each claim costs a scan of the scheduled timers, see the README.)
    rows.push(await measure(`mongoose/${backend}`, 100_000, 100, 1, inMongo));
    rows.push(await measure(`mongoose/${backend}`, 10_000, 100, 3, inMongo));
    rows.push(await measure(`mongoose/${backend}`, 10_000, 1_000, 1, inMongo));
    await connection.dropDatabase();
  } finally {
    await connection.close();
    await database.stop();
  }
  console.log('');
  print(rows);
  console.log(`\nmongoose adapter on: ${backend}${backend === 'emulator' ? ' (the wire-protocol emulator, NOT MongoDB)' : ''}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
