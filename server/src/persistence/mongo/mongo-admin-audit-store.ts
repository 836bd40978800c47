/**
 * @module MongoAdminAuditStore — AdminAuditStore on the `admin_audit` collection: `insert` and `find`, nothing else,
 * so the adapter can neither change nor remove a record. A change written through a unit of work appends its record
 * in that unit's transaction (`within`); a change that is one write of its own store appends it once the change is
 * stored.
 */
import type { ClientSession } from 'mongoose';
import { DuplicateKey, type AdminAuditQuery, type AdminAuditRecord, type AdminAuditStore, type Page } from '../../stores';
import type { UnitOfWork } from '../../unit-of-work';
import { sessionOf } from './mongo-unit-of-work';
import type { AdminAuditDocument, AdminAuditModel } from './admin-audit-model';
import { isDuplicateKeyError } from './is-duplicate-key-error';

function toRecord(document: AdminAuditDocument): AdminAuditRecord {
  const { _id, ...rest } = document;
  return { id: _id, ...rest };
}

function toFilter(query: AdminAuditQuery): Record<string, unknown> {
  const at = { ...(query.from !== undefined ? { $gte: query.from } : {}), ...(query.to !== undefined ? { $lte: query.to } : {}) };
  return {
    ...(query.actorId !== undefined ? { actorId: query.actorId } : {}),
    ...(query.action !== undefined ? { action: query.action } : {}),
    ...(query.targetKind !== undefined ? { 'target.kind': query.targetKind } : {}),
    ...(query.targetId !== undefined ? { 'target.id': query.targetId } : {}),
    ...(Object.keys(at).length > 0 ? { at } : {}),
  };
}

export class MongoAdminAuditStore implements AdminAuditStore {
  /** @param session set by `within`: the append joins that transaction */
  constructor(
    private readonly model: AdminAuditModel,
    private readonly session?: ClientSession,
  ) {}

  within(unit: UnitOfWork): MongoAdminAuditStore {
    return new MongoAdminAuditStore(this.model, sessionOf('the administration audit', unit));
  }

  async append(record: AdminAuditRecord): Promise<void> {
    const { id, ...fields } = record;
    try {
      await this.model.create([{ ...fields, _id: id }], { session: this.session ?? null });
    } catch (error) {
      throw isDuplicateKeyError(error) ? new DuplicateKey('admin_audit', id) : error;
    }
  }

  async list(query: AdminAuditQuery, page: { offset: number; limit: number }): Promise<Page<AdminAuditRecord>> {
    const filter = toFilter(query);
    const [found, total] = await Promise.all([
      this.model.find(filter).sort({ at: -1, _id: -1 }).skip(page.offset).limit(page.limit).lean<AdminAuditDocument[]>(),
      this.model.countDocuments(filter),
    ]);
    return { items: found.map(toRecord), total };
  }
}
