/** @module MemoryProgressStore — the append-only progress records (tiến trình) of each dossier, in memory. */
import { DuplicateKey, type ProgressEntry, type ProgressStore } from '../../stores';
import type { UndoLog } from './undo-log';
import { sortedBy, type NationalReads } from './province-partitioned';

export interface MemoryProgressState {
  ids: Set<string>;
  byDossier: Map<string, ProgressEntry[]>;
}

/** Entries are never changed once appended; each dossier's list is kept in `seq` order. */
export class MemoryProgressStore implements ProgressStore {
  /** How each read is answered in a national scope; every other method writes (province-partitioned.ts). */
  static readonly nationalReads: NationalReads<MemoryProgressStore> = {
    listByDossier: sortedBy<ProgressEntry>((a, b) => a.seq - b.seq),
  };

  constructor(
    private readonly state: MemoryProgressState = { ids: new Set(), byDossier: new Map() },
    private readonly undo?: UndoLog,
  ) {}

  withUndo(undo: UndoLog): MemoryProgressStore {
    return new MemoryProgressStore(this.state, undo);
  }

  async append(entry: ProgressEntry): Promise<void> {
    if (this.state.ids.has(entry.id)) throw new DuplicateKey('progress', entry.id);
    const stored = structuredClone(entry);
    const list = this.state.byDossier.get(entry.dossierId) ?? [];
    let index = list.length;
    while (index > 0 && list[index - 1]!.seq > stored.seq) index -= 1;
    list.splice(index, 0, stored);
    this.state.ids.add(entry.id);
    this.state.byDossier.set(entry.dossierId, list);
    this.undo?.record(() => {
      this.state.ids.delete(entry.id);
      const at = list.indexOf(stored);
      if (at >= 0) list.splice(at, 1);
    });
  }

  async appendMany(entries: readonly ProgressEntry[]): Promise<void> {
    for (const entry of entries) await this.append(entry);
  }

  async listByDossier(dossierId: string): Promise<ProgressEntry[]> {
    return (this.state.byDossier.get(dossierId) ?? []).map((entry) => structuredClone(entry));
  }
}
