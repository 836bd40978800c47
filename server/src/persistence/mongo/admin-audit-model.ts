/**
 * @module adminAuditModel — the `admin_audit` collection: one document per administrative change, inserted and
 * never updated (the adapter has no write but `create`). Indexed by time, newest first, and by actor, action and
 * target within time, for the administrators' filters.
 */
import { Schema, type Connection } from 'mongoose';
import { provinceScopedPlugin } from './province-scoped-plugin';
import type { AdminAuditRecord } from '../../stores';

export type AdminAuditDocument = Omit<AdminAuditRecord, 'id'> & { _id: string };

const adminAuditSchema = new Schema<AdminAuditDocument>(
  {
    _id: { type: String, required: true },
    at: { type: Number, required: true },
    actorId: { type: String, required: true },
    action: { type: String, required: true },
    target: { kind: { type: String, required: true }, id: { type: String, required: true } },
    before: Schema.Types.Mixed,
    after: Schema.Types.Mixed,
    address: { type: String, required: true },
  },
  { collection: 'admin_audit', versionKey: false, minimize: false, strict: 'throw' },
);
adminAuditSchema.index({ at: -1, _id: -1 });
adminAuditSchema.index({ actorId: 1, at: -1 });
adminAuditSchema.index({ action: 1, at: -1 });
adminAuditSchema.index({ 'target.kind': 1, 'target.id': 1, at: -1 });

// Last, after the indexes: each is prefixed by the province (issue 18 item 2).
adminAuditSchema.plugin(provinceScopedPlugin);

function register(connection: Connection) {
  return connection.model('AdminAudit', adminAuditSchema);
}

export type AdminAuditModel = ReturnType<typeof register>;

const registered = new WeakMap<Connection, AdminAuditModel>();

/** The model on `connection`, registered on first use (each connection keeps its own models). */
export function adminAuditModel(connection: Connection): AdminAuditModel {
  const model = registered.get(connection) ?? register(connection);
  registered.set(connection, model);
  return model;
}
