/**
 * @module MongoOutboxStore — OutboxStore on the `outbox` and `outbox_deliveries` collections. A claim finds the head
 * (oldest pending delivery) of each dossier for one consumer on the `{consumer, status, dossierId, seq}` index, then
 * leases each head with one atomic `findOneAndUpdate`, so two processes never lease the same entry.
 */
import type { ClientSession, Connection } from 'mongoose';
import { deliveryStateOf, type ClaimedOutboxEntry, type ConsumerTally, type DeliveryState, type OutboxDelivery, type OutboxDeliveryView, type OutboxEntry, type OutboxStore } from '../../outbox/outbox-store';
import { outboxDeliveryModel, type OutboxDeliveryDocument, type OutboxDeliveryModel } from './outbox-delivery-model';
import { outboxModel, type OutboxDocument, type OutboxModel } from './outbox-model';
import type { UnitOfWork } from '../../unit-of-work';
import { sessionOf } from './mongo-unit-of-work';
import { backfillProvince } from './backfill-province';
import { sendWrites } from './unit-write-batch';
import { writingProvince } from '../../tenancy/province-scope';

export interface OutboxModels {
  entries: OutboxModel;
  deliveries: OutboxDeliveryModel;
}

/** Rounds of "find heads, lease them" a claim makes when other processes keep taking the heads it found. */
const MAX_CLAIM_ROUNDS = 5;

const deliveryId = (consumer: string, entryId: string) => `${consumer}\u0000${entryId}`;

function toEntry(document: OutboxDocument): OutboxEntry {
  const { _id, dossierId, seq, kind, payload, createdAt } = document;
  return { id: _id, dossierId, seq, kind, payload, createdAt };
}

function toDelivery(document: OutboxDeliveryDocument): OutboxDelivery {
  const { _id, dossierId: _dossier, seq: _seq, leaseOwner: _owner, leaseUntil: _until, ...delivery } = document;
  return delivery;
}

export class MongoOutboxStore implements OutboxStore {
  /**
   * @param consumers the consumers every entry is delivered to (each gets one pending delivery per entry)
   * @param session set by `within`: every operation names it, so it joins that transaction
   */
  constructor(
    private readonly models: OutboxModels,
    private readonly consumers: readonly string[],
    private readonly session?: ClientSession,
  ) {}

  /** The same outbox inside a unit of work: enqueue with the change it records, committed or aborted with it. */
  within(unit: UnitOfWork): MongoOutboxStore {
    return new MongoOutboxStore(this.models, this.consumers, sessionOf('the outbox', unit));
  }

  async enqueue(entries: OutboxEntry[]): Promise<void> {
    if (entries.length === 0) return;
    // Upserts with $setOnInsert: an entry written again is left as it is, without a duplicate-key error that would
    // abort the surrounding transaction. The driver's own bulk writes (unit-write-batch.ts), the province in each
    // filter by hand (an upsert takes it from there), as the province plugin does for mongoose's.
    const provinceCode = writingProvince('Outbox.enqueue');
    await sendWrites(this.session, {
      collection: this.models.entries.collection,
      operations: entries.map(({ id, payload, ...fields }) => ({ updateOne: { filter: { _id: id, provinceCode }, update: { $setOnInsert: { ...fields, payload: payload ?? {} } }, upsert: true } })),
    });
    const deliveries = entries.flatMap((entry) =>
      this.consumers.map((consumer) => ({
        updateOne: {
          filter: { _id: deliveryId(consumer, entry.id), provinceCode },
          update: {
            $setOnInsert: {
              entryId: entry.id,
              consumer,
              dossierId: entry.dossierId,
              seq: entry.seq,
              status: 'pending',
              attempts: 0,
              nextAttemptAt: entry.createdAt,
            },
          },
          upsert: true,
        },
      })),
    );
    await sendWrites(this.session, { collection: this.models.deliveries.collection, operations: deliveries });
  }

