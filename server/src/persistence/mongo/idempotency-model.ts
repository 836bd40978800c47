/**
 * @module idempotencyModel — the `idempotencyKeys` collection: one document per `Idempotency-Key` in use, `_id` the
 * scoped key within its province (`<provinceCode>:<key>`, the key itself in `key`: two provinces' requests never meet
 * on one document), so "begin" is one insert that a unique `_id` makes atomic.
 */
import { Schema, type Connection } from 'mongoose';
import { provinceScopedPlugin } from './province-scoped-plugin';
import type { IdempotencyRecord } from '../../http/idempotency-store';

export type IdempotencyDocument = IdempotencyRecord & {
  _id: string;
  /** `expiresAt` as a Date, for the TTL index; reads never rely on it (the TTL monitor runs only once a minute). */
  expireAt: Date;
};

const idempotencySchema = new Schema<IdempotencyDocument>(
  {
    _id: { type: String, required: true },
    key: { type: String, required: true },
    requestHash: { type: String, required: true },
    state: { type: String, required: true },
    response: Schema.Types.Mixed,
    result: Schema.Types.Mixed,
    transactions: { type: [String], default: undefined },
    createdAt: { type: Number, required: true },
    expiresAt: { type: Number, required: true },
    expireAt: { type: Date, required: true },
  },
  { collection: 'idempotencyKeys', versionKey: false, minimize: false },
);
// MongoDB deletes a document once `expireAt` has passed, so kept answers do not pile up.
idempotencySchema.index({ expireAt: 1 }, { expireAfterSeconds: 0 });
// Every read and update finds a key within the province.
idempotencySchema.index({ key: 1 }, { unique: true });

// Last, after the indexes: each is prefixed by the province (issue 18 item 2).
idempotencySchema.plugin(provinceScopedPlugin);

function register(connection: Connection) {
  return connection.model('IdempotencyKey', idempotencySchema);
}

export type IdempotencyModel = ReturnType<typeof register>;

const registered = new WeakMap<Connection, IdempotencyModel>();

/** The model on `connection`, registered on first use (each connection keeps its own models). */
export function idempotencyModel(connection: Connection): IdempotencyModel {
  const model = registered.get(connection) ?? register(connection);
  registered.set(connection, model);
  return model;
}
