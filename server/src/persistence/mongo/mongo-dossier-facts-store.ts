/**
 * @module MongoDossierFactsStore — the dashboard's read model on the `dossierFacts` collection, and its rollups on
 * `dossierRollups`: each write of a dossier's facts returns the facts it replaced and applies the difference of their
 * contributions (`rollupIncrements`) by `$inc`, in the same session.
 */
import type { ClientSession, Connection, QueryFilter } from 'mongoose';
import type { DossierFactsRecord } from '../../statistics/dossier-facts-record';
import type { DossierFactsPage, DossierFactsQuery, DossierFactsStore, RollupQuery } from '../../statistics/dossier-facts-store';
import { mergeIncrements, NESTED, ROLLUP_FORMAT, rollupId, rollupIncrements, type RollupDocument } from '../../statistics/dossier-rollup';
import { RollupWriteSlots } from './rollup-write-slots';
import { dossierFactsModel, type DossierFactsDocument, type DossierFactsModel } from './dossier-facts-model';
import { dossierRollupModel, type DossierRollupDocument, type DossierRollupModel } from './dossier-rollup-model';
import { isDuplicateKeyError } from './is-duplicate-key-error';
import type { UnitOfWork } from '../../unit-of-work';
import { sessionOf, type MongoUnitOfWork } from './mongo-unit-of-work';
import { writingProvince } from '../../tenancy/province-scope';
import { backfillProvince } from './backfill-province';
import { sendWrites } from './unit-write-batch';

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
  if (query.endedWithin) and.push({ endAt: { $gte: query.endedWithin.from, $lte: query.endedWithin.to } });
  if (query.openAt !== undefined) {
    const at = query.openAt;
    // Open then (the endAt index: the open ones, and those that ended since), started by then.
    and.push({ $or: [{ endAt: null }, { endAt: { $gt: at } }] }, { $or: [{ receivedAt: { $lte: at } }, { receivedAt: null, submittedAt: { $lte: at } }] });
    if (query.pastAppointment) and.push({ $or: [{ appointmentAt: { $lt: at } }, { 'supplements.1': { $exists: true } }] });
  }
  // Any element (every key is a non-empty string): a range on the multikey openElements index, not a scan.
  if (query.withOpenSteps) and.push({ openElements: { $gt: '' } });
  if (query.withIncidents) and.push({ 'incidents.0': { $exists: true } });
  return and.length > 0 ? { $and: and } : {};
}

const ROLLUP_BATCH = 1_000;
/** Each reader's fields: the summary and breakdowns the counters, the trend the series, the delays theirs. */
const ROLLUP_PROJECTION = {
  counts: { series: 0, delays: 0, format: 0 },
  series: { counts: 0, crossings: 0, delays: 0, format: 0 },
  delays: { counts: 0, crossings: 0, series: 0, format: 0 },
  all: { format: 0 },
  format: { bucket: 1, format: 1 },
} as const;

export class MongoDossierFactsStore implements DossierFactsStore {
  /** @param session set by `within`: every operation names it, so it joins that transaction */
  private constructor(
    private readonly facts: DossierFactsModel,
    private readonly rollupModel: DossierRollupModel,
    private readonly session?: ClientSession,
    private readonly slots = new RollupWriteSlots(),
    private readonly beganAt = 0,
  ) {}

  within(unit: UnitOfWork): MongoDossierFactsStore {
    return new MongoDossierFactsStore(this.facts, this.rollupModel, sessionOf('the dossier facts', unit), this.slots, (unit as MongoUnitOfWork).beganAt);
  }

  /** Creates the collection and its indexes first. */
  static async create(connection: Connection): Promise<MongoDossierFactsStore> {
    const model = dossierFactsModel(connection);
    const rollups = dossierRollupModel(connection);
    await backfillProvince(connection);
    for (const each of [model, rollups] as const) {
      await each.createCollection();
      await each.syncIndexes();
    }
    return new MongoDossierFactsStore(model, rollups);
  }

