/** @module MongoDraftStore — DraftStore on the `drafts` collection. */
import type { DraftRecord, DraftStore, DraftSummary } from '../../stores';
import type { DraftDocument, DraftModel } from './draft-model';

function toRecord<T extends DraftSummary>({ _id, ...rest }: Partial<DraftDocument> & { _id: string }): T {
  return { id: _id, ...rest } as T;
}

export class MongoDraftStore implements DraftStore {
  constructor(private readonly drafts: DraftModel) {}

  async save({ id, ...draft }: DraftRecord): Promise<void> {
    await this.drafts.replaceOne({ _id: id }, { _id: id, ...draft }, { upsert: true });
  }

  async get(id: string): Promise<DraftRecord | undefined> {
    const found = await this.drafts.findById(id).lean<DraftDocument>();
    return found ? toRecord<DraftRecord>(found) : undefined;
  }

  async listByOwner(ownerId: string): Promise<DraftSummary[]> {
    const found = await this.drafts.find({ ownerId }, { xml: 0 }).sort({ savedAt: -1 }).lean<DraftDocument[]>();
    return found.map((document) => toRecord<DraftSummary>(document));
  }

  async remove(id: string): Promise<void> {
    await this.drafts.deleteOne({ _id: id });
  }
}
