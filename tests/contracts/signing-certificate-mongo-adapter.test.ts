/**
 * Runs the SigningCertificateStore contract against the mongoose adapter: on MONGODB_URI when set, else on the embedded database
 * (a real mongod when one can be found, else the wire-protocol emulator). Each test gets a database of its own.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import type { Connection } from 'mongoose';
import { connectMongoose } from '../../server/src/persistence/mongo/connect-mongoose';
import { createSigningCertificateCollection } from '../../server/src/persistence/mongo/signing-certificate-model';
import { MongoSigningCertificateStore } from '../../server/src/persistence/mongo/mongo-signing-certificate-store';
import { startDatabase, type RunningDatabase } from '../../server/src/persistence/mongo/start-database';
import { describeSigningCertificateStoreContract } from './signing-certificate-store.contract';

let database: RunningDatabase | undefined;
let connection: Connection | undefined;
const databases: Connection[] = [];

beforeAll(async () => {
  const logger = { info: () => undefined, warn: (_details: object, message: string) => console.warn(`[contracts] ${message}`) };
  database = await startDatabase({ uri: process.env.MONGODB_URI, logger });
  connection = await connectMongoose(database.uri);
}, 90_000);

afterAll(async () => {
  for (const db of databases) await db.dropDatabase().catch(() => undefined);
  await connection?.close();
  await database?.stop();
}, 60_000);

describeSigningCertificateStoreContract('mongoose', async () => {
  if (!connection) throw new Error('the database did not start (see beforeAll)');
  const db = connection.useDb(`signing-certificates-${randomUUID().slice(0, 8)}`, { useCache: false });
  databases.push(db);
  return new MongoSigningCertificateStore(await createSigningCertificateCollection(db));
});
