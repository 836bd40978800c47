/**
 * @module MongoIdempotencyStore — IdempotencyStore on the `idempotencyKeys` collection: a key is found within the
 * province of the request (the province plugin adds it to every filter) and inserted under `<provinceCode>:<key>`.
 */
import { Binary } from 'mongodb';
import type { BeginResult, IdempotencyRecord, IdempotencyStore, IdempotencyUnitStore, StoredResponse } from '../../http/idempotency-store';
import type { UnitOfWork } from '../../unit-of-work';
import { sessionOf } from './mongo-unit-of-work';
import type { IdempotencyDocument, IdempotencyModel } from './idempotency-model';
import { isDuplicateKeyError } from './is-duplicate-key-error';
import { writingProvince } from '../../tenancy/province-scope';
import { sendWrites } from './unit-write-batch';

function toRecord(document: IdempotencyDocument): IdempotencyRecord {
  const { _id: _ignored, expireAt: _expireAt, ...record } = document;
  return record;
}

/** Rounds of insert → read → take over; each round ends unless another request changed the key in between. */
const beginAttempts = 5;

export class MongoIdempotencyStore implements IdempotencyStore {
  constructor(private readonly keys: IdempotencyModel) {}

  within(unit: UnitOfWork): IdempotencyUnitStore {
    const session = sessionOf('the idempotency keys', unit);
    return {
      complete: async (key, requestHash, result, expiresAt) => {
        // The driver's own write, so that it may join the unit's batch (unit-write-batch.ts); the province by hand.
        const provinceCode = writingProvince('IdempotencyKey.complete');
        await sendWrites(session, {
          collection: this.keys.collection,
          operations: [{ updateOne: { filter: { key, requestHash, state: 'inProgress', provinceCode }, update: { $set: { state: 'completed', result, expiresAt, expireAt: new Date(expiresAt) } } } }],
        });
      },
    };
  }

  async begin(record: Omit<IdempotencyRecord, 'state' | 'response'>): Promise<BeginResult> {
    const { key } = record;
    const id = `${writingProvince('IdempotencyKey.begin')}:${key}`;
    const document = { ...record, state: 'inProgress' as const, expireAt: new Date(record.expiresAt) };
    for (let attempt = 1; attempt <= beginAttempts; attempt += 1) {
      try {
        await this.keys.create([{ _id: id, ...document }]);
        return { started: true };
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      const existing = await this.keys.findOne({ key }).lean<IdempotencyDocument>();
      if (!existing) continue; // released in between: insert again
      if (existing.expiresAt > record.createdAt) return { started: false, existing: toRecord(existing) };
      // Expired: first kill what the dead request left open, since its transaction may hold this very document (a
      // dossier command completes its key in its unit of work) and MongoDB makes a write wait behind it. Killing them
      // is harmless when another request takes the key over meanwhile: they belong to the dead request.
      if (existing.state === 'inProgress' && existing.transactions?.length) await this.killSessions(existing.transactions);
      // Take it over only if nobody else did since we read it (the filter is re-checked atomically).
      const takeover = await this.keys.replaceOne({ key, expiresAt: existing.expiresAt, requestHash: existing.requestHash }, document);
      if (takeover.matchedCount !== 1) continue;
      return { started: true };
    }
    throw new Error(`idempotency key ${key}: could not begin after ${beginAttempts} attempts`);
  }

  async complete(key: string, requestHash: string, response: StoredResponse, expiresAt: number): Promise<void> {
    await this.keys.updateOne(
      { key, requestHash, state: 'inProgress' },
      { $set: { state: 'completed', response, expiresAt, expireAt: new Date(expiresAt) } },
    );
  }

  async extend(key: string, requestHash: string, expiresAt: number): Promise<void> {
    await this.keys.updateOne({ key, requestHash, state: 'inProgress' }, { $set: { expiresAt, expireAt: new Date(expiresAt) } });
  }

  async noteTransaction(key: string, requestHash: string, transactionId: string): Promise<void> {
    // Without a session: called from inside the transaction it notes, the note must be durable before that
    // transaction writes anything.
    await this.keys.updateOne({ key, requestHash, state: 'inProgress' }, { $addToSet: { transactions: transactionId } });
  }

  /**
   * Kills the sessions of transactions left open by a request whose process died (MongoDB `killSessions`: their
   * transactions abort at once and free their documents). Best effort: if it fails, the database aborts them at the
   * end of `transactionLifetimeLimitSeconds` and the retry waits until then, as it did before.
   */
  private async killSessions(transactionIds: string[]): Promise<void> {
    const lsids = transactionIds.map((id) => ({ id: new Binary(Buffer.from(id, 'hex'), Binary.SUBTYPE_UUID) }));
    await this.keys.db.db?.admin().command({ killSessions: lsids }).catch(() => undefined);
  }

  async release(key: string, requestHash: string): Promise<void> {
    await this.keys.deleteOne({ key, requestHash, state: 'inProgress' });
  }

  async get(key: string): Promise<IdempotencyRecord | undefined> {
    const found = await this.keys.findOne({ key }).lean<IdempotencyDocument>();
    return found ? toRecord(found) : undefined;
  }
}
