/**
 * The writes that end a unit of work go to MongoDB as one `bulkWrite` command when the server takes it (8.0 and
 * later), else one store's writes at a time, with the stores' checks either way (MONGODB_URI, else the embedded
 * database). Commands are counted by the database itself (serverStatus `metrics.commands`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MongoClient, type ClientSession, type Document } from 'mongodb';
import { startDatabase, type RunningDatabase } from '../../../server/src/persistence/mongo/start-database';
import { learnBulkWriteSupport, sendWrites, writeTogether } from '../../../server/src/persistence/mongo/unit-write-batch';

let database: RunningDatabase | undefined;
let client: MongoClient;
let unlearned: MongoClient;

beforeAll(async () => {
  database = await startDatabase({ uri: process.env.MONGODB_URI, logger: { info: () => undefined, warn: () => undefined } });
  client = await MongoClient.connect(database.uri, { ignoreUndefined: true });
  // A client never asked what its server takes: it sends one store's writes at a time, as for a server before 8.0.
  unlearned = await MongoClient.connect(database.uri, { ignoreUndefined: true });
  await learnBulkWriteSupport(client);
  const db = client.db('unit-write-batch');
  for (const name of ['dossiers', 'audit', 'letters']) await db.createCollection(name).catch(() => undefined);
  await db.collection('letters').createIndex({ code: 1 }, { unique: true });
}, 90_000);

afterAll(async () => {
  await client?.close();
  await unlearned?.close();
  await database?.stop();
}, 60_000);

async function commandCounts(): Promise<Record<string, number>> {
  const status = await client.db('admin').command({ serverStatus: 1 });
  const commands = (status.metrics?.commands ?? {}) as Record<string, { total?: unknown }>;
  return Object.fromEntries(['bulkWrite', 'insert', 'update'].map((name) => [name, Number(commands[name]?.total ?? 0)]));
}

/** Runs `work` in a transaction of `on`, with a batch open on its session. */
async function inUnit<T>(on: MongoClient, work: (session: ClientSession) => Promise<T>): Promise<T> {
  const session = on.startSession();
  try {
    return await session.withTransaction(() => writeTogether(on, session, () => work(session)));
  } finally {
    await session.endSession();
  }
}

class LostRevision extends Error {}

/** A dossier replaced on its revision (the dossier store's check) and an audit entry: two stores, two collections. */
async function changeDossier(on: MongoClient, session: ClientSession, id: string, rev: number, entry: string, details?: unknown): Promise<void> {
  const db = on.db('unit-write-batch');
  await sendWrites(session, {
    collection: db.collection<Document>('dossiers'),
    operations: [{ replaceOne: { filter: { _id: id, rev }, replacement: { rev: rev + 1, note: undefined } } }],
    expectMatched: (matched) => {
      if (matched !== 1) throw new LostRevision(`dossier ${id} is no longer at revision ${rev}`);
    },
  });
  await sendWrites(session, { collection: db.collection<Document>('audit'), operations: [{ insertOne: { document: { _id: entry, details } } }] });
}

