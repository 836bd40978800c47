/**
 * @module unitWriteBatch — the writes that end a unit of work, sent to MongoDB as one command.
 *
 * A dossier command ends by writing to nine collections: the dossier, its steps, timers, progress, audit, outbox
 * entries and deliveries, facts and rollups, and the request's Idempotency-Key. Sent one collection at a time, each
 * write was a round trip inside the transaction, and each cost the server and the database one command's overhead
 * (bench/README.md, "Load"). MongoDB 8.0's `bulkWrite` command writes to several collections at once, in order, in
 * the session's transaction (manual: "bulkWrite (database command)"; the driver's `MongoClient.bulkWrite`). On an
 * older server the batch goes one store's writes at a time, as before; the outcome is the same.
 *
 * The stores keep their own checks: each hands its operations with `expectMatched` (a revision check: how many of its
 * updates matched, upserts not counted) and `mapError` (a duplicate key as the port's `DuplicateKey`). Written here,
 * not taken from mongoose: mongoose's `Connection.bulkWrite` casts every operation through its model, the cost the
 * hot path already avoids (the stores stamp the province by hand), and knows nothing of the stores' checks.
 */
import { MongoClientBulkWriteError, MongoServerError, type AnyBulkWriteOperation, type AnyClientBulkWriteModel, type ClientBulkWriteResult, type ClientSession, type Collection, type Document, type MongoClient } from 'mongodb';

/** mongod's WriteConflict (error code 112). */
const WRITE_CONFLICT = 112;

/** The first wire version with `bulkWrite` across collections (MongoDB 8.0; driver specs, "Wire version"). */
export const CROSS_COLLECTION_BULK_WRITE_WIRE_VERSION = 25;

/** One store's operations on one collection, with what the store checks once they ran. */
export interface StoreWrites {
  collection: Collection<Document>;
  /** The collection's `bulkWrite` operations (insertOne, updateOne, replaceOne, deleteOne …), the province in each. */
  operations: readonly object[];
  /** An unordered batch (the rollups: their increments commute); sent on its own it does not stop at an error. */
  unordered?: boolean;
  /** Sees how many of the updates and replaces matched (upserts not counted) once they ran; throws to fail the unit. */
  expectMatched?: (matched: number) => void;
  /** The store's own error for a failed operation of these (a duplicate key); the error itself when not. */
  mapError?: (error: unknown) => unknown;
}

/** The batches open on a session (`writeTogether`), and which clients may send one batch as one command. */
const openBatches = new WeakMap<ClientSession, StoreWrites[]>();
const crossCollection = new WeakMap<MongoClient, boolean>();

/** Notes once per client whether its server takes `bulkWrite` across collections (read from `hello`). */
export async function learnBulkWriteSupport(client: MongoClient): Promise<void> {
  if (crossCollection.has(client)) return;
  const hello = await client.db('admin').command({ hello: 1 });
  crossCollection.set(client, Number(hello.maxWireVersion) >= CROSS_COLLECTION_BULK_WRITE_WIRE_VERSION);
}

/**
 * Writes `writes` now, or, inside `writeTogether` on the same session, adds them to its batch (sent when it ends,
 * with the checks run then). The one way the stores of the hot path write.
 */
export async function sendWrites(session: ClientSession | undefined, writes: StoreWrites): Promise<void> {
  if (writes.operations.length === 0) return;
  const batch = session ? openBatches.get(session) : undefined;
  if (batch) batch.push(writes);
  else await sendEach([writes], session);
}

/**
 * Runs `work` with a batch open on `session`: the writes the stores make through `sendWrites` meanwhile are held
 * and sent together when it ends, before its result is returned (so inside a transaction, before the commit).
 * `work` must only write: a read would not see the held writes. Nested calls join the outer batch.
 */
export async function writeTogether<T>(client: MongoClient, session: ClientSession, work: () => Promise<T>): Promise<T> {
  if (openBatches.has(session)) return work();
  const batch: StoreWrites[] = [];
  openBatches.set(session, batch);
  let result: T;
  try {
    result = await work();
  } finally {
    openBatches.delete(session);
  }
  if (batch.length > 1 && crossCollection.get(client) === true) await sendAsOne(client, session, batch);
  else await sendEach(batch, session);
  return result;
}

async function sendEach(batch: readonly StoreWrites[], session: ClientSession | undefined): Promise<void> {
  for (const writes of batch) {
    let matched: number;
    try {
      matched = (await writes.collection.bulkWrite(writes.operations as AnyBulkWriteOperation<Document>[], { ordered: !writes.unordered, ...(session ? { session } : {}) })).matchedCount;
    } catch (error) {
      throw writes.mapError ? writes.mapError(error) : error;
    }
    writes.expectMatched?.(matched);
  }
}

