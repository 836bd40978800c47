/** @module dossierModel — the `dossiers` collection: one document per dossier, process instance snapshot inside. */
import { Schema, type Connection } from 'mongoose';
import { provinceScopedPlugin } from './province-scoped-plugin';
import type { DossierRecord } from '../../stores';

export type DossierDocument = Omit<DossierRecord, 'id'> & { _id: string };

const dossierSchema = new Schema<DossierDocument>(
  {
    _id: { type: String, required: true },
    rev: { type: Number, required: true },
    dossierCode: { type: String, required: true },
    procedureKey: { type: String, required: true },
    procedureVersion: { type: Number, required: true },
    agencyId: { type: String, required: true },
    status: { type: Number, required: true },
    channel: { type: Number, required: true },
    // Plain JSON owned by the engine: stored as given (Mixed), never cast.
    applicant: { type: Schema.Types.Mixed, required: true },
    form: { type: Schema.Types.Mixed, default: {} },
    submittedAt: Number,
    receivedAt: Number,
    appointmentAt: Number,
    finishedAt: Number,
    returnedAt: Number,
    // The national portal's code of a dossier submitted there (engine NationalPortalLink), stored as given.
    nationalPortal: Schema.Types.Mixed,
    instance: Schema.Types.Mixed,
    state: { type: Schema.Types.Mixed, default: {} },
    createdAt: { type: Number, required: true },
    updatedAt: { type: Number, required: true },
    // What the end of its retention period did (issue 18 item 6); absent while the personal data is kept.
    retention: Schema.Types.Mixed,
  },
  // minimize: false keeps empty objects ({}) that the engine stored; versionKey: false because `rev` is ours;
  // strict: 'throw' makes a field the schema does not know an error, never silently dropped data.
  { collection: 'dossiers', versionKey: false, minimize: false, strict: 'throw' },
);
dossierSchema.index({ dossierCode: 1 }, { unique: true });
// The lists an agency looks at: its dossiers by status, newest first; and by procedure; and by receipt date.
dossierSchema.index({ agencyId: 1, status: 1, createdAt: -1 });
dossierSchema.index({ procedureKey: 1, status: 1, createdAt: -1 });
dossierSchema.index({ receivedAt: 1 });
dossierSchema.index({ createdAt: -1, _id: -1 });
// A citizen's own dossiers, by the ID number their electronic identity vouches for (issue 18).
dossierSchema.index({ 'applicant.idNumber': 1, createdAt: -1 });
// Retention: the closed dossiers of a procedure by their last change (a closed dossier changes no more), oldest first.
dossierSchema.index({ procedureKey: 1, status: 1, updatedAt: 1 });

// Last, after the indexes: each is prefixed by the province (issue 18 item 2).
dossierSchema.plugin(provinceScopedPlugin);

function register(connection: Connection) {
  return connection.model('Dossier', dossierSchema);
}

export type DossierModel = ReturnType<typeof register>;

const registered = new WeakMap<Connection, DossierModel>();

/** The model on `connection`, registered on first use (each connection keeps its own models). */
export function dossierModel(connection: Connection): DossierModel {
  const model = registered.get(connection) ?? register(connection);
  registered.set(connection, model);
  return model;
}
