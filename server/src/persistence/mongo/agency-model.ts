/** @module agencyModel — the `agencies` collection: the agency directory, `_id` the agency identifier. */
import { Schema, type Connection } from 'mongoose';
import { provinceScopedPlugin } from './province-scoped-plugin';
import type { AgencyRecord } from '../../access/agency-store';

export type AgencyDocument = Omit<AgencyRecord, 'id'> & { _id: string };

const agencySchema = new Schema<AgencyDocument>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    parentId: String,
    kind: { type: String, required: true },
    departments: { type: [{ _id: false, id: { type: String, required: true }, name: { type: String, required: true } }], default: [] },
  },
  { collection: 'agencies', versionKey: false, minimize: false },
);

// Last, after the indexes: each is prefixed by the province (issue 18 item 2), which the records keep.
agencySchema.plugin(provinceScopedPlugin, { exposeProvince: true });

function register(connection: Connection) {
  return connection.model('Agency', agencySchema);
}

export type AgencyModel = ReturnType<typeof register>;

const registered = new WeakMap<Connection, AgencyModel>();

/** The model on `connection`, registered on first use (each connection keeps its own models). */
export function agencyModel(connection: Connection): AgencyModel {
  const model = registered.get(connection) ?? register(connection);
  registered.set(connection, model);
  return model;
}
