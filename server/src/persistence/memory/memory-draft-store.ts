/** @module MemoryDraftStore — analysts' drafts kept in a Map, for tests and the in-memory app. */
import type { DraftRecord, DraftStore, DraftSummary } from '../../stores';
import { firstFound, sortedBy, type NationalReads } from './province-partitioned';

export class MemoryDraftStore implements DraftStore {
  /** How each read is answered in a national scope; every other method writes (province-partitioned.ts). */
  static readonly nationalReads: NationalReads<MemoryDraftStore> = {
    get: firstFound,
    listByOwner: sortedBy<DraftSummary>((a, b) => b.savedAt - a.savedAt),
  };

  private readonly drafts = new Map<string, DraftRecord>();

  async save(draft: DraftRecord): Promise<void> {
    // Kept in the order saved, so drafts saved at the same instant (a simulated clock) list the last saved first.
    this.drafts.delete(draft.id);
    this.drafts.set(draft.id, structuredClone(draft));
  }

  async get(id: string): Promise<DraftRecord | undefined> {
    const found = this.drafts.get(id);
    return found && structuredClone(found);
  }

  async listByOwner(ownerId: string): Promise<DraftSummary[]> {
    return [...this.drafts.values()]
      .reverse()
      .filter((draft) => draft.ownerId === ownerId)
      .sort((a, b) => b.savedAt - a.savedAt)
      .map(({ xml: _xml, ...summary }) => structuredClone(summary));
  }

  async remove(id: string): Promise<void> {
    this.drafts.delete(id);
  }
}
