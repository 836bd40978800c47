/** @module outboxModel — the `outbox` collection: entries written in the unit of work of the change they record. */
import { Schema, type Connection } from 'mongoose';
import { provinceScopedPlugin } from './province-scoped-plugin';
import type { OutboxEntry } from '../../outbox/outbox-store';

export type OutboxDocument = Omit<OutboxEntry, 'id'> & { _id: string };

const outboxSchema = new Schema<OutboxDocument>(
  {
    _id: { type: String, required: true },
    dossierId: { type: String, required: true },
    seq: { type: Number, required: true },
    kind: { type: String, required: true },
    payload: { type: Schema.Types.Mixed, default: {} },
    createdAt: { type: Number, required: true },
  },
  { collection: 'outbox', versionKey: false, minimize: false },
);
// `listByDossier`, and a guard against two entries claiming one place in a dossier's order.
outboxSchema.index({ dossierId: 1, seq: 1 }, { unique: true });

// Last, after the indexes: each is prefixed by the province (issue 18 item 2).
outboxSchema.plugin(provinceScopedPlugin);

function register(connection: Connection) {
  return connection.model('OutboxEntry', outboxSchema);
}

export type OutboxModel = ReturnType<typeof register>;

const registered = new WeakMap<Connection, OutboxModel>();

/** The model on `connection`, registered on first use (each connection keeps its own models). */
export function outboxModel(connection: Connection): OutboxModel {
  const model = registered.get(connection) ?? register(connection);
  registered.set(connection, model);
  return model;
}
