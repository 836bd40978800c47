/** @module MongoAuditStore — AuditStore on the `audit` collection: insert and read, never update. */
import { Types, type ClientSession } from 'mongoose';
import { DuplicateKey, type AuditRecord, type AuditStore } from '../../stores';
import type { AuditDocument, AuditModel } from './audit-model';
import { isDuplicateKeyError } from './is-duplicate-key-error';
import { sendWrites } from './unit-write-batch';
import { writingProvince } from '../../tenancy/province-scope';

function toRecord(document: AuditDocument): AuditRecord {
  const { _id, appendOrder: _appendOrder, ...rest } = document;
  return { ...rest, id: _id };
}

export class MongoAuditStore implements AuditStore {
  constructor(
    private readonly audit: AuditModel,
    private readonly session?: ClientSession,
  ) {}

  async append(record: AuditRecord): Promise<void> {
    const { id, ...fields } = record;
    try {
      // ObjectIds made by one process increase, so records with the same `at` keep their append order.
      await this.audit.create([{ ...fields, _id: id, appendOrder: new Types.ObjectId() }], { session: this.session });
    } catch (error) {
      throw isDuplicateKeyError(error) ? new DuplicateKey('audit', id) : error;
    }
  }

  async appendMany(records: readonly AuditRecord[]): Promise<void> {
    if (records.length === 0) return;
    // One ObjectId per record, made in order: records with the same `at` keep their append order. The driver's own
    // write (no mongoose document per record: see mongo-dossier-store.ts `create`), the province stamped here.
    const provinceCode = writingProvince('Audit.appendMany');
    await sendWrites(this.session, {
      collection: this.audit.collection,
      operations: records.map(({ id, ...fields }) => ({ insertOne: { document: { ...fields, _id: id, appendOrder: new Types.ObjectId(), provinceCode } } })),
      mapError: (error) => (isDuplicateKeyError(error) ? new DuplicateKey('audit', records.map((record) => record.id).join(', ')) : error),
    });
  }

  async listByDossier(dossierId: string): Promise<AuditRecord[]> {
    const found = await this.audit
      .find({ dossierId }, null, { session: this.session })
      .sort({ at: 1, appendOrder: 1 })
      .lean<AuditDocument[]>();
    return found.map(toRecord);
  }
}
