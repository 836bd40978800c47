/** @module MemoryAuditStore — the append-only audit trail kept in arrays, for unit tests and benchmarks. */
import { DuplicateKey, type AuditRecord, type AuditStore } from '../../stores';
import type { UndoLog } from './undo-log';
import { sortedBy, type NationalReads } from './province-partitioned';

export interface MemoryAuditState {
  ids: Set<string>;
  byDossier: Map<string, AuditRecord[]>;
}

/** Records are never changed once appended; each dossier's trail is kept in (at, append) order. */
export class MemoryAuditStore implements AuditStore {
  /** How each read is answered in a national scope; every other method writes (province-partitioned.ts). */
  static readonly nationalReads: NationalReads<MemoryAuditStore> = {
    listByDossier: sortedBy<AuditRecord>((a, b) => a.at - b.at),
  };

  constructor(
    private readonly state: MemoryAuditState = { ids: new Set(), byDossier: new Map() },
    private readonly undo?: UndoLog,
  ) {}

  withUndo(undo: UndoLog): MemoryAuditStore {
    return new MemoryAuditStore(this.state, undo);
  }

  async append(record: AuditRecord): Promise<void> {
    if (this.state.ids.has(record.id)) throw new DuplicateKey('audit', record.id);
    const stored = structuredClone(record);
    this.state.ids.add(record.id);
    // Records of no dossier (sign-ins, deployments …) are kept only as ids: no port method lists them.
    const trail = record.dossierId === undefined ? [] : (this.state.byDossier.get(record.dossierId) ?? []);
    // Insert after every record at or before `at`: stable for equal instants, cheap when appends come in order.
    let index = trail.length;
    while (index > 0 && trail[index - 1]!.at > stored.at) index -= 1;
    trail.splice(index, 0, stored);
    if (record.dossierId !== undefined) this.state.byDossier.set(record.dossierId, trail);
    this.undo?.record(() => {
      this.state.ids.delete(record.id);
      const at = trail.indexOf(stored);
      if (at >= 0) trail.splice(at, 1);
    });
  }

  async appendMany(records: readonly AuditRecord[]): Promise<void> {
    for (const record of records) await this.append(record);
  }

  async listByDossier(dossierId: string): Promise<AuditRecord[]> {
    return (this.state.byDossier.get(dossierId) ?? []).map((record) => structuredClone(record));
  }
}
