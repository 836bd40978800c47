/** @module MongoStepStore — StepStore on the `steps` collection. */
import type { ClientSession, QueryFilter } from 'mongoose';
import {
  ConcurrencyConflict,
  DuplicateKey,
  type Page,
  type StepQuery,
  type StepRecord,
  type StepStore,
} from '../../../../engine/src/index';
import type { DossierModel } from './dossier-model';
import { isDuplicateKeyError } from './is-duplicate-key-error';
import type { StepDocument, StepModel } from './step-model';

function toRecord(document: StepDocument): StepRecord {
  const { _id, procedureKey: _procedureKey, ...rest } = document;
  return { ...rest, id: _id };
}

function toFilter(query: StepQuery): QueryFilter<StepDocument> {
  const filter: QueryFilter<StepDocument> = {};
  if (query.dossierId !== undefined) filter.dossierId = query.dossierId;
  if (query.status) filter.status = { $in: query.status };
  if (query.agencyId !== undefined) filter.agencyId = query.agencyId;
  if (query.departmentId !== undefined) filter.departmentId = query.departmentId;
  if (query.assigneeId !== undefined) filter.assigneeId = query.assigneeId;
  if (query.elementId !== undefined) filter.elementId = query.elementId;
  if (query.procedureKey !== undefined) filter.procedureKey = query.procedureKey;
  return filter;
}

export class MongoStepStore implements StepStore {
  constructor(
    private readonly steps: StepModel,
    private readonly dossiers: DossierModel,
    private readonly session?: ClientSession,
  ) {}

  async create(record: Omit<StepRecord, 'rev'>): Promise<StepRecord> {
    const stored: StepRecord = { ...record, rev: 0 };
    const { id, ...fields } = stored;
    try {
      await this.steps.create([{ ...fields, _id: id, procedureKey: await this.procedureKeyOf(record.dossierId) }], {
        session: this.session,
      });
    } catch (error) {
      throw isDuplicateKeyError(error) ? new DuplicateKey('steps', record.id) : error;
    }
    return stored;
  }

  async get(id: string): Promise<StepRecord | undefined> {
    const found = await this.steps.findById(id, null, { session: this.session }).lean<StepDocument>();
    return found ? toRecord(found) : undefined;
  }

  async update(record: StepRecord): Promise<StepRecord> {
    const stored: StepRecord = { ...record, rev: record.rev + 1 };
    const { id, ...fields } = stored;
    const document: Omit<StepDocument, '_id'> = { ...fields, procedureKey: await this.procedureKeyOf(record.dossierId) };
    // Conditional on rev: read-check-write in one atomic step (optimistic concurrency).
    const result = await this.steps.replaceOne({ _id: id, rev: record.rev }, document, { session: this.session });
    if (result.matchedCount !== 1) throw new ConcurrencyConflict('steps', record.id, record.rev);
    return stored;
  }

  async list(query: StepQuery, page: { offset: number; limit: number }): Promise<Page<StepRecord>> {
    const filter = toFilter(query);
    const [items, total] = await Promise.all([
      this.steps
        .find(filter, null, { session: this.session })
        .sort({ startedAt: 1, _id: 1 })
        .skip(page.offset)
        .limit(page.limit)
        .lean<StepDocument[]>(),
      this.steps.countDocuments(filter, { session: this.session }),
    ]);
    return { items: items.map(toRecord), total };
  }

  /** Steps carry their dossier's procedure key (copied on write) so that `list({ procedureKey })` is one query. */
  private async procedureKeyOf(dossierId: string): Promise<string | undefined> {
    const dossier = await this.dossiers
      .findById(dossierId, { procedureKey: 1 }, { session: this.session })
      .lean<{ procedureKey: string }>();
    return dossier?.procedureKey;
  }
}
