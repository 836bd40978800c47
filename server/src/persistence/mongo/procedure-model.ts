/** @module procedureModel — the `procedures` collection: one document per deployed version of a procedure. */
import { Schema, type Connection } from 'mongoose';
import { provinceScopedPlugin } from './province-scoped-plugin';
import type { ProcedureRecord } from '../../stores';

/** `_id` is `<provinceCode>:<key>@<version>` (before provinces `<key>@<version>`), so a version can only be stored once in its province even before the unique index exists. */
export type ProcedureDocument = ProcedureRecord & { _id: string };

const procedureSchema = new Schema<ProcedureDocument>(
  {
    _id: { type: String, required: true },
    key: { type: String, required: true },
    version: { type: Number, required: true },
    procedureCode: String,
    name: { type: String, required: true },
    xml: { type: String, required: true },
    definition: { type: Schema.Types.Mixed, required: true },
    deployedAt: { type: Number, required: true },
    deployedBy: { type: String, required: true },
    // Kept on every version of the key while the procedure is retired (stores.ts ProcedureRetirement).
    retirement: { type: new Schema({ at: { type: Number, required: true }, by: { type: String, required: true }, reason: { type: String, required: true } }, { _id: false }), required: false },
  },
  { collection: 'procedures', versionKey: false, minimize: false, strict: 'throw' },
);
// get / latest / listVersions all read by key and version; unique so concurrent deploys cannot share a version.
procedureSchema.index({ key: 1, version: -1 }, { unique: true });

// Last, after the indexes: each is prefixed by the province (issue 18 item 2).
procedureSchema.plugin(provinceScopedPlugin);

function register(connection: Connection) {
  return connection.model('Procedure', procedureSchema);
}

export type ProcedureModel = ReturnType<typeof register>;

const registered = new WeakMap<Connection, ProcedureModel>();

/** The model on `connection`, registered on first use (each connection keeps its own models). */
export function procedureModel(connection: Connection): ProcedureModel {
  const model = registered.get(connection) ?? register(connection);
  registered.set(connection, model);
  return model;
}
