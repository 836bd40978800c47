import type { Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './start-emulator';

let emulator: RunningEmulator;
let db: Db;

beforeAll(async () => {
  emulator = await startEmulator();
  db = emulator.client.db('crud');
});
afterAll(async () => emulator?.stop());

describe('CRUD through the emulator', () => {
  it('finds inserted documents by filter, sort, skip, limit and projection', async () => {
    // given
    const dossiers = db.collection('dossiers-find');
    await dossiers.insertMany([
      { code: 'A', agency: 'land', days: 5, tags: ['urgent'] },
      { code: 'B', agency: 'land', days: 12, tags: [] },
      { code: 'C', agency: 'tax', days: 3, tags: ['urgent', 'paper'] },
      { code: 'D', agency: 'land', days: 9 },
    ]);
    // when
    const found = await dossiers.find({ agency: 'land', days: { $gt: 4 } }, { projection: { _id: 0, code: 1 } }).sort({ days: -1 }).skip(1).limit(2).toArray();
    const urgent = await dossiers.find({ tags: 'urgent' }).sort({ code: 1 }).toArray();
    // then
    expect(found).toEqual([{ code: 'D' }, { code: 'A' }]);
    expect(urgent.map((d) => d.code)).toEqual(['A', 'C']);
  });

  it('applies update operators and reports matched and modified counts', async () => {
    // given
    interface Step { _id: string; status: string; attempts: number; history: string[]; meta: { owner: string }; missing?: string }
    const steps = db.collection<Step>('steps-update');
    await steps.insertOne({ _id: 'step-1', status: 'open', attempts: 1, history: ['created'], meta: { owner: 'an' } });
    // when
    const result = await steps.updateOne(
      { _id: 'step-1' },
      { $set: { status: 'done', 'meta.owner': 'binh' }, $inc: { attempts: 2 }, $push: { history: 'closed' }, $unset: { missing: '' } },
    );
    const unchanged = await steps.updateOne({ _id: 'step-1' }, { $set: { status: 'done' } });
    // then
    expect(result.matchedCount).toBe(1);
    expect(result.modifiedCount).toBe(1);
    expect(unchanged.modifiedCount).toBe(0);
    expect(await steps.findOne({ _id: 'step-1' })).toEqual({ _id: 'step-1', status: 'done', attempts: 3, history: ['created', 'closed'], meta: { owner: 'binh' } });
  });

  it('updates array elements selected by arrayFilters and many documents with multi', async () => {
    // given
    const grades = db.collection('grades');
    await grades.insertMany([{ k: 1, scores: [95, 102, 90] }, { k: 2, scores: [101, 80] }]);
    // when
    const many = await grades.updateMany({}, { $set: { 'scores.$[high]': 100 } }, { arrayFilters: [{ high: { $gt: 100 } }] });
    // then
    expect(many.modifiedCount).toBe(2);
    expect((await grades.find({}, { projection: { _id: 0 } }).sort({ k: 1 }).toArray()).map((d) => d.scores)).toEqual([[95, 100, 90], [100, 80]]);
  });

  it('inserts on upsert using the filter equalities and $setOnInsert', async () => {
    // given
    const counters = db.collection('counters');
    // when
    const first = await counters.updateOne({ name: 'dossier-seq' }, { $inc: { value: 1 }, $setOnInsert: { createdBy: 'system' } }, { upsert: true });
    const second = await counters.updateOne({ name: 'dossier-seq' }, { $inc: { value: 1 }, $setOnInsert: { createdBy: 'other' } }, { upsert: true });
    // then
    expect(first.upsertedCount).toBe(1);
    expect(first.upsertedId).toBeTruthy();
    expect(second.upsertedCount).toBe(0);
    expect(await counters.findOne({ name: 'dossier-seq' }, { projection: { _id: 0 } })).toEqual({ name: 'dossier-seq', value: 2, createdBy: 'system' });
  });

  it('runs a pipeline-style update', async () => {
    // given
    const items = db.collection('pipeline-update');
    await items.insertOne({ k: 1, price: 10, qty: 3 });
    // when
    await items.updateOne({ k: 1 }, [{ $set: { total: { $multiply: ['$price', '$qty'] } } }]);
    // then
    expect((await items.findOne({ k: 1 }))?.total).toBe(30);
  });

  it('returns the document before or after findOneAndUpdate as asked', async () => {
    // given
    const tasks = db.collection('tasks-fam');
    await tasks.insertOne({ name: 'review', version: 1 });
    // when
    const before = await tasks.findOneAndUpdate({ name: 'review' }, { $inc: { version: 1 } }, { returnDocument: 'before' });
    const after = await tasks.findOneAndUpdate({ name: 'review' }, { $inc: { version: 1 } }, { returnDocument: 'after', projection: { _id: 0 } });
    const upserted = await tasks.findOneAndUpdate({ name: 'sign' }, { $set: { version: 7 } }, { upsert: true, returnDocument: 'after' });
    const removed = await tasks.findOneAndDelete({ name: 'review' });
    // then
    expect(before?.version).toBe(1);
    expect(after).toEqual({ name: 'review', version: 3 });
    expect(upserted?.version).toBe(7);
    expect(removed?.version).toBe(3);
    expect(await tasks.countDocuments()).toBe(1);
  });

  it('replaces a document but refuses to change its _id', async () => {
    // given
    const docs = db.collection('replace');
    const { insertedId } = await docs.insertOne({ a: 1, b: 2 });
    // when
    await docs.replaceOne({ _id: insertedId }, { c: 3 });
    const changeId = await docs.updateOne({ _id: insertedId }, { $set: { _id: 'other' as never } }).catch((error: unknown) => error);
    // then
    expect(await docs.findOne({ _id: insertedId })).toEqual({ _id: insertedId, c: 3 });
    expect(changeId).toMatchObject({ code: 66 });
  });

  it('deletes one or many documents', async () => {
    // given
    const logs = db.collection('logs-delete');
    await logs.insertMany([{ level: 'debug' }, { level: 'debug' }, { level: 'debug' }, { level: 'info' }]);
    // when
    const one = await logs.deleteOne({ level: 'debug' });
    const many = await logs.deleteMany({ level: 'debug' });
    // then
    expect(one.deletedCount).toBe(1);
    expect(many.deletedCount).toBe(2);
    expect(await logs.countDocuments()).toBe(1);
  });

  it('counts and lists distinct values, including array elements', async () => {
    // given
    const permits = db.collection('permits');
    await permits.insertMany([{ agency: 'land', kinds: ['a', 'b'] }, { agency: 'tax', kinds: ['b'] }, { agency: 'land', kinds: ['c'] }]);
    // when
    const estimated = await permits.estimatedDocumentCount();
    const counted = await permits.countDocuments({ agency: 'land' });
    const agencies = await permits.distinct('agency');
    const kinds = await permits.distinct('kinds', { agency: 'land' });
    // then
    expect(estimated).toBe(3);
    expect(counted).toBe(2);
    expect(agencies.sort()).toEqual(['land', 'tax']);
    expect(kinds.sort()).toEqual(['a', 'b', 'c']);
  });

  it('aggregates with $match, $group, $sort, $lookup, $unwind, $facet and $count', async () => {
    // given
    const agencies = db.collection('agencies');
    const cases = db.collection('cases');
    await agencies.insertMany([{ code: 'land', name: 'Land office' }, { code: 'tax', name: 'Tax office' }]);
    await cases.insertMany([{ agency: 'land', days: 4 }, { agency: 'land', days: 6 }, { agency: 'tax', days: 2 }, { agency: 'tax', days: 1, closed: true }]);
    // when
    const perAgency = await cases
      .aggregate([
        { $match: { closed: { $ne: true } } },
        { $group: { _id: '$agency', total: { $sum: '$days' }, n: { $sum: 1 } } },
        { $sort: { total: -1 } },
        { $lookup: { from: 'agencies', localField: '_id', foreignField: 'code', as: 'agency' } },
        { $unwind: '$agency' },
        { $project: { _id: 0, name: '$agency.name', total: 1, n: 1 } },
      ])
      .toArray();
    const [facets] = await cases.aggregate([{ $facet: { open: [{ $match: { closed: { $ne: true } } }, { $count: 'n' }], all: [{ $count: 'n' }] } }]).toArray();
    // then
    expect(perAgency).toEqual([{ name: 'Land office', total: 10, n: 2 }, { name: 'Tax office', total: 2, n: 1 }]);
    expect(facets).toEqual({ open: [{ n: 3 }], all: [{ n: 4 }] });
  });

  it('reports the number of collections, documents and indexes in dbStats', async () => {
    // given
    const stats = emulator.client.db('crud-stats');
    await stats.collection('a').insertMany([{ x: 1 }, { x: 2 }]);
    await stats.collection('b').createIndex({ y: 1 });
    // when
    const reply = await stats.stats();
    // then
    expect(reply).toMatchObject({ db: 'crud-stats', collections: 2, objects: 2, indexes: 3 });
    expect(reply.dataSize).toBeGreaterThan(0);
  });

  it('reports dates and ObjectIds with their BSON types intact', async () => {
    // given
    const events = db.collection('events');
    const at = new Date('2026-01-02T03:04:05.678Z');
    const { insertedId } = await events.insertOne({ at, nested: { list: [at] } });
    // when
    const found = await events.findOne({ _id: insertedId, at: { $gte: new Date('2026-01-01T00:00:00Z') } });
    // then
    expect(found?._id.equals(insertedId)).toBe(true);
    expect(found?.at).toEqual(at);
    expect(found?.nested.list[0]).toBeInstanceOf(Date);
  });
});
