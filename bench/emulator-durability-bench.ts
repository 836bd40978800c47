/**
 * @module emulator-durability-bench — what durability costs the embedded database: the same writes against the
 * emulator in memory (`--storageEngine inMemory`) and durable under a --dbpath (each command's writes committed to
 * LMDB and flushed before the reply), side by side. Run: `npx tsx bench/emulator-durability-bench.ts [count]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { MongoMemoryReplSet } from 'mongodb-memory-server';
import type { StorageEngine } from 'mongodb-memory-server-core/lib/util/MongoInstance';
import { EMULATOR_VERSION, emulatorBinaryPath } from '../mongo-emulator/src/index';

const count = Number(process.argv[2] ?? 1_000);

/** One intake as the server writes it: a transaction taking the daily counter and inserting the dossier. */
async function measure(durable: boolean): Promise<{ insertsPerSecond: number; intakesPerSecond: number }> {
  const dbPath = mkdtempSync(join(tmpdir(), 'durability-bench-'));
  const replSet = await MongoMemoryReplSet.create({
    replSet: { count: 1, storageEngine: (durable ? 'wiredTiger' : 'inMemory') as StorageEngine },
    instanceOpts: [{ dbPath }],
    binary: { systemBinary: emulatorBinaryPath(), version: EMULATOR_VERSION },
  });
  const client = await MongoClient.connect(replSet.getUri());
  try {
    const db = client.db('bench');
    await db.collection('dossiers').createIndex({ code: 1 }, { unique: true });
    const form = { applicant: 'Nguyễn Văn A', address: 'Số 1, phường Bến Nghé, quận 1', fields: Array.from({ length: 20 }, (_, i) => `giá trị ${i}`) };
    let started = performance.now();
    for (let i = 0; i < count; i += 1) await db.collection('plain').insertOne({ i, form });
    const insertsPerSecond = count / ((performance.now() - started) / 1000);
    started = performance.now();
    for (let i = 0; i < count; i += 1) {
      const session = client.startSession();
      await session.withTransaction(async () => {
        const counter = await db.collection<{ _id: string; seq: number }>('counters').findOneAndUpdate({ _id: 'day' }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: 'after', session });
        await db.collection('dossiers').insertOne({ code: `BENCH-${counter!.seq}`, form }, { session });
      });
      await session.endSession();
    }
    const intakesPerSecond = count / ((performance.now() - started) / 1000);
    return { insertsPerSecond, intakesPerSecond };
  } finally {
    await client.close();
    await replSet.stop({ doCleanup: false });
    rmSync(dbPath, { recursive: true, force: true });
  }
}

const inMemory = await measure(false);
const durable = await measure(true);
const row = (label: string, a: number, b: number) => `| ${label} | ${a.toFixed(0)} | ${b.toFixed(0)} | ${((1 - b / a) * 100).toFixed(0)} % |`;
console.log(`${count} of each, sequential, through the driver (load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)})`);
console.log('| | in memory (/s) | durable (/s) | cost |');
console.log('|---|---|---|---|');
console.log(row('insertOne', inMemory.insertsPerSecond, durable.insertsPerSecond));
console.log(row('intake transaction (counter + dossier)', inMemory.intakesPerSecond, durable.intakesPerSecond));
