/** @module counterModel — the `counters` collection: named sequences taken atomically with `$inc`. */
import { Schema, type Connection } from 'mongoose';

export interface CounterDocument {
  _id: string;
  value: number;
}

const counterSchema = new Schema<CounterDocument>(
  { _id: { type: String, required: true }, value: { type: Number, required: true } },
  { collection: 'counters', versionKey: false, strict: 'throw' },
);

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
