import type { Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './start-emulator';

let emulator: RunningEmulator;
let db: Db;

beforeAll(async () => {
  emulator = await startEmulator();
  db = emulator.client.db('transactions');
  await db.createCollection('accounts');
});
afterAll(async () => emulator?.stop());

describe('transactions in the emulator', () => {
  it('runs as the writable primary of a one-member replica set, which transactions require', async () => {
    // when
    const hello = await emulator.client.db('admin').command({ hello: 1 });
    const status = await emulator.client.db('admin').command({ replSetGetStatus: 1 });
    // then
    const host = emulator.uri.replace(/^mongodb:\/\//, '').split('/')[0];
    expect(hello).toMatchObject({ isWritablePrimary: true, setName: 'testset', hosts: [host], primary: host, maxWireVersion: 25, logicalSessionTimeoutMinutes: 30 });
    expect(hello.topologyVersion.processId).toBeDefined();
    expect(hello.$clusterTime.clusterTime).toBeDefined();
    expect(status.members).toMatchObject([{ name: host, stateStr: 'PRIMARY', self: true }]);
  });

  it("counts in serverStatus, as mongod does, the commands it ran by name and the transactions started, committed and aborted", async () => {
    // given
    const status = async () => emulator.client.db('admin').command({ serverStatus: 1 });
    const before = await status();
    const counters = db.collection('counted');
    // when: two finds, one committed and one aborted transaction
    await counters.find({}).toArray();
    await counters.findOne({ _id: 'x' as never });
    const session = emulator.client.startSession();
    await session.withTransaction(async () => counters.insertOne({ _id: 'c1' as never }, { session }));
    session.startTransaction();
    await counters.insertOne({ _id: 'c2' as never }, { session });
    await session.abortTransaction();
    await session.endSession();
    const after = await status();
    // then
    const ran = (name: string) => Number(after.metrics.commands[name]?.total ?? 0) - Number(before.metrics.commands[name]?.total ?? 0);
    expect(ran('find')).toBe(2);
    expect(ran('insert')).toBe(2);
    expect(ran('commitTransaction')).toBe(1);
    const settled = (name: string) => Number(after.transactions[name]) - Number(before.transactions[name]);
    expect({ started: settled('totalStarted'), committed: settled('totalCommitted'), aborted: settled('totalAborted') }).toEqual({ started: 2, committed: 1, aborted: 1 });
  });

  it('keeps a transaction’s writes invisible to others until commit, then shows them all', async () => {
    // given
    const accounts = db.collection('accounts');
    await accounts.insertMany([{ _id: 'a' as never, balance: 100 }, { _id: 'b' as never, balance: 0 }]);
    const session = emulator.client.startSession();
    session.startTransaction();
    await accounts.updateOne({ _id: 'a' as never }, { $inc: { balance: -30 } }, { session });
    await accounts.updateOne({ _id: 'b' as never }, { $inc: { balance: 30 } }, { session });
    await accounts.insertOne({ _id: 'log-1' as never, transfer: 30 }, { session });
    // when
    const outsideBefore = await accounts.find({}).sort({ _id: 1 }).toArray();
    const insideBefore = await accounts.findOne({ _id: 'b' as never }, { session });
    await session.commitTransaction();
    await session.endSession();
    const outsideAfter = await accounts.find({}).sort({ _id: 1 }).toArray();
    // then
    expect(outsideBefore).toEqual([{ _id: 'a', balance: 100 }, { _id: 'b', balance: 0 }]);
    expect(insideBefore).toEqual({ _id: 'b', balance: 30 });
    expect(outsideAfter).toEqual([{ _id: 'a', balance: 70 }, { _id: 'b', balance: 30 }, { _id: 'log-1', transfer: 30 }]);
  });

  it('reads from the snapshot taken when the transaction started, not from later commits', async () => {
    // given
    const permits = db.collection('permits-snapshot');
    await permits.insertOne({ _id: 'p1' as never, state: 'draft' });
    const session = emulator.client.startSession();
    session.startTransaction();
    const first = await permits.findOne({ _id: 'p1' as never }, { session });
    // when
    await permits.updateOne({ _id: 'p1' as never }, { $set: { state: 'signed' } });
    await permits.insertOne({ _id: 'p2' as never, state: 'draft' });
    const again = await permits.find({}, { session }).toArray();
    const write = await permits.updateOne({ _id: 'p1' as never }, { $set: { state: 'void' } }, { session }).catch((e: unknown) => e);
    await session.abortTransaction().catch(() => undefined);
    await session.endSession();
    // then
    expect(first).toEqual({ _id: 'p1', state: 'draft' });
    expect(again).toEqual([{ _id: 'p1', state: 'draft' }]);
    expect(write).toMatchObject({ code: 112, codeName: 'WriteConflict' });
    expect(await permits.find({}).sort({ _id: 1 }).toArray()).toEqual([{ _id: 'p1', state: 'signed' }, { _id: 'p2', state: 'draft' }]);
  });

  it('discards a transaction’s writes on abort', async () => {
    // given
    const notes = db.collection('notes');
    await notes.insertOne({ _id: 'n1' as never, text: 'kept' });
    const session = emulator.client.startSession();
    session.startTransaction();
    await notes.insertOne({ _id: 'n2' as never, text: 'discarded' }, { session });
    await notes.deleteOne({ _id: 'n1' as never }, { session });
    // when
    await session.abortTransaction();
    await session.endSession();
    // then
    expect(await notes.find({}).toArray()).toEqual([{ _id: 'n1', text: 'kept' }]);
  });

  it('reports a duplicate key inside a transaction and aborts it', async () => {
    // given
    const unique = db.collection('tx-unique');
    await unique.createIndex({ code: 1 }, { unique: true });
    await unique.insertOne({ code: 'x' });
    const session = emulator.client.startSession();
    session.startTransaction();
    await unique.insertOne({ code: 'y' }, { session });
    // when
    const error = await unique.insertOne({ code: 'x' }, { session }).catch((e: unknown) => e);
    await session.abortTransaction().catch(() => undefined);
    await session.endSession();
    // then
    expect(error).toMatchObject({ code: 11000 });
    expect((await unique.find({}).toArray()).map((d) => d.code)).toEqual(['x']);
  });

  it('retries withTransaction after a WriteConflict with another transaction', async () => {
    // given
    const stock = db.collection('stock');
    await stock.insertOne({ _id: 'form-01' as never, left: 10 });
    const holder = emulator.client.startSession();
    holder.startTransaction();
    await stock.updateOne({ _id: 'form-01' as never }, { $inc: { left: -1 } }, { session: holder });
    const retrier = emulator.client.startSession();
    const errorsSeen: unknown[] = [];
    let attempts = 0;
    // when
    await retrier.withTransaction(async () => {
      attempts += 1;
      try {
        await stock.updateOne({ _id: 'form-01' as never }, { $inc: { left: -2 } }, { session: retrier });
      } catch (error) {
        errorsSeen.push(error);
        if (holder.inTransaction()) await holder.commitTransaction();
        throw error;
      }
    });
    await holder.endSession();
    await retrier.endSession();
    // then
    expect(attempts).toBe(2);
    expect(errorsSeen[0]).toMatchObject({ code: 112, codeName: 'WriteConflict' });
    expect((errorsSeen[0] as { hasErrorLabel(label: string): boolean }).hasErrorLabel('TransientTransactionError')).toBe(true);
    expect(await stock.findOne({ _id: 'form-01' as never })).toEqual({ _id: 'form-01', left: 7 });
  });
});