  async put(record: DossierFactsRecord, stored?: { facts: DossierFactsRecord | undefined }): Promise<void> {
    const { dossierId, ...fields } = record;
    if (stored) {
      // Read in this unit of work already (its snapshot): no read back, and the write may join the unit's batch.
      if (stored.facts && stored.facts.dossierRev > record.dossierRev) return;
      const provinceCode = writingProvince('DossierFacts.put');
      await sendWrites(this.session, {
        collection: this.facts.collection,
        operations: [{ replaceOne: { filter: { _id: dossierId, provinceCode }, replacement: { ...fields, provinceCode }, upsert: true } }],
      });
      await this.addRollups(rollupIncrements(stored.facts, record));
      return;
    }
    try {
      // Replace only older facts: a late writer with a lower dossier revision leaves newer facts alone.
      const before = await this.facts
        .findOneAndReplace({ _id: dossierId, dossierRev: { $lte: record.dossierRev } }, fields, { upsert: true, returnDocument: 'before', session: this.session })
        .lean<DossierFactsDocument>();
      await this.addRollups(rollupIncrements(before ? toRecord(before) : undefined, record));
    } catch (error) {
      // The upsert met newer facts under the same _id: nothing to do.
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  async putMany(records: readonly DossierFactsRecord[]): Promise<void> {
    if (records.length === 0) return;
    const before = await this.facts.find({ _id: { $in: records.map((record) => record.dossierId) } }, { steps: 0 }, { session: this.session }).lean<DossierFactsDocument[]>();
    const previous = new Map(before.map((document) => [document._id, toRecord(document)]));
    // throwOnValidationError: an unordered bulk write would otherwise skip a record the schema refuses, silently.
    await this.facts.bulkWrite(
      records.map(({ dossierId, ...fields }) => ({ replaceOne: { filter: { _id: dossierId }, replacement: { _id: dossierId, ...fields }, upsert: true } })),
      { ordered: false, throwOnValidationError: true, session: this.session },
    );
    const increments = mergeIncrements(records.flatMap((record) => rollupIncrements(previous.get(record.dossierId), record)));
    await this.addRollups([...increments.values()]);
  }

  async get(dossierId: string): Promise<DossierFactsRecord | undefined> {
    const found = await this.facts.findById(dossierId, null, { session: this.session }).lean<DossierFactsDocument>();
    return found ? toRecord(found) : undefined;
  }

  async list(query: DossierFactsQuery): Promise<readonly DossierFactsRecord[]> {
    const projection = query.withoutHistory ? { steps: 0 } : {};
    const find = this.facts.find(toFilter(query), projection, { session: this.session });
    // A page of the dossiers ended in a range, the latest first (the endAt index, read backwards).
    if (query.page) find.sort({ endAt: -1, _id: -1 }).skip(query.page.offset).limit(query.page.limit);
    const found = await find.lean<DossierFactsDocument[]>();
    return found.map(toRecord);
  }

  async changedSince(at: number): Promise<readonly DossierFactsRecord[]> {
    const found = await this.facts.find({ updatedAt: { $gt: at } }, null, { session: this.session }).lean<DossierFactsDocument[]>();
    return found.map(toRecord);
  }

  async rollups(query: RollupQuery): Promise<readonly RollupDocument[]> {
    const filter: QueryFilter<DossierRollupDocument> = {};
    if (query.procedureKey !== undefined) filter.procedureKey = query.procedureKey;
    if (query.agencyIds) filter.agencyIds = { $in: [...query.agencyIds] };
    if (query.departmentId !== undefined) filter.departmentIds = query.departmentId;
    // One query per range of buckets, each a range on an index (the province plugin prefixes them all, and would
    // leave the branches of an $or without it); a document in two ranges is read once.
    const found = await Promise.all(
      query.ranges.map((range) => this.rollupModel.find({ ...filter, bucket: { $gte: range.from, $lte: range.to } }, ROLLUP_PROJECTION[query.read ?? 'counts'], { session: this.session }).lean<RollupDocument[]>()),
    );
    // A document in two ranges is read twice: keep it once, by its _id (which names its province, so a national read
    // keeps each province's document of the same key).
    const seen = new Set<string>();
    const unique: RollupDocument[] = [];
    for (const { _id: id, ...document } of found.flat() as (RollupDocument & { _id: string })[]) {
      if (seen.has(id)) continue;
      seen.add(id);
      unique.push(document as RollupDocument);
    }
    return unique;
  }

  async page(page: DossierFactsPage): Promise<readonly DossierFactsRecord[]> {
    const filter = page.afterId === undefined ? {} : { _id: { $gt: page.afterId } };
    const found = await this.facts.find(filter, null, { session: this.session }).sort({ _id: 1 }).limit(page.limit).lean<DossierFactsDocument[]>();
    return found.map(toRecord);
  }

  async clearRollups(): Promise<void> {
    await this.rollupModel.deleteMany({}, { session: this.session });
  }

  /**
   * `$inc` per document, upserted with its key; the driver's own bulk write (counters under Mixed paths), which the
   * province plugin does not see: the writing province goes into each filter, each new document and its `_id` here.
   * In a unit of work, into the write slot its session holds (`RollupWriteSlots`), so concurrent commands of this
   * process never write one document.
   */
  async addRollups(increments: readonly RollupDocument[]): Promise<void> {
    if (increments.length === 0) return;
    const provinceCode = writingProvince('DossierRollup.bulkWrite');
    const slot = this.slots.slotOf(this.session, this.beganAt);
    for (let offset = 0; offset < increments.length; offset += ROLLUP_BATCH) {
      const operations = increments.slice(offset, offset + ROLLUP_BATCH).map((increment) => {
        const { bucket, counts, crossings: _crossings, series: _series, delays: _delays, provinceCode: _facts, format: _format, ...rest } = increment;
        const key = { ...rest, provinceCode };
        const inc: Record<string, number> = {};
        for (const [counter, n] of Object.entries(counts)) inc[`counts.${counter}`] = n;
        for (const field of NESTED) for (const [name, byCounter] of Object.entries(increment[field] ?? {})) for (const [counter, n] of Object.entries(byCounter)) inc[`${field}.${name}.${counter}`] = n;
        return { updateOne: { filter: { _id: rollupId(bucket, key, slot), provinceCode }, update: { $inc: inc, $setOnInsert: { bucket, ...key }, $max: { format: ROLLUP_FORMAT } }, upsert: true } };
      });
      await sendWrites(this.session, { collection: this.rollupModel.collection, operations, unordered: true });
    }
  }
}
