/** @module MongoProgressStore — ProgressStore on the `progress` collection: insert and read, never update. */
import type { ClientSession } from 'mongoose';
import { DuplicateKey, type ProgressEntry, type ProgressStore } from '../../stores';
import type { ProgressDocument, ProgressModel } from './progress-model';
import { isDuplicateKeyError } from './is-duplicate-key-error';

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
    try {
      // Lean (no mongoose document per entry: see mongo-dossier-store.ts `create`); the province is still stamped.
      await this.progress.insertMany(entries.map(({ id, ...fields }) => ({ ...fields, _id: id })), { session: this.session, ordered: true, lean: true });
    } catch (error) {
      throw isDuplicateKeyError(error) ? new DuplicateKey('progress', entries.map((entry) => entry.id).join(', ')) : error;
    }
  }

  async listByDossier(dossierId: string): Promise<ProgressEntry[]> {
    const found = await this.progress.find({ dossierId }, null, { session: this.session }).sort({ seq: 1 }).lean<ProgressDocument[]>();
    return found.map(toEntry);
  }
}
