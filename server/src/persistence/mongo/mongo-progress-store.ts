/** @module MongoProgressStore — ProgressStore on the `progress` collection: insert and read, never update. */
import type { ClientSession } from 'mongoose';
import { DuplicateKey, type ProgressEntry, type ProgressStore } from '../../stores';
import type { ProgressDocument, ProgressModel } from './progress-model';
import { isDuplicateKeyError } from './is-duplicate-key-error';
import { sendWrites } from './unit-write-batch';
import { writingProvince } from '../../tenancy/province-scope';

function toEntry(document: ProgressDocument): ProgressEntry {
  const { _id, ...rest } = document;
  return { ...rest, id: _id };
}

export class MongoProgressStore implements ProgressStore {
  constructor(
    private readonly progress: ProgressModel,
    private readonly session?: ClientSession,
  ) {}

  async append(entry: ProgressEntry): Promise<void> {
    const { id, ...fields } = entry;
    try {
      await this.progress.create([{ ...fields, _id: id }], { session: this.session });
    } catch (error) {
      throw isDuplicateKeyError(error) ? new DuplicateKey('progress', id) : error;
    }
  }

  async appendMany(entries: readonly ProgressEntry[]): Promise<void> {
    if (entries.length === 0) return;
    // The driver's own write (no mongoose document per entry: see mongo-dossier-store.ts `create`), the province
    // stamped here.
    const provinceCode = writingProvince('Progress.appendMany');
    await sendWrites(this.session, {
      collection: this.progress.collection,
      operations: entries.map(({ id, ...fields }) => ({ insertOne: { document: { ...fields, _id: id, provinceCode } } })),
      mapError: (error) => (isDuplicateKeyError(error) ? new DuplicateKey('progress', entries.map((entry) => entry.id).join(', ')) : error),
    });
  }

  async listByDossier(dossierId: string): Promise<ProgressEntry[]> {
    const found = await this.progress.find({ dossierId }, null, { session: this.session }).sort({ seq: 1 }).lean<ProgressDocument[]>();
    return found.map(toEntry);
  }
}
