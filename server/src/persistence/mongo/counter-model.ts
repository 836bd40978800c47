/**
 * @module counterModel — the `counters` collection: named sequences taken atomically with `$inc`, and the numbers
 * handed to each holder (`<sequence>#<holder>`), kept for a week so that a retried receipt gets its number again.
 */
import { Schema, type Connection } from 'mongoose';
import { provinceScopedPlugin } from './province-scoped-plugin';

export interface CounterDocument {
  _id: string;
  value: number;
  /** Only on a holder's reservation: when MongoDB's TTL monitor may remove it. */
  expiresAt?: Date;
}

/** How long a holder's number is kept: far longer than any retry of one request. */
export const RESERVATION_KEPT_MS = 7 * 24 * 60 * 60 * 1000;

const counterSchema = new Schema<CounterDocument>(
  { _id: { type: String, required: true }, value: { type: Number, required: true }, expiresAt: { type: Date } },
  { collection: 'counters', versionKey: false, strict: 'throw' },
);
// Counters themselves have no `expiresAt` and are never removed.
counterSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

// Last, after the indexes: each is prefixed by the province (issue 18 item 2).
counterSchema.plugin(provinceScopedPlugin);

function register(connection: Connection) {
  return connection.model('Counter', counterSchema);
}

export type CounterModel = ReturnType<typeof register>;

const registered = new WeakMap<Connection, CounterModel>();

/** The model on `connection`, registered on first use (each connection keeps its own models). */
export function counterModel(connection: Connection): CounterModel {
  const model = registered.get(connection) ?? register(connection);
  registered.set(connection, model);
  return model;
}
