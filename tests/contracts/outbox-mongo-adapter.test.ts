/**
 * Runs the outbox contract against the mongoose adapter: on MONGODB_URI when set, else on the embedded database
 * (a real mongod when one can be found, else the wire-protocol emulator). Each test gets a database of its own, in province 01 beside province 79's records (support/beside-neighbour.ts).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import type { Connection } from 'mongoose';
import type { OutboxStore } from '../../server/src/outbox/outbox-store';
import { connectMongoose } from '../../server/src/persistence/mongo/connect-mongoose';
import { createMongoOutboxStore } from '../../server/src/persistence/mongo/mongo-outbox-store';
import { startDatabase, type RunningDatabase } from '../../server/src/persistence/mongo/start-database';
import { describeOutboxStoreContract } from './outbox-store.contract';
import { actInHomeProvince, besideNeighbour } from './support/beside-neighbour';
import { neighbourOutbox } from './support/neighbour-records';

let database: RunningDatabase | undefined;
let connection: Connection | undefined;
/** A second connection: "another server process" on the same databases. */
let otherProcess: Connection | undefined;
const databases: Connection[] = [];
const databaseOf = new WeakMap<OutboxStore, string>();

beforeAll(async () => {
  const logger = { info: () => undefined, warn: (_details: object, message: string) => console.warn(`[contracts] ${message}`) };
  database = await startDatabase({ uri: process.env.MONGODB_URI, logger });
  console.log(`[contracts] outbox on ${database.backend}`);
  connection = await connectMongoose(database.uri);
  otherProcess = await connectMongoose(database.uri);
}, 90_000);

afterAll(async () => {
  for (const db of databases) await db.dropDatabase().catch(() => undefined);
  await connection?.close();
  await otherProcess?.close();
  await database?.stop();
}, 60_000);

async function makeOutbox(consumers: string[]): Promise<OutboxStore> {
  if (!connection) throw new Error('the database did not start (see beforeAll)');
  const name = `outbox-${randomUUID().slice(0, 8)}`;
  const db = connection.useDb(name, { useCache: false });
  databases.push(db);
  const outbox = await createMongoOutboxStore(db, { consumers });
  databaseOf.set(outbox, name);
  return outbox;
}

async function openAgain(outbox: OutboxStore, consumers: string[]): Promise<OutboxStore> {
  const name = databaseOf.get(outbox);
  if (!otherProcess || !name) throw new Error('openAgain needs an outbox made by makeOutbox');
  return createMongoOutboxStore(otherProcess.useDb(name, { useCache: false }), { consumers });
}

actInHomeProvince();

describeOutboxStoreContract('mongoose', besideNeighbour(makeOutbox, neighbourOutbox), openAgain);
