/** @module MemoryIdempotencyStore — kept answers for `Idempotency-Key` retries in a Map, for tests and one-process demos. */
import type { BeginResult, IdempotencyRecord, IdempotencyStore, IdempotencyUnitStore, StoredResponse } from '../../http/idempotency-store';
import type { UnitOfWork } from '../../unit-of-work';
import { undoOf } from './memory-unit-of-work';
import { firstFound, type NationalReads } from './province-partitioned';

export class MemoryIdempotencyStore implements IdempotencyStore {
  /** How each read is answered in a national scope; every other method writes (province-partitioned.ts). */
  static readonly nationalReads: NationalReads<MemoryIdempotencyStore> = { get: firstFound };

  private readonly records = new Map<string, IdempotencyRecord>();

  async begin(record: Omit<IdempotencyRecord, 'state' | 'response'>): Promise<BeginResult> {
    // Read and write happen in one synchronous step, so two concurrent begins cannot both start.
    const existing = this.records.get(record.key);
    if (existing && existing.expiresAt > record.createdAt) return { started: false, existing: structuredClone(existing) };
    this.records.set(record.key, { ...structuredClone(record), state: 'inProgress' });
    this.sweep(record.createdAt);
    // Transactions in memory end with their process: a taken-over record leaves nothing open to kill.
    return { started: true };
  }

  /** In a unit of the memory adapter the completion is undone if the unit throws; in another adapter's, it writes at once. */
  within(unit: UnitOfWork): IdempotencyUnitStore {
    const undo = undoOf(unit);
    return {
      complete: async (key, requestHash, result, expiresAt) => {
        const record = this.records.get(key);
        if (record?.state !== 'inProgress' || record.requestHash !== requestHash) return;
        this.records.set(key, { ...record, state: 'completed', result: structuredClone(result), expiresAt });
        undo?.record(() => this.records.set(key, record));
      },
    };
  }

  async complete(key: string, requestHash: string, response: StoredResponse, expiresAt: number): Promise<void> {
    const record = this.records.get(key);
    if (record?.state !== 'inProgress' || record.requestHash !== requestHash) return;
    this.records.set(key, { ...record, state: 'completed', response: structuredClone(response), expiresAt });
  }

  async extend(key: string, requestHash: string, expiresAt: number): Promise<void> {
    const record = this.records.get(key);
    if (record?.state === 'inProgress' && record.requestHash === requestHash) this.records.set(key, { ...record, expiresAt });
  }

  async noteTransaction(key: string, requestHash: string, transactionId: string): Promise<void> {
    const record = this.records.get(key);
    if (record?.state !== 'inProgress' || record.requestHash !== requestHash) return;
    const transactions = new Set(record.transactions ?? []).add(transactionId);
    this.records.set(key, { ...record, transactions: [...transactions] });
  }

  async release(key: string, requestHash: string): Promise<void> {
    const record = this.records.get(key);
    if (record?.state === 'inProgress' && record.requestHash === requestHash) this.records.delete(key);
  }

  async get(key: string): Promise<IdempotencyRecord | undefined> {
    const record = this.records.get(key);
    return record && structuredClone(record);
  }

  /** Drops expired records now and then, as MongoDB's TTL monitor does for the mongo adapter. */
  private sweep(now: number): void {
    if (this.records.size % 1024 !== 0) return;
    for (const [key, record] of this.records) if (record.expiresAt <= now) this.records.delete(key);
  }
}
