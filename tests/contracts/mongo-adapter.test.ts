/**
 * Runs every store contract against the mongoose adapter: on MONGODB_URI when set (a real MongoDB), else on the
 * embedded database (a real mongod when one can be found, else the wire-protocol emulator). Each test gets a
 * database of its own, in province 01 beside province 79's records (support/beside-neighbour.ts). A missing backend fails the run: nothing is skipped.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import type { Connection } from 'mongoose';
import type { Stores } from '../../server/src/stores';
import { connectMongoose } from '../../server/src/persistence/mongo/connect-mongoose';
import { createMongoStores } from '../../server/src/persistence/mongo/create-mongo-stores';
import { startDatabase, type RunningDatabase } from '../../server/src/persistence/mongo/start-database';
import { describeAuditStoreContract } from './audit-store.contract';
import { describeDossierStoreContract } from './dossier-store.contract';
import { describeProcedureStoreContract } from './procedure-store.contract';
import { describeStepStoreContract } from './step-store.contract';
import { describeTimerStoreContract } from './timer-store.contract';
import { describeTransactionContract } from './transaction.contract';
import { describeUnitOfWorkContract } from './unit-of-work.contract';
import { describeProvinceIsolationContract } from './province-isolation.contract';
import { createMongoOutboxStore } from '../../server/src/persistence/mongo/mongo-outbox-store';
import { MongoDossierFactsStore } from '../../server/src/persistence/mongo/mongo-dossier-facts-store';
import { createMemoryStores } from '../../server/src/persistence/memory/create-memory-stores';
import { actInHomeProvince, besideNeighbour } from './support/beside-neighbour';
import { neighbourStores, neighbourUnitOfWork } from './support/neighbour-records';

let database: RunningDatabase | undefined;
let connection: Connection | undefined;
/** A second connection: "another server process" on the same databases. */
let otherProcess: Connection | undefined;
const databases: Connection[] = [];
const databaseOf = new WeakMap<Stores, string>();

beforeAll(async () => {
  const logger = { info: () => undefined, warn: (_details: object, message: string) => console.warn(`[contracts] ${message}`) };
  database = await startDatabase({ uri: process.env.MONGODB_URI, logger });
  console.log(`[contracts] mongoose adapter on ${database.backend}`);
  connection = await connectMongoose(database.uri);
  otherProcess = await connectMongoose(database.uri);
}, 90_000);

afterAll(async () => {
  for (const db of databases) await db.dropDatabase().catch(() => undefined);
  await connection?.close();
  await otherProcess?.close();
  await database?.stop();
}, 60_000);

/** Fresh stores on a database no other test uses. */
async function makeStores(): Promise<Stores> {
  if (!connection) throw new Error('the database did not start (see beforeAll)');
  const name = `contracts-${randomUUID().slice(0, 8)}`;
  const db = connection.useDb(name, { useCache: false });
  databases.push(db);
  const stores = await createMongoStores(db);
  databaseOf.set(stores, name);
  return stores;
}

/** The same database through the other connection, as a second server process would open it. */
async function openAgain(stores: Stores): Promise<Stores> {
  const name = databaseOf.get(stores);
  if (!otherProcess || !name) throw new Error('openAgain needs stores made by makeStores');
  return createMongoStores(otherProcess.useDb(name, { useCache: false }));
}

const makeStoresBeside = besideNeighbour(makeStores, neighbourStores);

actInHomeProvince();

describeProcedureStoreContract('mongoose', makeStoresBeside);
describeDossierStoreContract('mongoose', makeStoresBeside, openAgain);
describeStepStoreContract('mongoose', makeStoresBeside);
describeTimerStoreContract('mongoose', makeStoresBeside, openAgain);
describeAuditStoreContract('mongoose', makeStoresBeside);
describeTransactionContract('mongoose', makeStoresBeside);
describeUnitOfWorkContract(
  'mongoose',
  besideNeighbour(async () => {
    const stores = await makeStores();
    const db = connection!.useDb(databaseOf.get(stores)!, { useCache: false });
    return { stores, outbox: await createMongoOutboxStore(db, { consumers: ['portal'] }), facts: await MongoDossierFactsStore.create(db) };
  }, neighbourUnitOfWork),
  () => createMemoryStores().transaction(async (tx) => tx.unit),
  'refuses',
);
describeProvinceIsolationContract('mongoose', makeStores);