describe('the writes that end a unit of work', () => {
  it('go to the database as one bulkWrite command on a server that takes it, and commit together', async () => {
    // given
    const db = client.db('unit-write-batch');
    await db.collection<Document>('dossiers').insertOne({ _id: 'd1', rev: 0 } as never);
    const before = await commandCounts();
    // when
    await inUnit(client, (session) => changeDossier(client, session, 'd1', 0, 'd1.first', { by: 'official', reason: undefined }));
    // then: one command for both collections, none per collection; undefined fields left out as the client says
    const after = await commandCounts();
    expect(after.bulkWrite! - before.bulkWrite!).toBe(1);
    expect(after.insert! - before.insert!).toBe(0);
    expect(after.update! - before.update!).toBe(0);
    expect(await db.collection<Document>('dossiers').findOne({ _id: 'd1' } as never)).toEqual({ _id: 'd1', rev: 1 });
    expect(await db.collection<Document>('audit').findOne({ _id: 'd1.first' } as never)).toEqual({ _id: 'd1.first', details: { by: 'official' } });
  });

  it("throw a store's failed check when the batch is sent, and nothing of the unit is kept", async () => {
    // given: the dossier is at revision 1, the unit works from revision 0
    const db = client.db('unit-write-batch');
    // when
    const failed = await inUnit(client, (session) => changeDossier(client, session, 'd1', 0, 'd1.stale')).catch((error: unknown) => error);
    // then
    expect(failed).toBeInstanceOf(LostRevision);
    expect(await db.collection<Document>('audit').countDocuments({ _id: 'd1.stale' } as never)).toBe(0);
    expect(await db.collection<Document>('dossiers').findOne({ _id: 'd1' } as never)).toEqual({ _id: 'd1', rev: 1 });
  });

  it('leave the session fit for the next unit after one failed its check: that one commits', async () => {
    // given: a unit that fails its check after its batch was sent
    const db = client.db('unit-write-batch');
    await db.collection<Document>('dossiers').insertOne({ _id: 'd3', rev: 0 } as never);
    await inUnit(client, (session) => changeDossier(client, session, 'd3', 5, 'd3.stale')).catch(() => undefined);
    // when
    await inUnit(client, (session) => changeDossier(client, session, 'd3', 0, 'd3.next'));
    // then
    expect(await db.collection<Document>('dossiers').findOne({ _id: 'd3' } as never)).toEqual({ _id: 'd3', rev: 1 });
    expect(await db.collection<Document>('audit').countDocuments({ _id: { $in: ['d3.stale', 'd3.next'] } } as never)).toBe(1);
  });

  it("report a duplicate key through the store that wrote it, and keep nothing of the unit", async () => {
    // given
    const db = client.db('unit-write-batch');
    await db.collection<Document>('letters').insertOne({ _id: 'l1', code: 'A' } as never);
    class DuplicateLetter extends Error {}
    // when: the audit entry is written before the letter whose code is taken
    const failed = await inUnit(client, async (session) => {
      await sendWrites(session, { collection: db.collection<Document>('audit'), operations: [{ insertOne: { document: { _id: 'letter-2' } } }] });
      await sendWrites(session, {
        collection: db.collection<Document>('letters'),
        operations: [{ insertOne: { document: { _id: 'l2', code: 'A' } } }],
        mapError: (error) => ((error as { code?: number }).code === 11000 ? new DuplicateLetter('code A is taken') : error),
      });
    }).catch((error: unknown) => error);
    // then
    expect(failed).toBeInstanceOf(DuplicateLetter);
    expect(await db.collection<Document>('audit').countDocuments({ _id: 'letter-2' } as never)).toBe(0);
  });

  it('name a failed operation reported by its index (outside a transaction) through the store that wrote it', async () => {
    // given: a session without a transaction, where the server reports a failed operation in the batch's results
    const db = client.db('unit-write-batch');
    class DuplicateLetter extends Error {}
    const session = client.startSession();
    try {
      // when
      const failed = await writeTogether(client, session, async () => {
        await sendWrites(session, { collection: db.collection<Document>('audit'), operations: [{ insertOne: { document: { _id: 'letter-3' } } }] });
        await sendWrites(session, {
          collection: db.collection<Document>('letters'),
          operations: [{ insertOne: { document: { _id: 'l3', code: 'A' } } }],
          mapError: (error) => ((error as { code?: number }).code === 11000 ? new DuplicateLetter(String((error as Error).message)) : error),
        });
      }).catch((error: unknown) => error);
      // then: the letters' store saw MongoDB's duplicate key error; the earlier operation of the ordered batch stays
      expect(failed).toBeInstanceOf(DuplicateLetter);
      expect((failed as Error).message).toContain('E11000');
      expect(await db.collection<Document>('audit').countDocuments({ _id: 'letter-3' } as never)).toBe(1);
    } finally {
      await session.endSession();
    }
  });

  it('go one store at a time on a server before 8.0, with the same checks and the same outcome', async () => {
    // given
    const db = unlearned.db('unit-write-batch');
    await db.collection<Document>('dossiers').insertOne({ _id: 'd2', rev: 0 } as never);
    const before = await commandCounts();
    // when
    await inUnit(unlearned, (session) => changeDossier(unlearned, session, 'd2', 0, 'd2.first'));
    const failed = await inUnit(unlearned, (session) => changeDossier(unlearned, session, 'd2', 0, 'd2.stale')).catch((error: unknown) => error);
    // then: each store's writes its own command, checked before the next store's are sent (the second unit stopped
    // at its lost revision, before its insert); that unit kept nothing
    const after = await commandCounts();
    expect(after.bulkWrite! - before.bulkWrite!).toBe(0);
    expect(after.update! - before.update!).toBe(2);
    expect(after.insert! - before.insert!).toBe(1);
    expect(failed).toBeInstanceOf(LostRevision);
    expect(await db.collection<Document>('dossiers').findOne({ _id: 'd2' } as never)).toEqual({ _id: 'd2', rev: 1 });
    expect(await db.collection<Document>('audit').countDocuments({ _id: { $in: ['d2.first', 'd2.stale'] } } as never)).toBe(1);
  });

  it('are written at once outside a batch', async () => {
    // given
    const db = client.db('unit-write-batch');
    // when
    await sendWrites(undefined, { collection: db.collection<Document>('audit'), operations: [{ insertOne: { document: { _id: 'alone' } } }] });
    // then
    expect(await db.collection<Document>('audit').countDocuments({ _id: 'alone' } as never)).toBe(1);
  });
});
