/** @module MongoDossierFactsStore — the dashboard's read model on the `dossierFacts` collection. */
import type { ClientSession, Connection, QueryFilter } from 'mongoose';
import type { DossierFactsRecord } from '../../statistics/dossier-facts-record';
import type { DossierFactsQuery, DossierFactsStore } from '../../statistics/dossier-facts-store';
import { dossierFactsModel, type DossierFactsDocument, type DossierFactsModel } from './dossier-facts-model';
import { isDuplicateKeyError } from './is-duplicate-key-error';
import type { UnitOfWork } from '../../unit-of-work';
import { sessionOf } from './mongo-unit-of-work';

function toRecord(document: DossierFactsDocument): DossierFactsRecord {
  const { _id, ...rest } = document;
  return { ...rest, steps: rest.steps ?? [], dossierId: _id };
}

function toFilter(query: DossierFactsQuery): QueryFilter<DossierFactsDocument> {
  const and: QueryFilter<DossierFactsDocument>[] = [];
  if (query.procedureKey !== undefined) and.push({ procedureKey: query.procedureKey });
  if (query.procedureVersion !== undefined) and.push({ procedureVersion: query.procedureVersion });
  if (query.agencyIds) and.push({ agencyIds: { $in: [...query.agencyIds] } });
  if (query.startedTo !== undefined) {
    // Refused or withdrawn at intake: no receipt, the submission counts (Decision 766/QĐ-TTg).
    and.push({ $or: [{ receivedAt: { $lte: query.startedTo } }, { receivedAt: null, submittedAt: { $lte: query.startedTo } }] });
  }
  if (query.endedFrom !== undefined) and.push({ $or: [{ endAt: null }, { endAt: { $gte: query.endedFrom } }] });
  if (query.withOpenSteps) and.push({ 'openElements.0': { $exists: true } });
  if (query.withIncidents) and.push({ 'incidents.0': { $exists: true } });
  return and.length > 0 ? { $and: and } : {};
}

export class MongoDossierFactsStore implements DossierFactsStore {
  /** @param session set by `within`: every operation names it, so it joins that transaction */
  private constructor(
    private readonly facts: DossierFactsModel,
    private readonly session?: ClientSession,
  ) {}

  within(unit: UnitOfWork): MongoDossierFactsStore {
    return new MongoDossierFactsStore(this.facts, sessionOf('the dossier facts', unit));
  }

  /** Creates the collection and its indexes first. */
  static async create(connection: Connection): Promise<MongoDossierFactsStore> {
    const model = dossierFactsModel(connection);
    await model.createCollection();
    await model.syncIndexes();
    return new MongoDossierFactsStore(model);
  }

  async put(record: DossierFactsRecord): Promise<void> {
    const { dossierId, ...fields } = record;
    try {
      // Replace only older facts: a late writer with a lower dossier revision leaves newer facts alone.
      await this.facts.replaceOne({ _id: dossierId, dossierRev: { $lte: record.dossierRev } }, fields, { upsert: true, session: this.session });
    } catch (error) {
      // The upsert met newer facts under the same _id: nothing to do.
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  async putMany(records: readonly DossierFactsRecord[]): Promise<void> {
    if (records.length === 0) return;
    // throwOnValidationError: an unordered bulk write would otherwise skip a record the schema refuses, silently.
    await this.facts.bulkWrite(
      records.map(({ dossierId, ...fields }) => ({ replaceOne: { filter: { _id: dossierId }, replacement: { _id: dossierId, ...fields }, upsert: true } })),
      { ordered: false, throwOnValidationError: true, session: this.session },
    );
  }

  async get(dossierId: string): Promise<DossierFactsRecord | undefined> {
    const found = await this.facts.findById(dossierId, null, { session: this.session }).lean<DossierFactsDocument>();
    return found ? toRecord(found) : undefined;
  }

  async list(query: DossierFactsQuery): Promise<readonly DossierFactsRecord[]> {
    const projection = query.withoutHistory ? { steps: 0 } : {};
    const found = await this.facts.find(toFilter(query), projection, { session: this.session }).lean<DossierFactsDocument[]>();
    return found.map(toRecord);
  }

  async changedSince(at: number): Promise<readonly DossierFactsRecord[]> {
    const found = await this.facts.find({ updatedAt: { $gt: at } }, null, { session: this.session }).lean<DossierFactsDocument[]>();
    return found.map(toRecord);
  }
}
