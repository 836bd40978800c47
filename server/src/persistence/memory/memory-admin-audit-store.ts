/** @module MemoryAdminAuditStore — the audit of administration in an array, for tests and demos: append and read only. */
import { DuplicateKey, type AdminAuditQuery, type AdminAuditRecord, type AdminAuditStore, type Page } from '../../stores';
import { paginate } from './paginate';
import type { UnitOfWork } from '../../unit-of-work';
import { undoOf } from './memory-unit-of-work';
import { pagedBy, type NationalReads } from './province-partitioned';

const matches = (record: AdminAuditRecord, query: AdminAuditQuery): boolean =>
  (query.actorId === undefined || record.actorId === query.actorId) &&
  (query.action === undefined || record.action === query.action) &&
  (query.targetKind === undefined || record.target.kind === query.targetKind) &&
  (query.targetId === undefined || record.target.id === query.targetId) &&
  (query.from === undefined || record.at >= query.from) &&
  (query.to === undefined || record.at <= query.to);

const newestFirst = (a: AdminAuditRecord, b: AdminAuditRecord): number => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

export class MemoryAdminAuditStore implements AdminAuditStore {
  /** How each read is answered in a national scope; every other method writes (province-partitioned.ts). */
  static readonly nationalReads: NationalReads<MemoryAdminAuditStore> = {
    list: pagedBy(1, () => newestFirst),
  };

  private readonly records: AdminAuditRecord[] = [];
  private readonly ids = new Set<string>();

  async append(record: AdminAuditRecord): Promise<void> {
    if (this.ids.has(record.id)) throw new DuplicateKey('admin_audit', record.id);
    this.ids.add(record.id);
    // Frozen copies: what was appended stays as it was, whatever the caller does with its object afterwards.
    this.records.push(structuredClone(record));
  }

  /** In a unit of the memory adapter an appended record is removed again if the unit throws. */
  within(unit: UnitOfWork): Pick<AdminAuditStore, 'append'> {
    const undo = undoOf(unit);
    return {
      append: async (record) => {
        await this.append(record);
        undo?.record(() => {
          this.ids.delete(record.id);
          const at = this.records.findIndex((kept) => kept.id === record.id);
          if (at >= 0) this.records.splice(at, 1);
        });
      },
    };
  }

  async list(query: AdminAuditQuery, page: { offset: number; limit: number }): Promise<Page<AdminAuditRecord>> {
    const found = this.records
      .filter((record) => matches(record, query))
      .sort(newestFirst);
    const result = paginate(found, page);
    return { items: result.items.map((record) => structuredClone(record)), total: result.total };
  }
}
