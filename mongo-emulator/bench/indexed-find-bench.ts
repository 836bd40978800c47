/** @module indexed-find-bench: prints how long find({ dueAt: { $lte: x } }) takes over 100,000 documents, with and without an index. */
import { MongoClient } from 'mongodb';
import { MongoMemoryReplSet } from 'mongodb-memory-server';
import { Collection } from '../src/collection';
import { EMULATOR_VERSION, emulatorBinaryPath } from '../src/index';
import { WriteClock } from '../src/write-clock';

const DOCUMENTS = 100_000;
const RUNS = 20;
const start = Date.UTC(2026, 0, 1);

async function timeFind(run: () => Promise<number>): Promise<{ medianMs: number; matched: number }> {
  const times: number[] = [];
  let matched = 0;
  for (let i = 0; i < RUNS; i += 1) {
    const t0 = performance.now();
    matched = await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { medianMs: Number(times[Math.floor(RUNS / 2)]!.toFixed(2)), matched };
}

const replSet = await MongoMemoryReplSet.create({ replSet: { count: 1, storageEngine: 'wiredTiger' }, binary: { systemBinary: emulatorBinaryPath(), version: EMULATOR_VERSION } });
const client = await MongoClient.connect(replSet.getUri());
try {
  const db = client.db('bench');
  const docs = Array.from({ length: DOCUMENTS }, (_, i) => ({ dossierId: `HS-${i}`, state: i % 4 === 0 ? 'closed' : 'open', dueAt: new Date(start + ((i * 7919) % DOCUMENTS) * 60_000) }));
  const indexed = db.collection('indexed');
  const plain = db.collection('plain');
  await indexed.createIndex({ dueAt: 1 });
  let t0 = performance.now();
  await indexed.insertMany(docs.map((d) => ({ ...d })));
  const insertMs = performance.now() - t0;
  await plain.insertMany(docs.map((d) => ({ ...d })));
  const cut = new Date(start + 1000 * 60_000); // 1% of the documents are due
  const withIndex = await timeFind(async () => (await indexed.find({ dueAt: { $lte: cut } }).toArray()).length);
  const withoutIndex = await timeFind(async () => (await plain.find({ dueAt: { $lte: cut } }).toArray()).length);
  const latestWithIndex = await timeFind(async () => (await indexed.find({ state: 'open' }).sort({ dueAt: -1 }).limit(20).toArray()).length);
  const latestWithoutIndex = await timeFind(async () => (await plain.find({ state: 'open' }).sort({ dueAt: -1 }).limit(20).toArray()).length);
  t0 = performance.now();
  await indexed.updateOne({ dossierId: 'HS-5' }, { $set: { dueAt: new Date(start) } });
  const afterWrite = await timeFind(async () => (await indexed.find({ dueAt: { $lte: cut } }).toArray()).length);
  // The same query in process, without the wire and BSON round trip: what the index itself saves.
  const inProcessIndexed = new Collection('bench.memory', {}, new WriteClock());
  const inProcessPlain = new Collection('bench.memory-plain', {}, new WriteClock());
  inProcessIndexed.indexes.create({ key: { dueAt: 1 }, name: 'dueAt_1' }, []);
  for (const [i, d] of docs.entries()) {
    inProcessIndexed.insert({ _id: i, ...d });
    inProcessPlain.insert({ _id: i, ...d });
  }
  const inProcess = {
    withIndex: await timeFind(async () => inProcessIndexed.find({ dueAt: { $lte: cut } }).length),
    fullScan: await timeFind(async () => inProcessPlain.find({ dueAt: { $lte: cut } }).length),
  };
  console.log(JSON.stringify({ documents: DOCUMENTS, inProcess, insertManyWithIndexMs: Math.round(insertMs), findLteWithIndex: withIndex, findLteFullScan: withoutIndex, findLteWithIndexAfterOneUpdate: afterWrite, sortedLimit20WithIndex: latestWithIndex, sortedLimit20FullSort: latestWithoutIndex }, null, 2));
} finally {
  await client.close();
  await replSet.stop();
}
