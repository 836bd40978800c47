/**
 * @module CachedDossierFactsStore — the dashboard's read model kept in this process's memory in front of a shared
 * store (MongoDB): writes go to both, reads are answered from memory after catching up on the facts other server
 * processes changed since the last read (`changedSince`, on the `updatedAt` index). Reading 100,000 facts documents
 * from the database for every dashboard query costs seconds of decoding; catching up costs only the changes.
 */
import type { Clock } from '../../../engine/src/index';
import { MemoryDossierFactsStore } from './memory/memory-dossier-facts-store';
import type { DossierFactsRecord } from '../statistics/dossier-facts-record';
import type { DossierFactsQuery, DossierFactsStore } from '../statistics/dossier-facts-store';
import type { UnitOfWork } from '../unit-of-work';

/** Clock skew between server processes tolerated when catching up. */
const OVERLAP_MS = 5_000;

export class CachedDossierFactsStore implements DossierFactsStore {
  private readonly memory = new MemoryDossierFactsStore();
  private loaded?: Promise<void>;
  private syncedAt = 0;

  constructor(
    private readonly shared: DossierFactsStore,
    private readonly clock: Clock,
  ) {}

  /**
   * The shared store inside `unit`: a write there may still roll back, so it does not enter this process's memory;
   * the next read catches up on it from the shared store once committed.
   */
  within(unit: UnitOfWork): DossierFactsStore {
    return this.shared.within(unit);
  }

  async put(record: DossierFactsRecord): Promise<void> {
    await this.shared.put(record);
    await this.memory.put(record);
  }

  async putMany(records: readonly DossierFactsRecord[]): Promise<void> {
    await this.shared.putMany(records);
    await this.memory.putMany(records);
  }

  async get(dossierId: string): Promise<DossierFactsRecord | undefined> {
    return this.shared.get(dossierId);
  }

  async list(query: DossierFactsQuery): Promise<readonly DossierFactsRecord[]> {
    await this.catchUp();
    return this.memory.list(query);
  }

  async changedSince(at: number): Promise<readonly DossierFactsRecord[]> {
    return this.shared.changedSince(at);
  }

  /** Loads everything once, then only what changed since the last read (the memory store keeps the newest revision). */
  private async catchUp(): Promise<void> {
    this.loaded ??= (async () => {
      this.syncedAt = this.clock.now();
      await this.memory.putMany(await this.shared.list({}));
    })();
    await this.loaded;
    const from = this.syncedAt - OVERLAP_MS;
    this.syncedAt = this.clock.now();
    await this.memory.putMany(await this.shared.changedSince(from));
  }
}
