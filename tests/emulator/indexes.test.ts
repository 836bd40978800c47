import { MongoServerError, type Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmulator, type RunningEmulator } from './start-emulator';

let emulator: RunningEmulator;
let db: Db;

beforeAll(async () => {
  // The TTL monitor runs every second here instead of every minute (mongod's ttlMonitorSleepSecs parameter).
  emulator = await startEmulator({}, ['--setParameter', 'ttlMonitorSleepSecs=1']);
  db = emulator.client.db('indexes');
});
afterAll(async () => emulator?.stop());

async function errorOf(promise: Promise<unknown>): Promise<MongoServerError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof MongoServerError)) throw new Error(`expected a MongoServerError, got ${String(error)}`);
  return error;
}

describe('indexes in the emulator', () => {
  it('refuses a second document with the same unique key, naming the index and key like mongod', async () => {
    // given
    const citizens = db.collection('citizens');
    await citizens.createIndex({ nationalId: 1 }, { unique: true });
    await citizens.insertOne({ nationalId: '001099000123', name: 'An' });
    // when
    const error = await errorOf(citizens.insertOne({ nationalId: '001099000123', name: 'Binh' }));
    // then
    expect(error.code).toBe(11000);
    expect(error.message).toBe('E11000 duplicate key error collection: indexes.citizens index: nationalId_1 dup key: { nationalId: "001099000123" }');
    expect(error.keyPattern).toEqual({ nationalId: 1 });
    expect(error.keyValue).toEqual({ nationalId: '001099000123' });
    expect(await citizens.countDocuments()).toBe(1);
  });

  it('enforces a compound unique index on the combination only, also on update and upsert', async () => {
    // given
    const steps = db.collection('dossier-steps');
    await steps.createIndex({ dossierId: 1, stepId: 1 }, { unique: true, name: 'dossier_step' });
    await steps.insertMany([{ dossierId: 'd1', stepId: 's1' }, { dossierId: 'd1', stepId: 's2' }, { dossierId: 'd2', stepId: 's1' }]);
    // when
    const onUpdate = await errorOf(steps.updateOne({ dossierId: 'd1', stepId: 's2' }, { $set: { stepId: 's1' } }));
    const onUpsert = await errorOf(steps.updateOne({ dossierId: 'd9' }, { $set: { dossierId: 'd2', stepId: 's1' } }, { upsert: true }));
    // then
    expect(onUpdate.code).toBe(11000);
    expect(onUpdate.keyPattern).toEqual({ dossierId: 1, stepId: 1 });
    expect(onUpdate.keyValue).toEqual({ dossierId: 'd1', stepId: 's1' });
    expect(onUpdate.message).toContain('index: dossier_step dup key: { dossierId: "d1", stepId: "s1" }');
    expect(onUpsert.code).toBe(11000);
    expect(await steps.countDocuments()).toBe(3);
  });

  it('reports each duplicate of an unordered insertMany and keeps the others', async () => {
    // given
    const codes = db.collection('codes');
    await codes.createIndex({ code: 1 }, { unique: true });
    // when
    const error = await errorOf(codes.insertMany([{ code: 'a' }, { code: 'a' }, { code: 'b' }, { code: 'b' }], { ordered: false }));
    // then
    expect(error.code).toBe(11000);
    expect((error as unknown as { writeErrors: unknown[] }).writeErrors).toHaveLength(2);
    expect(await codes.countDocuments()).toBe(2);
  });

  it('refuses to build a unique index over existing duplicates', async () => {
    // given
    const emails = db.collection('emails');
    await emails.insertMany([{ email: 'x@gov.vn' }, { email: 'x@gov.vn' }]);
    // when
    const error = await errorOf(emails.createIndex({ email: 1 }, { unique: true }));
    // then
    expect(error.code).toBe(11000);
    expect((await emails.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_']);
  });

  it('enforces a partial unique index only on the documents its filter selects', async () => {
    // given
    const assignments = db.collection('assignments');
    await assignments.createIndex({ taskId: 1 }, { unique: true, partialFilterExpression: { active: true }, name: 'one_active_per_task' });
    await assignments.insertMany([{ taskId: 't1', active: false }, { taskId: 't1', active: false }, { taskId: 't1', active: true }]);
    // when
    const error = await errorOf(assignments.insertOne({ taskId: 't1', active: true }));
    // then
    expect(error.code).toBe(11000);
    expect(error.message).toContain('index: one_active_per_task');
    expect(await assignments.countDocuments({ taskId: 't1' })).toBe(3);
  });

  it('removes documents whose TTL index date has expired, and only those', async () => {
    // given
    const sessions = db.collection('sessions-ttl');
    await sessions.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 });
    const hour = 3_600_000;
    await sessions.insertMany([
      { name: 'expired', expiresAt: new Date(Date.now() - hour) },
      { name: 'expired-array', expiresAt: [new Date(Date.now() + hour), new Date(Date.now() - hour)] },
      { name: 'fresh', expiresAt: new Date(Date.now() + hour) },
      { name: 'not-a-date', expiresAt: 'yesterday' },
      { name: 'no-field' },
    ]);
    // when
    await vi.waitFor(async () => expect(await sessions.countDocuments({ name: /^expired/ })).toBe(0), { timeout: 30_000, interval: 100 });
    // then
    expect((await sessions.find({}).toArray()).map((d) => d.name).sort()).toEqual(['fresh', 'no-field', 'not-a-date']);
  });

  it('lists and drops indexes', async () => {
    // given
    const timers = db.collection('timers');
    await timers.createIndex({ dueAt: 1 });
    await timers.createIndex({ agency: 1, dueAt: -1 }, { name: 'agency_due' });
    // when
    const before = await timers.listIndexes().toArray();
    await timers.dropIndex('agency_due');
    const after = await timers.indexes();
    const missing = await errorOf(timers.dropIndex('no_such_index'));
    // then
    expect(before.map((i) => [i.name, i.key])).toEqual([['_id_', { _id: 1 }], ['dueAt_1', { dueAt: 1 }], ['agency_due', { agency: 1, dueAt: -1 }]]);
    expect(after.map((i) => i.name)).toEqual(['_id_', 'dueAt_1']);
    expect(missing.code).toBe(27);
  });

  it('answers range, equality, $or and sorted-limit queries through an index exactly as a full scan does', async () => {
    // given
    const indexed = db.collection('deadlines-indexed');
    const plain = db.collection('deadlines-plain');
    await indexed.createIndex({ dueAt: 1 });
    await indexed.createIndex({ state: 1, dueAt: 1 });
    const docs = Array.from({ length: 500 }, (_, i) => ({
      n: i,
      state: i % 3 === 0 ? 'open' : 'closed',
      ...(i % 7 === 0 ? {} : { dueAt: i % 11 === 0 ? `text-${i}` : new Date(Date.UTC(2026, 0, 1) + ((i * 37) % 500) * 3_600_000) }),
    }));
    await indexed.insertMany(docs.map((d) => ({ ...d })));
    await plain.insertMany(docs.map((d) => ({ ...d })));
    await indexed.deleteMany({ n: { $gte: 480 } });
    await plain.deleteMany({ n: { $gte: 480 } });
    const cut = new Date(Date.UTC(2026, 0, 10));
    const filters = [
      { dueAt: { $lte: cut } },
      { dueAt: { $gt: cut, $lt: new Date(Date.UTC(2026, 0, 15)) } },
      { state: 'open', dueAt: { $lte: cut } },
      { dueAt: { $in: [new Date(Date.UTC(2026, 0, 1)), 'text-11'] } },
      { dueAt: null },
      { dueAt: { $gte: 'text-2' } },
      { $or: [{ dueAt: { $lte: new Date(Date.UTC(2026, 0, 2)) } }, { state: 'open', dueAt: 'text-33' }] },
    ];
    for (const filter of filters) {
      // when
      const viaIndex = (await indexed.find(filter, { projection: { _id: 0, n: 1 } }).toArray()).map((d) => d.n).sort((a, b) => a - b);
      const viaScan = (await plain.find(filter, { projection: { _id: 0, n: 1 } }).toArray()).map((d) => d.n).sort((a, b) => a - b);
      // then
      expect(viaIndex, JSON.stringify(filter)).toEqual(viaScan);
    }
    expect((await plain.find({ dueAt: { $lte: cut } }).toArray()).length).toBeGreaterThan(0);
    const sorted = [
      { filter: { dueAt: { $exists: true } }, sort: { dueAt: 1 as const }, skip: 5, limit: 30 },
      { filter: { n: { $gte: 100 } }, sort: { dueAt: -1 as const }, skip: 0, limit: 15 },
    ];
    for (const { filter, sort, skip, limit } of sorted) {
      // when
      const viaIndex = (await indexed.find(filter).sort(sort).skip(skip).limit(limit).toArray()).map((d) => d.n);
      const viaScan = (await plain.find(filter).sort(sort).skip(skip).limit(limit).toArray()).map((d) => d.n);
      // then
      expect(viaIndex, JSON.stringify({ filter, sort })).toEqual(viaScan);
      expect(viaIndex).toHaveLength(limit);
    }
  });
});
