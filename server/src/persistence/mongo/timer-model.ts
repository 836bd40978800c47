/** @module timerModel — the `timers` collection: persisted wake-ups that the deadline sweeper claims by lease. */
import { Schema, type Connection } from 'mongoose';
import { provinceScopedPlugin } from './province-scoped-plugin';
import type { TimerRecord } from '../../stores';

export type TimerDocument = Omit<TimerRecord, 'id'> & { _id: string };

const timerSchema = new Schema<TimerDocument>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    dossierId: { type: String, required: true },
    stepId: String,
    dueAt: { type: Number, required: true },
    payload: { type: Schema.Types.Mixed, default: {} },
    status: { type: String, required: true },
    leaseOwner: String,
    leaseUntil: Number,
    firedAt: Number,
  },
  { collection: 'timers', versionKey: false, minimize: false, strict: 'throw' },
);
// The sweeper's one query: scheduled timers by dueAt. Its cost grows with the number due, not the number open.
timerSchema.index({ status: 1, dueAt: 1 });
timerSchema.index({ dossierId: 1, dueAt: 1 });

// Last, after the indexes: each is prefixed by the province (issue 18 item 2).
timerSchema.plugin(provinceScopedPlugin);

function register(connection: Connection) {
  return connection.model('Timer', timerSchema);
}

export type TimerModel = ReturnType<typeof register>;

const registered = new WeakMap<Connection, TimerModel>();

/** The model on `connection`, registered on first use (each connection keeps its own models). */
export function timerModel(connection: Connection): TimerModel {
  const model = registered.get(connection) ?? register(connection);
  registered.set(connection, model);
  return model;
}
