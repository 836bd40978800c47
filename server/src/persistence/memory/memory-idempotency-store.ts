/** @module MemoryIdempotencyStore — kept answers for `Idempotency-Key` retries in a Map, for tests and one-process demos. */
import type { BeginResult, IdempotencyRecord, IdempotencyStore, StoredResponse } from '../../http/idempotency-store';

export class MemoryIdempotencyStore implements IdempotencyStore {
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
