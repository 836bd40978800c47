/** @module signingCertificateModel — the `signingCertificates` collection: one sealed certificate per official, keyed by user id. */
import { Schema, type Connection } from 'mongoose';
import { provinceScopedPlugin } from './province-scoped-plugin';
import type { SigningCertificateRecord } from '../../signatures/signing-certificate-store';
import { backfillProvince } from './backfill-province';

export type SigningCertificateDocument = Omit<SigningCertificateRecord, 'userId'> & { _id: string };

const signingCertificateSchema = new Schema<SigningCertificateDocument>(
  {
    _id: { type: String, required: true },
    subject: { type: String, required: true },
    issuer: { type: String, required: true },
    serialNumber: { type: String, required: true },
    validFrom: { type: Number, required: true },
    validTo: { type: Number, required: true },
    fingerprint256: { type: String, required: true },
    sealed: { iv: { type: String, required: true }, tag: { type: String, required: true }, data: { type: String, required: true } },
    uploadedAt: { type: Number, required: true },
  },
  { collection: 'signingCertificates', versionKey: false, minimize: false, strict: 'throw', _id: false },
);

// Last, after the indexes: each is prefixed by the province (issue 18 item 2).
signingCertificateSchema.plugin(provinceScopedPlugin);

function register(connection: Connection) {
  return connection.model('SigningCertificate', signingCertificateSchema);
}

export type SigningCertificateModel = ReturnType<typeof register>;

const registered = new WeakMap<Connection, SigningCertificateModel>();

/** The model on `connection`, registered on first use (each connection keeps its own models). */
export function signingCertificateModel(connection: Connection): SigningCertificateModel {
  const model = registered.get(connection) ?? register(connection);
  registered.set(connection, model);
  return model;
}

/** The collection, before the first certificate is uploaded. */
export async function createSigningCertificateCollection(connection: Connection): Promise<SigningCertificateModel> {
  const model = signingCertificateModel(connection);
  await backfillProvince(connection);
  await model.createCollection();
  return model;
}
