/**
 * @module contract-database — the database a mongoose contract file runs on: MONGODB_URI when set, else the embedded
 * one (a real mongod when one can be found, else the wire-protocol emulator), started once per file; `freshDb` gives
 * each test a database of its own, dropped at the end.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import type { Connection } from 'mongoose';
import { connectMongoose } from '../../../server/src/persistence/mongo/connect-mongoose';
import { startDatabase, type RunningDatabase } from '../../../server/src/persistence/mongo/start-database';

export function useContractDatabase(label: string): { freshDb(prefix: string): Connection } {
  let database: RunningDatabase | undefined;
  let connection: Connection | undefined;
  const databases: Connection[] = [];

  beforeAll(async () => {
    const logger = { info: () => undefined, warn: (_details: object, message: string) => console.warn(`[contracts] ${message}`) };
    database = await startDatabase({ uri: process.env.MONGODB_URI, logger });
    console.log(`[contracts] ${label} on ${database.backend}`);
    connection = await connectMongoose(database.uri);
  }, 90_000);

  afterAll(async () => {
    for (const db of databases) await db.dropDatabase().catch(() => undefined);
    await connection?.close();
    await database?.stop();
  }, 60_000);

  return {
    freshDb(prefix) {
      if (!connection) throw new Error('the database did not start (see beforeAll)');
      const db = connection.useDb(`${prefix}-${randomUUID().slice(0, 8)}`, { useCache: false });
      databases.push(db);
      return db;
    },
  };
}
