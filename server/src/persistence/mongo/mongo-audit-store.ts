/** @module MongoAuditStore — AuditStore on the `audit` collection: insert and read, never update. */
import { Types, type ClientSession } from 'mongoose';
import { DuplicateKey, type AuditRecord, type AuditStore } from '../../stores';
import type { AuditDocument, AuditModel } from './audit-model';
import { isDuplicateKeyError } from './is-duplicate-key-error';

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
    try {
      // One ObjectId per record, made in order: records with the same `at` keep their append order.
      const documents = records.map(({ id, ...fields }) => ({ ...fields, _id: id, appendOrder: new Types.ObjectId() }));
      // Lean (no mongoose document per record: see mongo-dossier-store.ts `create`); the province is still stamped.
      await this.audit.insertMany(documents, { session: this.session, ordered: true, lean: true });
    } catch (error) {
      throw isDuplicateKeyError(error) ? new DuplicateKey('audit', records.map((record) => record.id).join(', ')) : error;
    }
  }

  async listByDossier(dossierId: string): Promise<AuditRecord[]> {
    const found = await this.audit
      .find({ dossierId }, null, { session: this.session })
      .sort({ at: 1, appendOrder: 1 })
      .lean<AuditDocument[]>();
    return found.map(toRecord);
  }
}
