/**
 * @module dossierRollupModel — the `dossierRollups` collection: the dashboard's counters per bucket (Vietnam day,
 * month, or `all`) and rollup key (province, procedure, receiving agency, route), kept by `$inc` in each dossier's unit
 * of work (`server/src/statistics/dossier-rollup.ts`). `_id` names bucket, key and write slot, so an increment is one
 * upsert.
 */
import { Schema, type Connection } from 'mongoose';
import { provinceScopedPlugin } from './province-scoped-plugin';
import type { RollupDocument } from '../../statistics/dossier-rollup';

export type DossierRollupDocument = RollupDocument & { _id: string };

const dossierRollupSchema = new Schema<DossierRollupDocument>(
  {
    _id: { type: String, required: true },
    bucket: String,
    provinceCode: String,
    procedureKey: String,
    agencyId: String,
    agencyIds: [String],
    departmentIds: [String],
    counts: Schema.Types.Mixed,
    crossings: Schema.Types.Mixed,
    series: Schema.Types.Mixed,
    delays: Schema.Types.Mixed,
    officialId: String,
    format: Number,
  },
  { collection: 'dossierRollups', versionKey: false, minimize: false, strict: 'throw' },
);
// A period's buckets (a range of names), narrowed by procedure or by an agency of the route (multikey).
dossierRollupSchema.index({ bucket: 1 });
dossierRollupSchema.index({ procedureKey: 1, bucket: 1 });
dossierRollupSchema.index({ agencyIds: 1, bucket: 1 });

// Last, after the indexes: each is prefixed by the province (issue 18 item 2), `{ bucket }` becoming `{ provinceCode, bucket }`.
dossierRollupSchema.plugin(provinceScopedPlugin);

function register(connection: Connection) {
  return connection.model('DossierRollup', dossierRollupSchema);
}

export type DossierRollupModel = ReturnType<typeof register>;

const registered = new WeakMap<Connection, DossierRollupModel>();

/** The model on `connection`, registered on first use. */
export function dossierRollupModel(connection: Connection): DossierRollupModel {
  const model = registered.get(connection) ?? register(connection);
  registered.set(connection, model);
  return model;
}
