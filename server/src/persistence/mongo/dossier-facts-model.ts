/**
 * @module dossierFactsModel — the `dossierFacts` collection: the dashboard's compact read model, one document per
 * dossier (`_id` = dossier id), with the indexes of its queries (period per agency or procedure, open steps).
 */
import { Schema, type Connection } from 'mongoose';
import { provinceScopedPlugin } from './province-scoped-plugin';
import type { DossierFactsRecord } from '../../statistics/dossier-facts-record';

export type DossierFactsDocument = Omit<DossierFactsRecord, 'dossierId'> & { _id: string };

const dossierFactsSchema = new Schema<DossierFactsDocument>(
  {
    _id: { type: String, required: true },
    dossierCode: String,
    procedureKey: String,
    procedureVersion: Number,
    agencyId: String,
    status: Number,
    channel: Number,
    submittedAt: Number,
    receivedAt: Number,
    appointmentAt: Number,
    currentAppointmentAt: Number,
    terminalAt: Schema.Types.Mixed,
    endAt: Number,
    supplements: Schema.Types.Mixed,
    processingMs: Number,
    lateness: Schema.Types.Mixed,
    agencyIds: [String],
    departmentIds: [String],
    officialIds: [String],
    digitised: Boolean,
    apologies: Schema.Types.Mixed,
    steps: Schema.Types.Mixed,
    openSteps: Schema.Types.Mixed,
    openElements: [String],
    incidents: Schema.Types.Mixed,
    dossierRev: Number,
    updatedAt: Number,
  },
  { collection: 'dossierFacts', versionKey: false, minimize: false, strict: 'throw' },
);
// A period in one agency's scope (multikey on the route's agencies), or in one procedure; open dossiers have no endAt.
dossierFactsSchema.index({ agencyIds: 1, receivedAt: 1 });
dossierFactsSchema.index({ procedureKey: 1, receivedAt: 1 });
dossierFactsSchema.index({ receivedAt: 1 });
// The drill-down to the dossiers ended in a period, a page at a time; the open ones (endAt absent) at an instant.
dossierFactsSchema.index({ endAt: 1 });
// The heatmap: dossiers with an open step on one element of one procedure version.
dossierFactsSchema.index({ openElements: 1 });
// The event stream's poll for other processes' changes.
dossierFactsSchema.index({ updatedAt: 1 });

// Last, after the indexes: each is prefixed by the province (issue 18 item 2).
dossierFactsSchema.plugin(provinceScopedPlugin);

function register(connection: Connection) {
  return connection.model('DossierFacts', dossierFactsSchema);
}

export type DossierFactsModel = ReturnType<typeof register>;

const registered = new WeakMap<Connection, DossierFactsModel>();

/** The model on `connection`, registered on first use. */
export function dossierFactsModel(connection: Connection): DossierFactsModel {
  const model = registered.get(connection) ?? register(connection);
  registered.set(connection, model);
  return model;
}
