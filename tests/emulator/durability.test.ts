/**
 * The emulator under --dbpath (the engine mongodb-memory-server asks for, wiredTiger) keeps every acknowledged write
 * across a SIGKILL: documents, collections with their options, indexes, committed transactions, drops.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { MongoMemoryReplSet } from 'mongodb-memory-server';
import type { StorageEngine } from 'mongodb-memory-server-core/lib/util/MongoInstance';
import { afterEach, describe, expect, it } from 'vitest';
import { EMULATOR_VERSION, emulatorBinaryPath } from '../../mongo-emulator/src/index';

let dbPath: string;

async function startOn(path: string): Promise<{ replSet: MongoMemoryReplSet; client: MongoClient }> {
  const replSet = await MongoMemoryReplSet.create({
    replSet: { count: 1, storageEngine: 'wiredTiger' },
    instanceOpts: [{ dbPath: path }],
    binary: { systemBinary: emulatorBinaryPath(), version: EMULATOR_VERSION },
  });
  // A short server selection: after the kill, closing the client must not wait 30 s to end the open transaction.
  return { replSet, client: await MongoClient.connect(replSet.getUri(), { serverSelectionTimeoutMS: 1_000 }) };
}

/** Kills the emulator process outright (no shutdown, no flush), then lets mongodb-memory-server forget it. */
async function killHard({ replSet, client }: { replSet: MongoMemoryReplSet; client: MongoClient }): Promise<void> {
  const child = replSet.servers[0]!.instanceInfo!.instance.mongodProcess!;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  await client.close(true);
  await replSet.stop({ doCleanup: false, force: true }).catch(() => undefined);
}

afterEach(() => rmSync(dbPath, { recursive: true, force: true }));

describe('the emulator with a --dbpath', () => {
  it('has every acknowledged write after a SIGKILL and a restart on the same dbpath', async () => {
    // given
    dbPath = mkdtempSync(join(tmpdir(), 'emulator-durability-'));
    console.log('[emulator] MongoDB wire-protocol emulator in use');
    const first = await startOn(dbPath);
    const db = first.client.db('kept');
    await db.createCollection('dossiers');
    await db.collection('dossiers').createIndex({ code: 1 }, { unique: true, name: 'code_unique' });
    await db.collection('dossiers').insertMany([{ _id: 'd1', code: 'A-0001', status: 'received' }, { _id: 'd2', code: 'A-0002', status: 'received' }] as never[]);
    await db.collection('dossiers').updateOne({ _id: 'd1' } as never, { $set: { status: 'done' } });
    await db.collection('dossiers').deleteOne({ _id: 'd2' } as never);
    const longId = 'x'.repeat(3_000);
    await db.collection('dossiers').insertOne({ _id: longId, code: 'A-0003' } as never);
    const session = first.client.startSession();
    await session.withTransaction(async () => {
      await db.collection('counters').updateOne({ _id: 'A' } as never, { $inc: { seq: 1 } }, { upsert: true, session });
      await db.collection('dossiers').insertOne({ _id: 'd4', code: 'A-0004' } as never, { session });
    });
    await session.endSession();
    await db.collection('dropped').insertOne({ a: 1 });
    await db.collection('dropped').drop();
    await first.client.db('droppedDb').collection('c').insertOne({ a: 1 });
    await first.client.db('droppedDb').dropDatabase();
    const aborted = first.client.startSession();
    aborted.startTransaction();
    await db.collection('dossiers').insertOne({ _id: 'never' } as never, { session: aborted });
    // when the emulator dies mid-transaction and starts again on the same files
    await killHard(first);
    const second = await startOn(dbPath);
    try {
      const kept = second.client.db('kept');
      // then
      expect(await kept.collection('dossiers').find().sort({ code: 1 }).toArray()).toEqual([
        { _id: 'd1', code: 'A-0001', status: 'done' },
        { _id: longId, code: 'A-0003' },
        { _id: 'd4', code: 'A-0004' },
      ]);
      expect(await kept.collection('counters').findOne({ _id: 'A' } as never)).toEqual({ _id: 'A', seq: 1 });
      expect((await kept.listCollections().toArray()).map((c) => c.name).sort()).toEqual(['counters', 'dossiers']);
      expect((await kept.collection('dossiers').listIndexes().toArray()).map((index) => index.name)).toEqual(['_id_', 'code_unique']);
      expect(await kept.collection('dossiers').insertOne({ code: 'A-0001' }).catch((error: { code?: number }) => error.code)).toBe(11000);
      const databases = await second.client.db('admin').admin().listDatabases();
      expect(databases.databases.map((d) => d.name)).not.toContain('droppedDb');
      expect((await second.client.db('admin').command({ serverStatus: 1 })).storageEngine).toEqual({ name: 'emulator-lmdb', persistent: true });
    } finally {
      await second.client.close();
      await second.replSet.stop({ doCleanup: false });
    }
  }, 60_000);

  it('keeps nothing with --storageEngine inMemory', async () => {
    // given
    dbPath = mkdtempSync(join(tmpdir(), 'emulator-in-memory-'));
    const start = async (): Promise<{ replSet: MongoMemoryReplSet; client: MongoClient }> => {
      const replSet = await MongoMemoryReplSet.create({
        // MongoDB Enterprise's engine name, passed through as --storageEngine (the library's type names only the community ones).
        replSet: { count: 1, storageEngine: 'inMemory' as StorageEngine },
        instanceOpts: [{ dbPath }],
        binary: { systemBinary: emulatorBinaryPath(), version: EMULATOR_VERSION },
      });
      return { replSet, client: await MongoClient.connect(replSet.getUri()) };
    };
    const first = await start();
    await first.client.db('gone').collection('c').insertOne({ a: 1 });
    // when
    await killHard(first);
    const second = await start();
    try {
      // then
      expect(await second.client.db('gone').collection('c').countDocuments()).toBe(0);
      expect((await second.client.db('admin').command({ serverStatus: 1 })).storageEngine).toEqual({ name: 'emulator-in-memory', persistent: false });
    } finally {
      await second.client.close();
      await second.replSet.stop({ doCleanup: false });
    }
  }, 60_000);
});
