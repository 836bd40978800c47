/**
 * @module citizenMessageModel — the `citizen_messages` collection (one document per message and channel, listed per
 * dossier) and `citizen_channel_choices` (one document per dossier: the citizen's choices, newest last, bounded;
 * `_id` `<provinceCode>:<dossierId>`, so that dossiers of two provinces never share one, the dossier id in its field).
 */
import { Schema, type Connection } from 'mongoose';
import { provinceScopedPlugin } from './province-scoped-plugin';
import type { ChannelChoice, CitizenMessageRecord } from '../../outbox/citizen-message-store';
import { backfillProvince } from './backfill-province';

export type CitizenMessageDocument = Omit<CitizenMessageRecord, 'id'> & { _id: string };
export type ChannelChoicesDocument = { _id: string; dossierId: string; choices: ChannelChoice[] };

const messageSchema = new Schema<CitizenMessageDocument>(
  {
    _id: { type: String, required: true },
    entryId: { type: String, required: true },
    dossierId: { type: String, required: true },
    channel: { type: String, required: true },
    template: { type: String, required: true },
    phone: String,
    status: { type: String, required: true },
    providerMessageId: String,
    error: String,
    fallbackFrom: String,
    at: { type: Number, required: true },
    deliveredAt: Number,
    receiptAt: Number,
  },
  { collection: 'citizen_messages', versionKey: false, strict: 'throw' },
);
// The dossier page's list, oldest first.
messageSchema.index({ dossierId: 1, at: 1 });

const choicesSchema = new Schema<ChannelChoicesDocument>(
  {
    _id: { type: String, required: true },
    dossierId: { type: String, required: true },
    choices: [{ _id: false, channel: { type: String, required: true }, optedOut: { type: Boolean, required: true }, at: { type: Number, required: true } }],
  },
  { collection: 'citizen_channel_choices', versionKey: false, strict: 'throw' },
);
choicesSchema.index({ dossierId: 1 }, { unique: true });

// Last, after the indexes: each is prefixed by the province (issue 18 item 2).
messageSchema.plugin(provinceScopedPlugin);
choicesSchema.plugin(provinceScopedPlugin);

function register(connection: Connection) {
  return { messages: connection.model('CitizenMessage', messageSchema), choices: connection.model('CitizenChannelChoices', choicesSchema) };
}

export type CitizenMessageModels = ReturnType<typeof register>;

const registered = new WeakMap<Connection, CitizenMessageModels>();

/** Both collections and their index on `connection`, created before the first message. */
export async function createCitizenMessageCollections(connection: Connection): Promise<CitizenMessageModels> {
  const models = registered.get(connection) ?? register(connection);
  registered.set(connection, models);
  await backfillProvince(connection);
  for (const model of [models.messages, models.choices] as const) {
    await model.createCollection();
    await model.syncIndexes();
  }
  return models;
}
