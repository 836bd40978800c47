/** @module MongoDossierStore — DossierStore on the `dossiers` collection, sequences on `counters`. */
import type { ClientSession, QueryFilter } from 'mongoose';
import {
  ConcurrencyConflict,
  DuplicateKey,
  type DossierQuery,
  type DossierRecord,
  type DossierStore,
  type Page,
} from '../../../../engine/src/index';
import type { CounterDocument, CounterModel } from './counter-model';
import type { DossierDocument, DossierModel } from './dossier-model';
import { duplicateOn, isDuplicateKeyError } from './is-duplicate-key-error';

function toDocument(record: DossierRecord): DossierDocument {
  const { id, ...rest } = record;
  return { ...rest, _id: id };
}

function toRecord(document: DossierDocument): DossierRecord {
  const { _id, ...rest } = document;
  return { ...rest, id: _id };
}

function toFilter(query: DossierQuery): QueryFilter<DossierDocument> {
  const filter: QueryFilter<DossierDocument> = {};
  if (query.status) filter.status = { $in: query.status };
  if (query.procedureKey !== undefined) filter.procedureKey = query.procedureKey;
  if (query.agencyId !== undefined) filter.agencyId = query.agencyId;
  // receivedFrom is inclusive, receivedTo exclusive: a day is [start of day, start of next day).
  if (query.receivedFrom !== undefined || query.receivedTo !== undefined) {
    filter.receivedAt = {
      ...(query.receivedFrom !== undefined ? { $gte: query.receivedFrom } : { $exists: true }),
      ...(query.receivedTo !== undefined ? { $lt: query.receivedTo } : {}),
    };
  }
  return filter;
}

export class MongoDossierStore implements DossierStore {
  constructor(
    private readonly dossiers: DossierModel,
    private readonly counters: CounterModel,
    private readonly session?: ClientSession,
  ) {}

  async create(record: Omit<DossierRecord, 'rev'>): Promise<DossierRecord> {
    const stored: DossierRecord = { ...record, rev: 0 };
    try {
      await this.dossiers.create([toDocument(stored)], { session: this.session });
    } catch (error) {
      throw this.duplicateOrError(error, stored);
    }
    return stored;
  }

  async get(id: string): Promise<DossierRecord | undefined> {
    const found = await this.dossiers.findById(id, null, { session: this.session }).lean<DossierDocument>();
    return found ? toRecord(found) : undefined;
  }

  async getByCode(dossierCode: string): Promise<DossierRecord | undefined> {
    const found = await this.dossiers.findOne({ dossierCode }, null, { session: this.session }).lean<DossierDocument>();
    return found ? toRecord(found) : undefined;
  }

  async update(record: DossierRecord): Promise<DossierRecord> {
    const stored: DossierRecord = { ...record, rev: record.rev + 1 };
    let matched: number;
    try {
      // The filter on rev makes read-check-write one atomic step: a concurrent writer leaves nothing to match.
      const result = await this.dossiers.replaceOne({ _id: record.id, rev: record.rev }, toDocument(stored), { session: this.session });
      matched = result.matchedCount;
    } catch (error) {
      throw this.duplicateOrError(error, stored);
    }
    if (matched !== 1) throw new ConcurrencyConflict('dossiers', record.id, record.rev);
    return stored;
  }

  async list(query: DossierQuery, page: { offset: number; limit: number }): Promise<Page<DossierRecord>> {
    const filter = toFilter(query);
    const [items, total] = await Promise.all([
      this.dossiers
        .find(filter, null, { session: this.session })
        .sort({ createdAt: -1, _id: -1 })
        .skip(page.offset)
        .limit(page.limit)
        .lean<DossierDocument[]>(),
      this.dossiers.countDocuments(filter, { session: this.session }),
    ]);
    return { items: items.map(toRecord), total };
  }

  async nextSequence(name: string): Promise<number> {
    for (;;) {
      try {
        const counter = await this.counters
          .findOneAndUpdate({ _id: name }, { $inc: { value: 1 } }, { upsert: true, returnDocument: 'after', session: this.session })
          .lean<CounterDocument>();
        if (!counter) throw new Error(`counter ${name} was not returned after an upsert`);
        return counter.value;
      } catch (error) {
        // Two first-ever upserts of one name can race to insert it; the loser retries and increments.
        if (!isDuplicateKeyError(error) || this.session) throw error;
      }
    }
  }

  private duplicateOrError(error: unknown, record: DossierRecord): unknown {
    if (!isDuplicateKeyError(error)) return error;
    return new DuplicateKey('dossiers', duplicateOn(error, 'dossierCode') ? record.dossierCode : record.id);
  }
}
