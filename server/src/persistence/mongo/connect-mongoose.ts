/** @module connectMongoose — a dedicated mongoose connection (never the global one) to the database at `uri`. */
import mongoose, { type Connection } from 'mongoose';

export interface ConnectOptions {
  /** Database to use; by default the one named in `uri`, else `test`. */
  dbName?: string;
}

/**
 * Opens a connection of its own, so tests and several store sets can live in one process.
 * `ignoreUndefined` keeps `undefined` inside plain-JSON fields absent, as in memory, instead of stored as null.
 */
export async function connectMongoose(uri: string, options: ConnectOptions = {}): Promise<Connection> {
  const connection = mongoose.createConnection(uri, {
    ...(options.dbName !== undefined ? { dbName: options.dbName } : {}),
    ignoreUndefined: true,
    autoIndex: false,
    autoCreate: false,
    serverSelectionTimeoutMS: 20_000,
  });
  await connection.asPromise();
  return connection;
}
