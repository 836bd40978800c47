/**
 * @module MongoProcedureStore — ProcedureStore on the `procedures` collection. Each province deploys its own versions
 * of a procedure (issue 18 item 2): a version's `_id` is `<provinceCode>:<key>@<version>`, and the versions kept in
 * memory are kept per province.
 */
import type { ClientSession } from 'mongoose';
import { DuplicateKey, type ProcedureRecord, type ProcedureRetirement, type ProcedureStore, type ProcedureSummary } from '../../stores';
import { isDuplicateKeyError } from './is-duplicate-key-error';
import type { ProcedureDocument, ProcedureModel } from './procedure-model';
import { currentProvinceScope, writingProvince } from '../../tenancy/province-scope';

/** The province a cached version belongs to; none nationally, where a key names a version in every province. */
function cachedProvince(): string | undefined {
  const scope = currentProvinceScope('ProcedureVersionCache');
  return scope.kind === 'province' ? scope.provinceCode : undefined;
}

const summaryFields = { xml: 0, definition: 0 } as const;

function toRecord<T extends ProcedureSummary>(document: Partial<ProcedureDocument>): T {
  const { _id: _ignored, ...record } = document;
  return record as T;
}

/** How many times a deploy retries when a concurrent deploy took the version it computed. */
const deployAttempts = 50;

/** Deployed versions kept in memory; a province has a few hundred procedures, each with a handful of versions. */
const CACHED_VERSIONS = 1_000;

/**
 * Deployed versions read before, by province and `key@version`, shared by the stores of one `createMongoStores`. A deployed version
 * never changes, so every command on a dossier of that version is decided on the same record without reading (and
 * decoding) its XML and definition again, and the engine's per-definition index (a WeakMap) is built once.
 * Handed out as stored: read-only.
 */
export class ProcedureVersionCache {
  private readonly byId = new Map<string, ProcedureRecord>();

  get(key: string, version: number): ProcedureRecord | undefined {
    const province = cachedProvince();
    return province === undefined ? undefined : this.byId.get(`${province}:${key}@${version}`);
  }

  keep(record: ProcedureRecord): void {
    const province = cachedProvince();
    if (province === undefined) return;
    if (this.byId.size >= CACHED_VERSIONS) this.byId.delete(this.byId.keys().next().value!);
    this.byId.set(`${province}:${record.key}@${record.version}`, record);
  }
}

export class MongoProcedureStore implements ProcedureStore {
  constructor(
    private readonly procedures: ProcedureModel,
    private readonly session?: ClientSession,
    private readonly versions = new ProcedureVersionCache(),
  ) {}

  async deploy(record: Omit<ProcedureRecord, 'version'>): Promise<ProcedureRecord> {
    const provinceCode = writingProvince('Procedure.deploy');
    for (let attempt = 1; ; attempt += 1) {
      const latest = await this.procedures
        .findOne({ key: record.key }, { version: 1 }, { session: this.session })
        .sort({ version: -1 })
        .lean<{ version: number }>();
      const version = (latest?.version ?? 0) + 1;
      const stored: ProcedureRecord = { ...record, version };
      try {
        await this.procedures.create([{ ...stored, _id: `${provinceCode}:${record.key}@${version}` }], { session: this.session });
        return stored;
      } catch (error) {
        // Another deploy took this version: compute the next one. Inside a transaction the server has already
        // aborted it, so the conflict goes up to the caller (the driver retries transient transaction errors).
        if (!isDuplicateKeyError(error)) throw error;
        if (this.session || attempt >= deployAttempts) throw new DuplicateKey('procedures', `${record.key}@${version}`);
      }
    }
  }

  async get(key: string, version: number): Promise<ProcedureRecord | undefined> {
    const cached = this.versions.get(key, version);
    if (cached) return cached;
    // The version as deployed, without the key's retirement, which changes (read it through `latest`).
    const found = await this.procedures.findOne({ key, version }, { retirement: 0 }, { session: this.session }).lean<ProcedureDocument>();
    if (!found) return undefined;
    const record = toRecord<ProcedureRecord>(found);
    // Kept even when read in a unit of work: the server deploys outside units of work, so a version it reads there
    // was committed before and cannot roll back.
    this.versions.keep(record);
    return record;
  }

  async latest(key: string): Promise<ProcedureRecord | undefined> {
    // Only the latest version's number and the key's retirement (which changes); the version itself, which never
    // changes, comes from the versions kept in memory, read whole once. An intake reads a few bytes, not the XML.
    const found = await this.procedures
      .findOne({ key }, { version: 1, retirement: 1 }, { session: this.session })
      .sort({ version: -1 })
      .lean<Pick<ProcedureDocument, 'version' | 'retirement'>>();
    if (!found) return undefined;
    const version = await this.get(key, found.version);
    if (!version) return undefined;
    return found.retirement ? { ...version, retirement: found.retirement } : version;
  }

  async listLatest(): Promise<ProcedureSummary[]> {
    const latest = await this.procedures
      .aggregate<ProcedureDocument>([
        { $sort: { key: 1, version: -1 } },
        { $group: { _id: '$key', latest: { $first: '$$ROOT' } } },
        { $replaceRoot: { newRoot: '$latest' } },
        { $project: { ...summaryFields, provinceCode: 0 } },
        { $sort: { key: 1 } },
      ])
      .session(this.session ?? null);
    return latest.map((document) => toRecord<ProcedureSummary>(document));
  }

  async listVersions(key: string): Promise<ProcedureSummary[]> {
    const versions = await this.procedures
      .find({ key }, summaryFields, { session: this.session })
      .sort({ version: -1 })
      .lean<ProcedureDocument[]>();
    return versions.map((document) => toRecord<ProcedureSummary>(document));
  }

  async setRetirement(key: string, retirement: ProcedureRetirement | undefined): Promise<number> {
    // Every version at once: a dossier started on any of them goes on, and none of them starts a new one.
    const change = retirement ? { $set: { retirement } } : { $unset: { retirement: 1 } };
    const { matchedCount } = await this.procedures.updateMany({ key }, change, { session: this.session });
    return matchedCount;
  }
}
