/** @module auditModel — the `audit` collection: append-only records of who did what, when. */
import { Schema, Types, type Connection } from 'mongoose';
import { provinceScopedPlugin } from './province-scoped-plugin';
import type { AuditRecord } from '../../stores';

/** `appendOrder` (an ObjectId made at append time) orders records that share the same `at`. */
export type AuditDocument = Omit<AuditRecord, 'id'> & { _id: string; appendOrder: Types.ObjectId };

const auditSchema = new Schema<AuditDocument>(
  {
    _id: { type: String, required: true },
    dossierId: String,
    at: { type: Number, required: true },
    actorId: { type: String, required: true },
    action: { type: String, required: true },
    stepId: String,
    details: { type: Schema.Types.Mixed, default: {} },
    appendOrder: { type: Schema.Types.ObjectId, required: true },
  },
  { collection: 'audit', versionKey: false, minimize: false, strict: 'throw' },
);
auditSchema.index({ dossierId: 1, at: 1, appendOrder: 1 });

// Last, after the indexes: each is prefixed by the province (issue 18 item 2).
auditSchema.plugin(provinceScopedPlugin);

function register(connection: Connection) {
  return connection.model('Audit', auditSchema);
}

export type AuditModel = ReturnType<typeof register>;

const registered = new WeakMap<Connection, AuditModel>();

/** The model on `connection`, registered on first use (each connection keeps its own models). */
export function auditModel(connection: Connection): AuditModel {
  const model = registered.get(connection) ?? register(connection);
  registered.set(connection, model);
  return model;
}