  async claimNext(consumer: string, now: number, leaseMs: number, owner: string, limit: number): Promise<ClaimedOutboxEntry[]> {
    const leased: OutboxDeliveryDocument[] = [];
    for (let round = 0; round < MAX_CLAIM_ROUNDS && leased.length < limit; round += 1) {
      const heads = await this.dueHeads(consumer, now, limit - leased.length);
      if (heads.length === 0) break;
      for (const head of heads) {
        const taken = await this.models.deliveries
          .findOneAndUpdate(
            { _id: head._id, status: 'pending', nextAttemptAt: { $lte: now }, ...leaseFree(now) },
            { $set: { leaseOwner: owner, leaseUntil: now + leaseMs }, $inc: { attempts: 1 } },
            { returnDocument: 'after', session: this.session },
          )
          .lean<OutboxDeliveryDocument>();
        if (taken) leased.push(taken);
      }
    }
    if (leased.length === 0) return [];
    const found = await this.models.entries
      .find({ _id: { $in: leased.map((delivery) => delivery.entryId) } }, null, { session: this.session })
      .lean<OutboxDocument[]>();
    const byId = new Map(found.map((document) => [document._id, toEntry(document)]));
    return leased.map((delivery) => ({ ...byId.get(delivery.entryId)!, attempt: delivery.attempts }));
  }

  async markDelivered(entryId: string, consumer: string, owner: string, at: number): Promise<boolean> {
    // Only the holder of the lease may record the delivery: a process whose lease expired matches nothing.
    const result = await this.models.deliveries.updateOne(
      { _id: deliveryId(consumer, entryId), status: 'pending', leaseOwner: owner },
      { $set: { status: 'delivered', deliveredAt: at, lastAttemptAt: at }, $unset: { leaseOwner: '', leaseUntil: '', lastError: '', failingSince: '' } },
      { session: this.session },
    );
    return result.modifiedCount === 1;
  }

  async markFailed(entryId: string, consumer: string, owner: string, error: string, nextAttemptAt: number | undefined, at?: number): Promise<void> {
    const set = nextAttemptAt === undefined ? { status: 'dead', lastError: error } : { lastError: error, nextAttemptAt };
    // $min sets `failingSince` on the first failure and keeps the earliest one after that.
    const attempt = at === undefined ? {} : { $min: { failingSince: at } };
    await this.models.deliveries.updateOne(
      { _id: deliveryId(consumer, entryId), status: 'pending', leaseOwner: owner },
      { $set: { ...set, ...(at === undefined ? {} : { lastAttemptAt: at }) }, ...attempt, $unset: { leaseOwner: '', leaseUntil: '' } },
      { session: this.session },
    );
  }

  async listDeliveries(query: { consumer?: string; state?: DeliveryState }, page: { offset: number; limit: number }): Promise<{ items: OutboxDeliveryView[]; total: number }> {
    const filter = { ...(query.consumer !== undefined ? { consumer: query.consumer } : {}), ...(query.state !== undefined ? STATE_FILTERS[query.state] : {}) };
    const [found, total] = await Promise.all([
      this.models.deliveries.find(filter, null, { session: this.session }).sort({ nextAttemptAt: -1, _id: 1 }).skip(page.offset).limit(page.limit).lean<OutboxDeliveryDocument[]>(),
      this.models.deliveries.countDocuments(filter, { session: this.session }),
    ]);
    const entries = await this.models.entries
      .find({ _id: { $in: found.map((delivery) => delivery.entryId) } }, null, { session: this.session })
      .lean<OutboxDocument[]>();
    const byId = new Map(entries.map((entry) => [entry._id, entry]));
    const items = found.map((document) => {
      const entry = byId.get(document.entryId);
      return { ...toDelivery(document), state: deliveryStateOf(document), dossierId: document.dossierId, seq: document.seq, kind: entry?.kind ?? 'dossier.status_changed', createdAt: entry?.createdAt ?? 0 } as OutboxDeliveryView;
    });
    return { items, total };
  }

  async tallyByConsumer(): Promise<ConsumerTally[]> {
    // A few counts per consumer on the `{consumer, status, …}` index: the cost follows the backlog, not the history.
    return Promise.all(
      this.consumers.map(async (consumer) => {
        const failing: Record<string, unknown> = { consumer, status: { $in: ['pending', 'dead'] } };
        const [pending, retrying, dead, earliest, latest] = await Promise.all([
          this.models.deliveries.countDocuments({ consumer, ...STATE_FILTERS.pending }, { session: this.session }),
          this.models.deliveries.countDocuments({ consumer, ...STATE_FILTERS.retrying }, { session: this.session }),
          this.models.deliveries.countDocuments({ consumer, ...STATE_FILTERS.dead }, { session: this.session }),
          this.models.deliveries.findOne({ ...failing, failingSince: { $exists: true } }, null, { session: this.session }).sort({ failingSince: 1 }).lean<OutboxDeliveryDocument>(),
          this.models.deliveries.findOne({ ...failing, lastError: { $exists: true }, lastAttemptAt: { $exists: true } }, null, { session: this.session }).sort({ lastAttemptAt: -1 }).lean<OutboxDeliveryDocument>(),
        ]);
        return {
          consumer,
          pending,
          retrying,
          dead,
          ...(earliest?.failingSince !== undefined ? { failingSince: earliest.failingSince } : {}),
          ...(latest ? { lastError: latest.lastError, lastAttemptAt: latest.lastAttemptAt } : {}),
        };
      }),
    );
  }

