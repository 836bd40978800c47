import { MongoClientBulkWriteError, type Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './start-emulator';

let emulator: RunningEmulator;
let db: Db;

beforeAll(async () => {
  emulator = await startEmulator();
  db = emulator.client.db('bulk');
  await db.collection('letters').createIndex({ code: 1 }, { unique: true });
  await db.collection('steps').insertOne({ _id: 'a1' as never, rev: 0 });
});
afterAll(async () => emulator?.stop());

describe("MongoDB 8.0's bulkWrite across collections in the emulator", () => {
  it('inserts, updates, upserts and deletes in several collections in one command, in order, with a result per operation', async () => {
    // when
    const result = await emulator.client.bulkWrite(
      [
        { namespace: 'bulk.letters', name: 'insertOne', document: { _id: 'l1' as never, code: 'A' } },
        { namespace: 'bulk.steps', name: 'replaceOne', filter: { _id: 'a1' as never, rev: 0 }, replacement: { rev: 1 } },
        { namespace: 'bulk.steps', name: 'updateOne', filter: { _id: 'a1' as never, rev: 0 }, update: { $set: { late: true } } },
        { namespace: 'bulk.rollups', name: 'updateOne', filter: { _id: 'r#0' as never }, update: { $inc: { n: 2 } }, upsert: true },
        { namespace: 'bulk.rollups', name: 'updateOne', filter: { _id: 'r#0' as never }, update: { $inc: { n: 3 } }, upsert: true },
        { namespace: 'other.notes', name: 'insertOne', document: { _id: 'n1' as never } },
        { namespace: 'other.notes', name: 'deleteOne', filter: { _id: 'n1' as never } },
      ],
      { verboseResults: true },
    );
    // then
    expect(result).toMatchObject({ insertedCount: 2, matchedCount: 2, modifiedCount: 2, upsertedCount: 1, deletedCount: 1 });
    expect(result.updateResults?.get(1)).toMatchObject({ matchedCount: 1, modifiedCount: 1, didUpsert: false });
    expect(result.updateResults?.get(2)).toMatchObject({ matchedCount: 0, didUpsert: false });
    expect(result.updateResults?.get(3)).toMatchObject({ didUpsert: true, upsertedId: 'r#0' });
    expect(await db.collection('steps').findOne({ _id: 'a1' as never })).toEqual({ _id: 'a1', rev: 1 });
    expect(await db.collection('rollups').findOne({ _id: 'r#0' as never })).toEqual({ _id: 'r#0', n: 5 });
    expect(await emulator.client.db('other').collection('notes').countDocuments()).toBe(0);
  });

  it('stops an ordered batch at a duplicate key and names the failed operation by its index', async () => {
    // when
    const failed = await emulator.client
      .bulkWrite([
        { namespace: 'bulk.letters', name: 'insertOne', document: { _id: 'l2' as never, code: 'B' } },
        { namespace: 'bulk.letters', name: 'insertOne', document: { _id: 'l3' as never, code: 'A' } },
        { namespace: 'bulk.letters', name: 'insertOne', document: { _id: 'l4' as never, code: 'C' } },
      ])
      .catch((error: unknown) => error);
    // then
    expect(failed).toBeInstanceOf(MongoClientBulkWriteError);
    expect([...(failed as MongoClientBulkWriteError).writeErrors.entries()]).toMatchObject([[1, { code: 11000 }]]);
    expect(await db.collection('letters').find({}, { sort: { _id: 1 } }).map((doc) => doc._id).toArray()).toEqual(['l1', 'l2']);
  });

  it('commits or aborts with the transaction it runs in; a failed operation there fails the transaction', async () => {
    // given
    const session = emulator.client.startSession();
    try {
      // when: one transaction commits its batch, another's batch meets a duplicate key
      await session.withTransaction(async () => {
        await emulator.client.bulkWrite(
          [
            { namespace: 'bulk.letters', name: 'insertOne', document: { _id: 'l5' as never, code: 'E' } },
            { namespace: 'bulk.steps', name: 'updateOne', filter: { _id: 'a1' as never }, update: { $inc: { rev: 1 } } },
          ],
          { session },
        );
      });
      session.startTransaction();
      const failed = await emulator.client
        .bulkWrite(
          [
            { namespace: 'bulk.letters', name: 'insertOne', document: { _id: 'l6' as never, code: 'F' } },
            { namespace: 'bulk.letters', name: 'insertOne', document: { _id: 'l7' as never, code: 'E' } },
          ],
          { session },
        )
        .catch((error: unknown) => error);
      await session.abortTransaction().catch(() => undefined);
      // then
      // the driver wraps the command's error (its cause) in a MongoClientBulkWriteError
      expect(failed).toBeInstanceOf(MongoClientBulkWriteError);
      expect(((failed as MongoClientBulkWriteError).cause as { code?: number }).code).toBe(11000);
      expect(await db.collection('letters').countDocuments({ _id: { $in: ['l5', 'l6', 'l7'] as never[] } })).toBe(1);
      expect(await db.collection('steps').findOne({ _id: 'a1' as never })).toEqual({ _id: 'a1', rev: 2 });
    } finally {
      await session.endSession();
    }
  });

  it('refuses an operation naming a namespace nsInfo does not have, and runs only against admin', async () => {
    // when
    const badIndex = await emulator.client.db('admin').command({ bulkWrite: 1, ops: [{ insert: 3, document: { _id: 1 } }], nsInfo: [{ ns: 'bulk.letters' }] }).catch((error: unknown) => error);
    const notAdmin = await db.command({ bulkWrite: 1, ops: [{ insert: 0, document: { _id: 1 } }], nsInfo: [{ ns: 'bulk.letters' }] }).catch((error: unknown) => error);
    // then
    expect((badIndex as { code?: number }).code).toBe(2);
    expect((notAdmin as { code?: number }).code).toBe(13);
  });
});
