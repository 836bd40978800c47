/** @module MongoProcedureStore — ProcedureStore on the `procedures` collection. */
import type { ClientSession } from 'mongoose';
import { DuplicateKey, type ProcedureRecord, type ProcedureStore, type ProcedureSummary } from '../../stores';
import { isDuplicateKeyError } from './is-duplicate-key-error';
import type { ProcedureDocument, ProcedureModel } from './procedure-model';

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
 * Deployed versions read before, by `key@version`, shared by the stores of one `createMongoStores`. A deployed version
 * never changes, so every command on a dossier of that version is decided on the same record without reading (and
 * decoding) its XML and definition again, and the engine's per-definition index (a WeakMap) is built once.
 * Handed out as stored: read-only.
 */
export class ProcedureVersionCache {
  private readonly byId = new Map<string, ProcedureRecord>();

  get(key: string, version: number): ProcedureRecord | undefined {
    return this.byId.get(`${key}@${version}`);
  }

  keep(record: ProcedureRecord): void {
    if (this.byId.size >= CACHED_VERSIONS) this.byId.delete(this.byId.keys().next().value!);
    this.byId.set(`${record.key}@${record.version}`, record);
  }
}

export class MongoProcedureStore implements ProcedureStore {
  constructor(
    private readonly procedures: ProcedureModel,
    private readonly session?: ClientSession,
    private readonly versions = new ProcedureVersionCache(),
  ) {}

  async deploy(record: Omit<ProcedureRecord, 'version'>): Promise<ProcedureRecord> {
    for (let attempt = 1; ; attempt += 1) {
      const latest = await this.procedures
        .findOne({ key: record.key }, { version: 1 }, { session: this.session })
        .sort({ version: -1 })
        .lean<{ version: number }>();
      const version = (latest?.version ?? 0) + 1;
      const stored: ProcedureRecord = { ...record, version };
      try {
        await this.procedures.create([{ ...stored, _id: `${record.key}@${version}` }], { session: this.session });
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
    const found = await this.procedures.findOne({ key, version }, null, { session: this.session }).lean<ProcedureDocument>();
    if (!found) return undefined;
    const record = toRecord<ProcedureRecord>(found);
    // Kept even when read in a unit of work: the server deploys outside units of work, so a version it reads there
    // was committed before and cannot roll back.
    this.versions.keep(record);
    return record;
  }

  async latest(key: string): Promise<ProcedureRecord | undefined> {
    const found = await this.procedures
      .findOne({ key }, null, { session: this.session })
      .sort({ version: -1 })
      .lean<ProcedureDocument>();
    return found ? toRecord<ProcedureRecord>(found) : undefined;
  }

  async listLatest(): Promise<ProcedureSummary[]> {
    const latest = await this.procedures
      .aggregate<ProcedureDocument>([
        { $sort: { key: 1, version: -1 } },
        { $group: { _id: '$key', latest: { $first: '$$ROOT' } } },
        { $replaceRoot: { newRoot: '$latest' } },
        { $project: summaryFields },
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
}
