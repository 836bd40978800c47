/** @module MongoDossierStore — DossierStore on the `dossiers` collection, sequences on `counters`. */
import type { ClientSession, QueryFilter } from 'mongoose';
import { ConcurrencyConflict, DuplicateKey, type DossierQuery, type DossierRecord, type DossierStore, type DossierSummary, type Page } from '../../stores';
import { numberOf, type CounterDocument, type CounterModel } from './counter-model';

/** Explicitly no session, even in a store bound to a unit of work: the daily counter commits at once. */
const OUTSIDE_TRANSACTION = { session: null };
import type { DossierDocument, DossierModel } from './dossier-model';
import { duplicateOn, isDuplicateKeyError } from './is-duplicate-key-error';
import { pageWithTotal } from './page-with-total';
import { sendWrites } from './unit-write-batch';
import { writingProvince } from '../../tenancy/province-scope';

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
  if (query.ids) filter._id = { $in: query.ids };
  if (query.status) filter.status = { $in: query.status };
  if (query.procedureKey !== undefined) filter.procedureKey = query.procedureKey;
  if (query.agencyId !== undefined) filter.agencyId = query.agencyId;
  if (query.applicantIdNumber !== undefined) filter['applicant.idNumber'] = query.applicantIdNumber;
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
    // The driver's own write (unit-write-batch.ts): the record is the engine's plain JSON, stored as given (the
    // schema's fields are Mixed or the types the engine already uses); building and validating a mongoose document per
    // receipt cost a fifth of the server's time under load (bench/README.md). The province is stamped here.
    const provinceCode = writingProvince('Dossier.create');
    await sendWrites(this.session, {
      collection: this.dossiers.collection,
      operations: [{ insertOne: { document: { ...toDocument(stored), provinceCode } } }],
      mapError: (error) => this.duplicateOrError(error, stored),
    });
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
    const provinceCode = writingProvince('Dossier.update');
    await sendWrites(this.session, {
      collection: this.dossiers.collection,
      // The filter on rev makes read-check-write one atomic step: a concurrent writer leaves nothing to match.
      operations: [{ replaceOne: { filter: { _id: record.id, rev: record.rev, provinceCode }, replacement: { ...toDocument(stored), provinceCode } } }],
      expectMatched: (matched) => {
        if (matched !== 1) throw new ConcurrencyConflict('dossiers', record.id, record.rev);
      },
      mapError: (error) => this.duplicateOrError(error, stored),
    });
    return stored;
  }

  async list(query: DossierQuery, page: { offset: number; limit: number }): Promise<Page<DossierRecord>> {
    const filter = toFilter(query);
    const { items, total } = await pageWithTotal(
      page,
      async () => await this.dossiers.find(filter, null, { session: this.session }).sort({ createdAt: -1, _id: -1 }).skip(page.offset).limit(page.limit).lean<DossierDocument[]>(),
      async () => await this.dossiers.countDocuments(filter, { session: this.session }),
    );
    return { items: items.map(toRecord), total };
  }

  async listSummaries(query: DossierQuery, page: { offset: number; limit: number }): Promise<Page<DossierSummary>> {
    const filter = toFilter(query);
    const { items, total } = await pageWithTotal(
      page,
      // An exclusion projection: the server never reads the citizen's form nor the process snapshot for a list.
      async () => await this.dossiers.find(filter, { form: 0, instance: 0 }, { session: this.session }).sort({ createdAt: -1, _id: -1 }).skip(page.offset).limit(page.limit).lean<Omit<DossierDocument, 'form' | 'instance'>[]>(),
      async () => await this.dossiers.countDocuments(filter, { session: this.session }),
    );
    return { items: items.map(({ _id, ...rest }) => ({ ...rest, id: _id })), total };
  }

  async nextSequence(name: string, holder: string): Promise<number> {
    // Outside any transaction, on purpose (see the port): no session, so it commits at once and no transaction holds
    // the counter. One round trip: the day's counter takes the next number and the holder's name together, unless the
    // holder is already among them (a retried receipt), when the filter misses and the read below finds its number.
    // Bounded: a name whose counter another province holds (two provinces given one agency identifier) meets the
    // unique _id on every upsert and never finds its holder here, and must fail rather than spin.
    for (let attempt = 0; attempt < 8; attempt++) {
      try {
        const counter = await this.counters
          .findOneAndUpdate({ _id: name, holders: { $ne: holder } }, { $inc: { value: 1 }, $push: { holders: holder } }, { upsert: true, returnDocument: 'after', projection: { value: 1 }, ...OUTSIDE_TRANSACTION })
          .lean<CounterDocument>();
        if (!counter) throw new Error(`counter ${name} was not returned after an upsert`);
        return counter.value;
      } catch (error) {
        // The holder already has its number (the upsert met the counter under its _id), or two first-ever upserts of
        // the name raced: read the holder's number, else increment again.
        if (!isDuplicateKeyError(error)) throw error;
        const numbered = await this.counters.findOne({ _id: name, holders: holder }, { value: 1, holders: 1 }, OUTSIDE_TRANSACTION).lean<CounterDocument>();
        if (numbered?.holders) return numberOf(numbered, holder);
      }
    }
    throw new Error(`The day's counter ${name} is held by another province: an agency identifier is in use in two provinces`);
  }

  private duplicateOrError(error: unknown, record: DossierRecord): unknown {
    if (!isDuplicateKeyError(error)) return error;
    return new DuplicateKey('dossiers', duplicateOn(error, 'dossierCode') ? record.dossierCode : record.id);
  }
}
