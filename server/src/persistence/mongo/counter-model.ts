/**
 * @module counterModel — the `counters` collection: named sequences taken atomically with `$inc`, each with the
 * holders it numbered in order (`holders`, the dossier ids of a day at one agency), so that a retried receipt gets its
 * number again in the same single write that numbers a new one. Reservations of earlier versions
 * (`<sequence>#<holder>`, with `expiresAt`) expire by themselves.
 */
import { Schema, type Connection } from 'mongoose';
import { provinceScopedPlugin } from './province-scoped-plugin';

export interface CounterDocument {
  _id: string;
  value: number;
  /** The holders numbered since the counter kept them, in order; the last has `value`. */
  holders?: string[];
  /** Only on a holder's reservation of earlier versions: when MongoDB's TTL monitor may remove it. */
  expiresAt?: Date;
}

/** The number `holder` was given: the last holder has `value`, each earlier one one less. */
export function numberOf(counter: CounterDocument, holder: string): number {
  const holders = counter.holders ?? [];
  return counter.value - (holders.length - 1 - holders.indexOf(holder));
}

const counterSchema = new Schema<CounterDocument>(
  { _id: { type: String, required: true }, value: { type: Number, required: true }, holders: { type: [String], default: undefined }, expiresAt: { type: Date } },
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