/** The whole batch as one `bulkWrite` command, ordered; each store's checks then see its own operations' results. */
async function sendAsOne(client: MongoClient, session: ClientSession, batch: readonly StoreWrites[]): Promise<void> {
  const models: AnyClientBulkWriteModel<Document>[] = [];
  const ranges = batch.map((writes) => {
    const from = models.length;
    const namespace = namespaceOf(writes.collection);
    for (const operation of writes.operations) models.push(toClientModel(namespace, operation as AnyBulkWriteOperation<Document>));
    return { writes, from, to: models.length };
  });
  let result: ClientBulkWriteResult;
  try {
    result = await client.bulkWrite(models, { session, ordered: true, verboseResults: true });
  } catch (error) {
    const { index, cause } = failureOf(error);
    const owner =
      index !== undefined
        ? ranges.find((range) => index >= range.from && index < range.to)
        : ranges.find((range) => String((cause as { message?: unknown }).message ?? '').includes(`collection: ${namespaceOf(range.writes.collection)} `));
    throw owner?.writes.mapError ? owner.writes.mapError(cause) : cause;
  }
  for (const { writes, from, to } of ranges) {
    if (!writes.expectMatched) continue;
    let matched = 0;
    for (let index = from; index < to; index += 1) {
      const updated = result.updateResults?.get(index);
      if (updated && !updated.didUpsert) matched += updated.matchedCount;
    }
    writes.expectMatched(matched);
  }
}

/** 'db.collection': a model's `collection` is mongoose's wrapper, whose driver collection knows it. */
function namespaceOf(collection: Collection<Document>): string {
  const driver = (collection as unknown as { collection?: Collection<Document> }).collection ?? collection;
  return `${driver.dbName}.${driver.collectionName}`;
}

/**
 * The error to act on: the driver wraps a command's error (a write conflict with its TransientTransactionError
 * label, which the transaction's retry looks for; a duplicate key inside a transaction) as the `cause` of a
 * `MongoClientBulkWriteError`, and reports an operation's own failure in `writeErrors` by its index.
 */
function failureOf(error: unknown): { index?: number; cause: unknown } {
  if (!(error instanceof MongoClientBulkWriteError)) return { cause: error };
  if (error.cause) return { cause: error.cause };
  const first = [...error.writeErrors.entries()].sort(([a], [b]) => a - b)[0];
  if (!first) return { cause: error };
  const [index, failed] = first;
  // A write conflict inside a transaction ends it and is worth running again (Transactions spec: a WriteConflict is a
  // TransientTransactionError), whichever way the server reports it: the label lets the transaction's retry see it.
  const labels = failed.code === WRITE_CONFLICT ? { errorLabels: ['TransientTransactionError'] } : {};
  return { index, cause: new MongoServerError({ message: failed.message, errmsg: failed.message, code: failed.code, ...labels }) };
}

/**
 * The client's `ignoreUndefined` (connect-mongoose.ts) does not reach `MongoClient.bulkWrite`, which serialises each
 * operation with BSON's defaults (an `undefined` field stored as null): its fields are dropped here, as the
 * collection's own `bulkWrite` would. The value itself when it has none (the common case: no copy).
 */
function withoutUndefined<T>(value: T): T {
  if (!hasUndefined(value)) return value;
  if (Array.isArray(value)) return value.map(withoutUndefined) as T;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) if (field !== undefined) copy[key] = withoutUndefined(field);
  return copy as T;
}

function isPlain(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** Whether an object key somewhere in `value` holds undefined (array slots are stored as null either way). */
function hasUndefined(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasUndefined);
  if (!isPlain(value)) return false;
  for (const key in value) {
    const field = value[key];
    if (field === undefined || hasUndefined(field)) return true;
  }
  return false;
}

function toClientModel(namespace: string, operation: AnyBulkWriteOperation<Document>): AnyClientBulkWriteModel<Document> {
  if ('insertOne' in operation) return { namespace, name: 'insertOne', document: withoutUndefined(operation.insertOne.document) };
  if ('replaceOne' in operation) {
    const { filter, replacement, upsert } = operation.replaceOne;
    return { namespace, name: 'replaceOne', filter, replacement: withoutUndefined(replacement), ...(upsert ? { upsert } : {}) };
  }
  if ('updateOne' in operation || 'updateMany' in operation) {
    const name = 'updateOne' in operation ? 'updateOne' : 'updateMany';
    const { filter, update, upsert, arrayFilters } = 'updateOne' in operation ? operation.updateOne : operation.updateMany;
    return { namespace, name, filter, update: withoutUndefined(update), ...(upsert ? { upsert } : {}), ...(arrayFilters ? { arrayFilters } : {}) } as AnyClientBulkWriteModel<Document>;
  }
  if ('deleteOne' in operation) return { namespace, name: 'deleteOne', filter: operation.deleteOne.filter };
  return { namespace, name: 'deleteMany', filter: operation.deleteMany.filter };
}
