/**
 * @module MongoRetentionStore — RetentionStore on MongoDB: policies in `retention_policies` (one document per
 * procedure key), the due dossiers from `dossiers` by the `{procedureKey, status, updatedAt}` index, their attachments'
 * sizes from the GridFS files of the `attachments` bucket, and the steps' folded applicant name cleared in `steps`.
 *
 * Province tenancy (issue 18 item 2): the dossiers and steps go through the province plugin; the policies and the
 * GridFS files are read with the raw driver, which it does not see, so they are confined here by hand. A policy is
 * a province's (`_id` `<provinceCode>:<procedureKey>`): two provinces keep the same procedure for different periods.
 * The daily run's lease is one document per province and day in `retention_runs` (`_id` `<provinceCode>:<day>`).
 */
import type { Connection, QueryFilter } from 'mongoose';
import type { DossierSummary } from '../../stores';
import { CLOSED_STATUSES, type RetentionPolicy } from '../../retention/retention-policy';
import type { DueSummary, RetentionStore } from '../../retention/retention-store';
import { dossierModel, type DossierDocument, type DossierModel } from './dossier-model';
import { stepModel, type StepModel } from './step-model';
import { provinceFilter, writingProvince } from '../../tenancy/province-scope';
import { isDuplicateKeyError } from './is-duplicate-key-error';

interface RunDocument {
  _id: string;
  provinceCode: string;
  day: string;
  owner: string;
  leasedUntil: number;
  finishedAt?: number;
}

interface PolicyDocument extends RetentionPolicy {
  _id: string;
  provinceCode: string;
}

/** Ids per query when summing the due dossiers' attachments: a bounded `$in`. */
const IDS_PER_QUERY = 1000;

export class MongoRetentionStore implements RetentionStore {
  constructor(
    private readonly connection: Connection,
    private readonly dossiers: DossierModel = dossierModel(connection),
    private readonly steps: StepModel = stepModel(connection),
  ) {}

  private collection<T extends object>(name: string) {
    const db = this.connection.db;
    if (!db) throw new Error('the mongoose connection is not open');
    return db.collection<T>(name);
  }

  async policies(): Promise<RetentionPolicy[]> {
    const found = await this.collection<PolicyDocument>('retention_policies').find(provinceFilter('retention_policies.find')).sort({ procedureKey: 1, _id: 1 }).toArray();
    return found.map(({ procedureKey, years, mode, setAt, setBy }) => ({ procedureKey, years, mode, setAt, setBy }));
  }

  async setPolicy(policy: RetentionPolicy): Promise<void> {
    const { procedureKey, years, mode, setAt, setBy } = policy;
    const provinceCode = writingProvince('retention_policies.replaceOne');
    await this.collection<PolicyDocument>('retention_policies').replaceOne(
      { _id: `${provinceCode}:${procedureKey}`, provinceCode },
      { provinceCode, procedureKey, years, mode, setAt, setBy },
      { upsert: true },
    );
  }

  private dueFilter(procedureKey: string, closedBefore: number): QueryFilter<DossierDocument> {
    return {
      procedureKey,
      status: { $in: [...CLOSED_STATUSES] },
      updatedAt: { $lt: closedBefore },
      $or: [{ retention: { $exists: false } }, { 'retention.attachmentsRemoved': false }],
    } as QueryFilter<DossierDocument>;
  }

  async due(procedureKey: string, closedBefore: number, limit: number): Promise<DossierSummary[]> {
    const found = await this.dossiers
      .find(this.dueFilter(procedureKey, closedBefore), { form: 0, instance: 0 })
      .sort({ updatedAt: 1, _id: 1 })
      .limit(limit)
      .lean<DossierDocument[]>();
    return found.map(({ _id, ...rest }) => ({ ...rest, id: _id }));
  }

  async summarizeDue(procedureKey: string, closedBefore: number): Promise<DueSummary> {
    const filter = this.dueFilter(procedureKey, closedBefore);
    const count = await this.dossiers.countDocuments(filter);
    if (count === 0) return { count: 0, attachmentCount: 0, attachmentBytes: 0 };
    const oldest = await this.dossiers.findOne(filter, { updatedAt: 1 }).sort({ updatedAt: 1, _id: 1 }).lean<{ updatedAt: number }>();
    let attachmentCount = 0;
    let attachmentBytes = 0;
    const files = this.collection<{ length: number; metadata?: { dossierId: string; provinceCode?: string } }>('attachments.files');
    const { provinceCode } = provinceFilter('attachments.files.find');
    const inProvince = provinceCode === undefined ? {} : { 'metadata.provinceCode': provinceCode };
    let ids: string[] = [];
    const sum = async () => {
      for (const file of await files.find({ ...inProvince, 'metadata.dossierId': { $in: ids } }, { projection: { length: 1 } }).toArray()) {
        attachmentCount += 1;
        attachmentBytes += file.length;
      }
      ids = [];
    };
    for await (const dossier of this.dossiers.find(filter, { _id: 1 }).lean<{ _id: string }>().cursor()) {
      ids.push(dossier._id);
      if (ids.length === IDS_PER_QUERY) await sum();
    }
    if (ids.length > 0) await sum();
    return { count, ...(oldest ? { oldestClosedAt: oldest.updatedAt } : {}), attachmentCount, attachmentBytes };
  }

  async forgetStepSearch(dossierId: string): Promise<void> {
    await this.steps.updateMany({ dossierId }, { $set: { nameSearch: '' } });
  }

  async claimScheduledRun(day: string, owner: string, now: number, leaseMs: number): Promise<boolean> {
    const provinceCode = writingProvince('retention_runs.claim');
    try {
      // Matches an unfinished run that is ours or whose lease ran out; none there yet: inserted. A run another owner
      // holds, or one finished, matches nothing, and the insert the upsert tries collides with its _id.
      const claimed = await this.collection<RunDocument>('retention_runs').findOneAndUpdate(
        { _id: `${provinceCode}:${day}`, finishedAt: { $exists: false }, $or: [{ owner }, { leasedUntil: { $lte: now } }] },
        { $set: { provinceCode, day, owner, leasedUntil: now + leaseMs } },
        { upsert: true, returnDocument: 'after' },
      );
      return claimed !== null;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async finishScheduledRun(day: string, owner: string, now: number): Promise<void> {
    const provinceCode = writingProvince('retention_runs.finish');
    await this.collection<RunDocument>('retention_runs').updateOne({ _id: `${provinceCode}:${day}` }, { $set: { provinceCode, day, owner, leasedUntil: now, finishedAt: now } }, { upsert: true });
  }
}
