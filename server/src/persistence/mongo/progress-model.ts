/** @module progressModel — the `progress` collection: append-only progress records (tiến trình) of dossiers. */
import { Schema, type Connection } from 'mongoose';
import { provinceScopedPlugin } from './province-scoped-plugin';
import type { ProgressEntry } from '../../stores';

export type ProgressDocument = Omit<ProgressEntry, 'id'> & { _id: string };

const progressSchema = new Schema<ProgressDocument>(
  {
    _id: { type: String, required: true },
    dossierId: { type: String, required: true },
    seq: { type: Number, required: true },
    dossierCode: String,
    status: { type: Number, required: true },
    previousStatus: Number,
    at: { type: Number, required: true },
    actorId: String,
    departmentId: String,
    stepElementId: String,
    stepStartAt: { type: Number, required: true },
    stepDueAt: Number,
    action: { type: String, required: true },
    note: String,
  },
  { collection: 'progress', versionKey: false, minimize: false },
);
// One entry per number per dossier: a second writer of the same number fails instead of interleaving.
progressSchema.index({ dossierId: 1, seq: 1 }, { unique: true });

// Last, after the indexes: each is prefixed by the province (issue 18 item 2).
progressSchema.plugin(provinceScopedPlugin);

function register(connection: Connection) {
  return connection.model('Progress', progressSchema);
}

export type ProgressModel = ReturnType<typeof register>;

const registered = new WeakMap<Connection, ProgressModel>();

/** The model on `connection`, registered on first use (each connection keeps its own models). */
export function progressModel(connection: Connection): ProgressModel {
  const model = registered.get(connection) ?? register(connection);
  registered.set(connection, model);
  return model;
}
