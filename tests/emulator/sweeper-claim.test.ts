/**
 * @module sweeper-claim.test: the deadline sweeper's claim (findOneAndUpdate on `{ status, dueAt }` with a lease
 * `$or`, sorted by dueAt) through the driver, and proof that the emulator reads only the due part of the index.
 */
import type { Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Collection } from '../../mongo-emulator/src/collection';
import { sortedPlan } from '../../mongo-emulator/src/query-planner';
import { WriteClock } from '../../mongo-emulator/src/write-clock';
import { startEmulator, type RunningEmulator } from './start-emulator';

let emulator: RunningEmulator;
let db: Db;

beforeAll(async () => {
  emulator = await startEmulator();
  db = emulator.client.db('sweeper');
});
afterAll(async () => emulator?.stop());

const NOW = 1_000_000;

/** The claim as `MongoTimerStore.claimDue` sends it. */
function claimFilter(now: number) {
  return { status: 'scheduled', dueAt: { $lte: now }, $or: [{ leaseUntil: { $exists: false } }, { leaseUntil: { $lte: now } }] };
}

interface Timer {
  _id: string;
  status: string;
  dueAt: number;
  leaseUntil?: number;
  leaseOwner?: string;
}

/** 500 timers not yet due, and due ones: free, with a live lease, with an expired lease, fired, cancelled. */
function timers(): Timer[] {
  const later = Array.from({ length: 500 }, (_, i): Timer => ({ _id: `later-${i}`, status: 'scheduled', dueAt: NOW + 1 + ((i * 37) % 500) }));
  return [
    ...later,
    { _id: 'due-3', status: 'scheduled', dueAt: NOW - 3 },
    { _id: 'due-1', status: 'scheduled', dueAt: NOW - 1 },
    { _id: 'leased', status: 'scheduled', dueAt: NOW - 9, leaseOwner: 'other', leaseUntil: NOW + 5 },
    { _id: 'expired-lease', status: 'scheduled', dueAt: NOW - 2, leaseOwner: 'crashed', leaseUntil: NOW - 1 },
    { _id: 'fired', status: 'fired', dueAt: NOW - 8 },
    { _id: 'cancelled', status: 'cancelled', dueAt: NOW - 7 },
    { _id: 'due-now', status: 'scheduled', dueAt: NOW },
  ];
}

describe('the deadline sweeper claim on the emulator', () => {
  it('claims due, lease-free timers one at a time in dueAt order, then finds none', async () => {
    // given
    const collection = db.collection<Timer>('timers');
    await collection.createIndex({ status: 1, dueAt: 1 });
    await collection.insertMany(timers());
    // when
    const claimed: string[] = [];
    for (;;) {
      const timer = await collection.findOneAndUpdate(claimFilter(NOW), { $set: { leaseOwner: 'me', leaseUntil: NOW + 60_000 } }, { sort: { dueAt: 1 }, returnDocument: 'after' });
      if (!timer) break;
      claimed.push(timer._id);
      expect(timer.leaseOwner).toBe('me');
    }
    // then
    expect(claimed).toEqual(['due-3', 'expired-lease', 'due-1', 'due-now']);
  });

  it('inside a transaction, sees its own earlier timer and not one fired by someone else after its snapshot', async () => {
    // given
    const collection = db.collection<Timer>('timers-tx');
    await collection.createIndex({ status: 1, dueAt: 1 });
    await collection.insertMany(timers());
    const session = emulator.client.startSession();
    try {
      session.startTransaction();
      await collection.find({}, { session }).limit(1).toArray(); // takes the snapshot
      await collection.updateOne({ _id: 'due-3' }, { $set: { status: 'fired' } }); // committed by someone else
      await collection.insertOne({ _id: 'mine', status: 'scheduled', dueAt: NOW - 100 }, { session });
      // when
      const first = await collection.findOneAndUpdate(claimFilter(NOW), { $set: { leaseUntil: NOW + 1 } }, { sort: { dueAt: 1 }, session });
      const second = await collection.findOne(claimFilter(NOW), { sort: { dueAt: 1 }, session });
      // then: the snapshot still shows due-3 as scheduled (its firing committed after the snapshot)
      expect(first?._id).toBe('mine');
      expect(second?._id).toBe('due-3');
      await session.abortTransaction();
    } finally {
      await session.endSession();
    }
  });

  it('reads only the due entries of the { status, dueAt } index, not every scheduled timer', () => {
    // given 10,000 scheduled timers of which 10 are due
    const collection = new Collection('sweeper.timers', {}, new WriteClock());
    collection.indexes.create({ key: { status: 1, dueAt: 1 }, name: 'status_1_dueAt_1' }, []);
    for (let i = 0; i < 10_000; i += 1) collection.insert({ _id: `t-${i}`, status: 'scheduled', dueAt: NOW - 10 + ((i * 7919) % 10_000) });
    const visits = vi.spyOn(collection.docs, 'get');
    // when
    const plan = sortedPlan(claimFilter(NOW), { dueAt: 1 }, collection.indexes.list());
    const [first] = collection.findSorted(claimFilter(NOW), { dueAt: 1 }, 1) ?? [];
    // then
    expect(plan?.estimate).toBe(11);
    expect(first?.dueAt).toBe(NOW - 10);
    expect(visits.mock.calls.length).toBe(1);
  });
});
