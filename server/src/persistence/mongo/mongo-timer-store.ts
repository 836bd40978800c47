/**
 * @module MongoTimerStore — TimerStore on the `timers` collection. The sweeper claims due timers one
 * `findOneAndUpdate` at a time on the `{status, dueAt}` index: each claim is atomic, so two processes never lease
 * the same timer, and the cost grows with the number due, not the number scheduled.
 */
import type { ClientSession } from 'mongoose';
import type { TimerRecord, TimerStore, TimerWrite } from '../../stores';
import type { TimerDocument, TimerModel } from './timer-model';
import { sendWrites } from './unit-write-batch';
import { writingProvince } from '../../tenancy/province-scope';

function toRecord(document: TimerDocument): TimerRecord {
  const { _id, ...rest } = document;
  return { ...rest, id: _id };
}

/** Adds `$unset` only when it names a field: MongoDB rejects an empty `$unset`. */
function withUnset<T extends object>(update: T, unset: Record<string, ''>): T & { $unset?: Record<string, ''> } {
  return Object.keys(unset).length > 0 ? { ...update, $unset: unset } : update;
}

export class MongoTimerStore implements TimerStore {
  constructor(
    private readonly timers: TimerModel,
    private readonly session?: ClientSession,
  ) {}

  async schedule(timer: Omit<TimerRecord, 'status'>): Promise<void> {
    const { id, kind, dossierId, stepId, dueAt, payload } = timer;
    const fields = { kind, dossierId, payload, ...(stepId !== undefined ? { stepId } : {}) };
    const unsetStep: Record<string, ''> = stepId === undefined ? { stepId: '' } : {};
    const options = { session: this.session };
    // Same wake-up scheduled again: update it in place and keep any lease, so a sweeper firing it is not doubled.
    const same = await this.timers.updateOne({ _id: id, status: 'scheduled', dueAt }, withUnset({ $set: fields }, unsetStep), options);
    if (same.matchedCount === 1) return;
    // A moved or cancelled wake-up: scheduled at the new dueAt, with no lease.
    const moved = await this.timers.updateOne(
      { _id: id, status: { $in: ['scheduled', 'cancelled'] } },
      withUnset({ $set: { ...fields, dueAt, status: 'scheduled' } }, { ...unsetStep, leaseOwner: '', leaseUntil: '' }),
      options,
    );
    if (moved.matchedCount === 1) return;
    // A new one: inserted only if the id is absent, so a fired timer stays fired without a duplicate-key error
    // (which would abort a surrounding transaction).
    await this.timers.updateOne({ _id: id }, { $setOnInsert: { ...fields, dueAt, status: 'scheduled' } }, { ...options, upsert: true });
  }

  /**
   * The three steps of `schedule` (same wake-up kept with its lease; a moved or cancelled one scheduled anew without
   * lease; a new one inserted, a fired one left alone) as three conditional operations per timer, and `cancel` as
   * one, all in one ordered bulk write: the filters exclude each other, so each timer takes exactly one path.
   */
  async writeMany(writes: readonly TimerWrite[]): Promise<void> {
    if (writes.length === 0) return;
    // The driver's own bulk write (unit-write-batch.ts), the province in every filter by hand (an upsert takes it
    // from its filter), as the province plugin does for mongoose's; `payload` defaults to {} as the schema says.
    const provinceCode = writingProvince('Timer.bulkWrite');
    const operations = writes.flatMap((write): object[] => {
      if ('cancel' in write) {
        return [{ updateOne: { filter: { _id: write.cancel, status: 'scheduled', provinceCode }, update: { $set: { status: 'cancelled' }, $unset: { leaseOwner: '', leaseUntil: '' } } } }];
      }
      const { id, kind, dossierId, stepId, dueAt, payload } = write.schedule;
      const fields = { kind, dossierId, ...(payload !== undefined ? { payload } : {}), ...(stepId !== undefined ? { stepId } : {}) };
      const unsetStep: Record<string, ''> = stepId === undefined ? { stepId: '' } : {};
      return [
        { updateOne: { filter: { _id: id, status: 'scheduled', dueAt, provinceCode }, update: withUnset({ $set: fields }, unsetStep) } },
        {
          updateOne: {
            filter: { _id: id, $or: [{ status: 'cancelled' }, { status: 'scheduled', dueAt: { $ne: dueAt } }], provinceCode },
            update: withUnset({ $set: { ...fields, dueAt, status: 'scheduled' } }, { ...unsetStep, leaseOwner: '', leaseUntil: '' }),
          },
        },
        { updateOne: { filter: { _id: id, provinceCode }, update: { $setOnInsert: { payload: {}, ...fields, dueAt, status: 'scheduled' } }, upsert: true } },
      ];
    });
    await sendWrites(this.session, { collection: this.timers.collection, operations: operations as never });
  }

  async cancel(id: string): Promise<void> {
    await this.timers.updateOne(
      { _id: id, status: 'scheduled' },
      { $set: { status: 'cancelled' }, $unset: { leaseOwner: '', leaseUntil: '' } },
      { session: this.session },
    );
  }

  async get(id: string): Promise<TimerRecord | undefined> {
    const found = await this.timers.findById(id, null, { session: this.session }).lean<TimerDocument>();
    return found ? toRecord(found) : undefined;
  }

  async claimDue(now: number, owner: string, leaseMs: number, limit: number): Promise<TimerRecord[]> {
    const claimed: TimerRecord[] = [];
    while (claimed.length < limit) {
      const timer = await this.timers
        .findOneAndUpdate(
          {
            status: 'scheduled',
            dueAt: { $lte: now },
            $or: [{ leaseUntil: { $exists: false } }, { leaseUntil: { $lte: now } }],
          },
          { $set: { leaseOwner: owner, leaseUntil: now + leaseMs } },
          { sort: { dueAt: 1 }, returnDocument: 'after', session: this.session },
        )
        .lean<TimerDocument>();
      if (!timer) break;
      claimed.push(toRecord(timer));
    }
    return claimed;
  }

  async markFired(id: string, owner: string, firedAt: number): Promise<boolean> {
    // Only the holder of the lease may fire: if another process took the expired lease, this matches nothing.
    const result = await this.timers.updateOne(
      { _id: id, status: 'scheduled', leaseOwner: owner },
      { $set: { status: 'fired', firedAt } },
      { session: this.session },
    );
    return result.modifiedCount === 1;
  }

  async listByDossier(dossierId: string): Promise<TimerRecord[]> {
    const found = await this.timers
      .find({ dossierId }, null, { session: this.session })
      .sort({ dueAt: 1, _id: 1 })
      .lean<TimerDocument[]>();
    return found.map(toRecord);
  }
}
