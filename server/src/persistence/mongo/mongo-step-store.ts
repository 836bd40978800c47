/** @module MongoStepStore — StepStore on the `steps` collection. */
import type { ClientSession, QueryFilter } from 'mongoose';
import { ConcurrencyConflict, DuplicateKey, type DossierRecord, type Page, type StepPhase, type StepQuery, type StepRecord, type StepStore, type UrgencyPage } from '../../stores';
import { PHASES_BY_URGENCY } from '../step-urgency';
import type { DossierModel } from './dossier-model';
import { isDuplicateKeyError } from './is-duplicate-key-error';
import { pageWithTotal } from './page-with-total';
import { sendWrites } from './unit-write-batch';
import { writingProvince } from '../../tenancy/province-scope';
import { stepFactsOf, type StepDocument, type StepDossierFacts, type StepModel } from './step-model';

function toRecord(document: StepDocument): StepRecord {
  const { _id, procedureKey: _procedureKey, codeSearch: _codeSearch, nameSearch: _nameSearch, ...rest } = document;
  return { ...rest, id: _id };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Each phase as a range of the instants kept beside the clock (see ../step-urgency.ts, which the memory adapter uses). */
function phaseFilter(phase: StepPhase, now: number): QueryFilter<StepDocument> {
  switch (phase) {
    case 'none': return { dueAt: null };
    case 'paused': return { dueAt: { $ne: null }, pausedAt: { $ne: null } };
    case 'overdue': return { pausedAt: null, dueAt: { $lte: now } };
    case 'nearlyDue': return { pausedAt: null, dueAt: { $gt: now }, nearlyDueAt: { $lte: now } };
    case 'due': return { pausedAt: null, dueAt: { $gt: now }, $or: [{ nearlyDueAt: null }, { nearlyDueAt: { $gt: now } }] };
  }
}

function toFilter(query: StepQuery): QueryFilter<StepDocument> {
  const filter: QueryFilter<StepDocument> = {};
  if (query.dossierId !== undefined) filter.dossierId = query.dossierId;
  if (query.status) filter.status = { $in: query.status };
  if (query.agencyId !== undefined) filter.agencyId = query.agencyId;
  if (query.departmentId !== undefined) filter.departmentId = query.departmentId;
  if (query.assigneeId !== undefined) filter.assigneeId = query.assigneeId;
  else if (query.claimed !== undefined) filter.assigneeId = query.claimed ? { $ne: null } : null;
  if (query.elementId !== undefined) filter.elementId = query.elementId;
  if (query.procedureKey !== undefined) filter.procedureKey = query.procedureKey;
  // Anchored on the code (its prefix), anywhere in the name; both folded when written.
  if (query.search !== undefined) filter.$or = [{ codeSearch: { $regex: `^${escapeRegex(query.search)}` } }, { nameSearch: { $regex: escapeRegex(query.search) } }];
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
      await this.steps.create([{ ...fields, _id: id, ...(await this.dossierFactsOf(record.dossierId)) }], {
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
    const document: Omit<StepDocument, '_id'> = { ...fields, ...(await this.dossierFactsOf(record.dossierId)) };
    // Conditional on rev: read-check-write in one atomic step (optimistic concurrency).
    const result = await this.steps.replaceOne({ _id: id, rev: record.rev }, document, { session: this.session });
    if (result.matchedCount !== 1) throw new ConcurrencyConflict('steps', record.id, record.rev);
    return stored;
  }

  async writeMany(dossier: DossierRecord, created: readonly Omit<StepRecord, 'rev'>[], changed: readonly StepRecord[]): Promise<void> {
    if (created.length + changed.length === 0) return;
    // The dossier is in hand: its facts are copied beside each step without reading it back.
    const facts = stepFactsOf(dossier);
    // The driver's own bulk write (unit-write-batch.ts): the steps are the engine's records, stored as given, and building, casting and
    // validating a mongoose document per step was a large part of a command's time (bench/README.md). The province
    // plugin does not see it, so the writing province goes into each document and filter here.
    const provinceCode = writingProvince('Step.bulkWrite');
    const operations = [
      ...created.map(({ id, ...fields }) => ({ insertOne: { document: { ...fields, rev: 0, _id: id, ...facts, provinceCode } } })),
      ...changed.map(({ id, ...fields }) => ({ replaceOne: { filter: { _id: id, rev: fields.rev, provinceCode }, replacement: { ...fields, _id: id, rev: fields.rev + 1, ...facts, provinceCode } } })),
    ];
    await sendWrites(this.session, {
      collection: this.steps.collection,
      operations,
      // Conditional on rev, as `update`: a step another writer changed meanwhile matches nothing.
      expectMatched: (matched) => {
        if (matched !== changed.length) throw new ConcurrencyConflict('steps', changed.map((record) => record.id).join(', '), changed[0]!.rev);
      },
      mapError: (error) => (isDuplicateKeyError(error) ? new DuplicateKey('steps', created.map((record) => record.id).join(', ')) : error),
    });
  }

  async list(query: StepQuery, page: { offset: number; limit: number }): Promise<Page<StepRecord>> {
    const filter = toFilter(query);
    const { items, total } = await pageWithTotal(
      page,
      async () => await this.steps.find(filter, null, { session: this.session }).sort({ startedAt: 1, _id: 1 }).skip(page.offset).limit(page.limit).lean<StepDocument[]>(),
      async () => await this.steps.countDocuments(filter, { session: this.session }),
    );
    return { items: items.map(toRecord), total };
  }

  async listByUrgency(query: StepQuery, at: { now: number; phases?: StepPhase[] }, page: { offset: number; limit: number }): Promise<UrgencyPage> {
    const base = toFilter(query);
    const filterOf = (phase: StepPhase): QueryFilter<StepDocument> => ({ $and: [base, phaseFilter(phase, at.now)] });
    const counts = await Promise.all(PHASES_BY_URGENCY.map((phase) => this.steps.countDocuments(filterOf(phase), { session: this.session })));
    const phases = Object.fromEntries(PHASES_BY_URGENCY.map((phase, index) => [phase, counts[index]!])) as Record<StepPhase, number>;
    // The page walks the phases in order of urgency: each phase is one sorted, skipped and limited query.
    const items: StepRecord[] = [];
    let skip = page.offset;
    let total = 0;
    for (const phase of PHASES_BY_URGENCY) {
      if (at.phases && !at.phases.includes(phase)) continue;
      const count = phases[phase];
      total += count;
      if (skip >= count) {
        skip -= count;
        continue;
      }
      const wanted = page.limit - items.length;
      if (wanted <= 0) continue;
      const found = await this.steps
        .find(filterOf(phase), null, { session: this.session })
        .sort({ dueAt: 1, startedAt: 1, _id: 1 })
        .skip(skip)
        .limit(wanted)
        .lean<StepDocument[]>();
      items.push(...found.map(toRecord));
      skip = 0;
    }
    return { items, total, phases };
  }

  /** Steps carry their dossier's procedure key and folded code and name (copied on write): each filter is one query. */
  private async dossierFactsOf(dossierId: string): Promise<StepDossierFacts> {
    const dossier = await this.dossiers
      .findById(dossierId, { procedureKey: 1, dossierCode: 1, 'applicant.name': 1 }, { session: this.session })
      .lean<{ procedureKey: string; dossierCode: string; applicant: { name: string } }>();
    return dossier ? stepFactsOf(dossier) : {};
  }
}
