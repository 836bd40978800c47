/**
 * @module outboxDeliveryModel — the `outbox_deliveries` collection: the delivery state of one outbox entry for one
 * consumer, `_id = <consumer>\u0000<entryId>`, with the entry's dossier and place in its order copied for the claim.
 */
import { Schema, type Connection } from 'mongoose';
import { provinceScopedPlugin } from './province-scoped-plugin';
import type { OutboxDelivery } from '../../outbox/outbox-store';

export type OutboxDeliveryDocument = OutboxDelivery & {
  _id: string;
  dossierId: string;
  seq: number;
  leaseOwner?: string;
  leaseUntil?: number;
};

const outboxDeliverySchema = new Schema<OutboxDeliveryDocument>(
  {
    _id: { type: String, required: true },
    entryId: { type: String, required: true },
    consumer: { type: String, required: true },
    dossierId: { type: String, required: true },
    seq: { type: Number, required: true },
    status: { type: String, required: true },
    attempts: { type: Number, required: true },
    nextAttemptAt: { type: Number, required: true },
    lastError: String,
    deliveredAt: Number,
    lastAttemptAt: Number,
    failingSince: Number,
    leaseOwner: String,
    leaseUntil: Number,
  },
  { collection: 'outbox_deliveries', versionKey: false, minimize: false },
);
// The claim: a consumer's pending deliveries, grouped by dossier in order, so the head of each dossier is found
// without reading what was delivered already. Its cost grows with the backlog, not with the history.
outboxDeliverySchema.index({ consumer: 1, status: 1, dossierId: 1, seq: 1 });
outboxDeliverySchema.index({ entryId: 1, consumer: 1 });
// The outbox console: a consumer's deliveries in one state, latest next attempt first.
outboxDeliverySchema.index({ consumer: 1, status: 1, nextAttemptAt: -1 });

// Last, after the indexes: each is prefixed by the province (issue 18 item 2).
outboxDeliverySchema.plugin(provinceScopedPlugin);

function register(connection: Connection) {
  return connection.model('OutboxDelivery', outboxDeliverySchema);
}

export type OutboxDeliveryModel = ReturnType<typeof register>;

const registered = new WeakMap<Connection, OutboxDeliveryModel>();

/** The model on `connection`, registered on first use (each connection keeps its own models). */
export function outboxDeliveryModel(connection: Connection): OutboxDeliveryModel {
  const model = registered.get(connection) ?? register(connection);
  registered.set(connection, model);
  return model;
}
