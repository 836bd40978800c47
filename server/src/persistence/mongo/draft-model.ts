/** @module draftModel — the `drafts` collection: one document per analyst's draft, listed by owner newest first. */
import { Schema, type Connection } from 'mongoose';
import { provinceScopedPlugin } from './province-scoped-plugin';
import type { DraftRecord } from '../../stores';
import { backfillProvince } from './backfill-province';

export type DraftDocument = Omit<DraftRecord, 'id'> & { _id: string };

const draftSchema = new Schema<DraftDocument>(
  {
    _id: { type: String, required: true },
    ownerId: { type: String, required: true },
    key: { type: String, default: '' },
    name: { type: String, default: '' },
    xml: { type: String, required: true },
    savedAt: { type: Number, required: true },
  },
  { collection: 'drafts', versionKey: false, minimize: false, strict: 'throw' },
);
// The modeler's one query: an analyst's drafts, the last saved first.
draftSchema.index({ ownerId: 1, savedAt: -1 });

// Last, after the indexes: each is prefixed by the province (issue 18 item 2).
draftSchema.plugin(provinceScopedPlugin);

function register(connection: Connection) {
  return connection.model('Draft', draftSchema);
}

export type DraftModel = ReturnType<typeof register>;

const registered = new WeakMap<Connection, DraftModel>();

/** The model on `connection`, registered on first use (each connection keeps its own models). */
export function draftModel(connection: Connection): DraftModel {
  const model = registered.get(connection) ?? register(connection);
  registered.set(connection, model);
  return model;
}

/** The collection and its index, before the first draft is saved. */
export async function createDraftCollection(connection: Connection): Promise<DraftModel> {
  const model = draftModel(connection);
  await backfillProvince(connection);
  await model.createCollection();
  await model.syncIndexes();
  return model;
}