  async replay(entryId: string, consumer: string, at: number): Promise<OutboxDelivery | undefined> {
    const found = await this.models.deliveries
      .findOneAndUpdate(
        { _id: deliveryId(consumer, entryId), status: { $in: ['pending', 'dead'] } },
        { $set: { status: 'pending', attempts: 0, nextAttemptAt: at }, $unset: { leaseOwner: '', leaseUntil: '', lastError: '' } },
        { returnDocument: 'after', session: this.session },
      )
      .lean<OutboxDeliveryDocument>();
    return found ? toDelivery(found) : undefined;
  }

  async skip(entryId: string, consumer: string, _at: number): Promise<OutboxDelivery | undefined> {
    const found = await this.models.deliveries
      .findOneAndUpdate(
        { _id: deliveryId(consumer, entryId), status: { $in: ['pending', 'dead'] } },
        { $set: { status: 'skipped' }, $unset: { leaseOwner: '', leaseUntil: '', failingSince: '' } },
        { returnDocument: 'after', session: this.session },
      )
      .lean<OutboxDeliveryDocument>();
    return found ? toDelivery(found) : undefined;
  }

  async listByDossier(dossierId: string): Promise<OutboxEntry[]> {
    const found = await this.models.entries.find({ dossierId }, null, { session: this.session }).sort({ seq: 1 }).lean<OutboxDocument[]>();
    return found.map(toEntry);
  }

  async deliveries(entryId: string): Promise<OutboxDelivery[]> {
    const found = await this.models.deliveries
      .find({ entryId }, null, { session: this.session })
      .sort({ consumer: 1 })
      .lean<OutboxDeliveryDocument[]>();
    return found.map(toDelivery);
  }

  /** The oldest pending delivery of each dossier for `consumer`, if its attempt is due and no live lease holds it. */
  private async dueHeads(consumer: string, now: number, limit: number): Promise<OutboxDeliveryDocument[]> {
    return this.models.deliveries
      .aggregate<OutboxDeliveryDocument>(
        [
          { $match: { consumer, status: 'pending' } },
          { $sort: { dossierId: 1, seq: 1 } },
          { $group: { _id: '$dossierId', head: { $first: '$$ROOT' } } },
          { $replaceRoot: { newRoot: '$head' } },
          { $match: { nextAttemptAt: { $lte: now }, ...leaseFree(now) } },
          { $sort: { nextAttemptAt: 1, seq: 1, dossierId: 1 } },
          { $limit: limit },
        ],
        { session: this.session },
      )
      .exec();
  }
}

/** Each console state as a filter on `outbox_deliveries` (see `deliveryStateOf`). */
const STATE_FILTERS: Record<DeliveryState, Record<string, unknown>> = {
  pending: { status: 'pending', lastError: { $exists: false } },
  retrying: { status: 'pending', lastError: { $exists: true } },
  dead: { status: 'dead' },
  delivered: { status: 'delivered' },
  skipped: { status: 'skipped' },
};

function leaseFree(now: number) {
  return { $or: [{ leaseUntil: { $exists: false } }, { leaseUntil: { $lte: now } }] };
}

/**
 * Creates the outbox collections and their indexes on `connection` and returns the store.
 *
 * @example
 * const outbox = await createMongoOutboxStore(connection, { consumers: ['national-portal', 'email'] });
 * await stores.transaction(async (tx) => {
 *   await tx.dossiers.update(dossier);
 *   await outbox.within(tx.unit).enqueue(entries); // in the same transaction
 * });
 */
export async function createMongoOutboxStore(connection: Connection, options: { consumers: readonly string[] }): Promise<MongoOutboxStore> {
  const models = { entries: outboxModel(connection), deliveries: outboxDeliveryModel(connection) };
  await backfillProvince(connection);
  for (const model of Object.values(models)) {
    await model.createCollection();
    await model.syncIndexes();
  }
  return new MongoOutboxStore(models, options.consumers);
}
