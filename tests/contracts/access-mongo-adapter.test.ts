/**
 * Runs the access and idempotency store contracts against the mongoose adapters: on MONGODB_URI when set, else on
 * the embedded database (a real mongod, else the wire-protocol emulator), each test on a database of its own.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import type { Connection } from 'mongoose';
import { connectMongoose } from '../../server/src/persistence/mongo/connect-mongoose';
import { createMongoAccessStores, type AccessStores } from '../../server/src/persistence/mongo/create-mongo-access-stores';
import { startDatabase, type RunningDatabase } from '../../server/src/persistence/mongo/start-database';
import { describeAdminAuditStoreContract } from './admin-audit-store.contract';
import { describeAgencyStoreContract } from './agency-store.contract';
import { describeIdempotencyStoreContract } from './idempotency-store.contract';
import { describeUserStoreContract } from './user-store.contract';

let database: RunningDatabase | undefined;
let connection: Connection | undefined;
const databases: Connection[] = [];

beforeAll(async () => {
  const logger = { info: () => undefined, warn: (_details: object, message: string) => console.warn(`[contracts] ${message}`) };
  database = await startDatabase({ uri: process.env.MONGODB_URI, logger });
  console.log(`[contracts] access stores on ${database.backend}`);
  connection = await connectMongoose(database.uri);
}, 90_000);

afterAll(async () => {
  for (const db of databases) await db.dropDatabase().catch(() => undefined);
  await connection?.close();
  await database?.stop();
}, 60_000);

async function makeStores(): Promise<AccessStores> {
  if (!connection) throw new Error('the database did not start (see beforeAll)');
  const db = connection.useDb(`access-${randomUUID().slice(0, 8)}`, { useCache: false });
  databases.push(db);
  return createMongoAccessStores(db);
}

describeUserStoreContract('mongoose', async () => (await makeStores()).users);
describeAgencyStoreContract('mongoose', async () => (await makeStores()).agencies);
describeIdempotencyStoreContract('mongoose', async () => (await makeStores()).idempotency);
describeAdminAuditStoreContract('mongoose', async () => (await makeStores()).adminAudit);
