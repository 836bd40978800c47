/**
 * Runs the attachment contract against GridFS: on MONGODB_URI when set, else on the embedded database (a real
 * mongod when one can be found, else the wire-protocol emulator). Each test gets a database of its own, in province 01 beside province 79's records (support/beside-neighbour.ts).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Connection } from 'mongoose';
import { AttachmentTooLarge } from '../../server/src/attachments/attachment-store';
import { connectMongoose } from '../../server/src/persistence/mongo/connect-mongoose';
import { createGridFsAttachmentStore } from '../../server/src/persistence/mongo/gridfs-attachment-store';
import { startDatabase, type RunningDatabase } from '../../server/src/persistence/mongo/start-database';
import { describeAttachmentStoreContract } from './attachment-store.contract';
import { actInHomeProvince, besideNeighbour } from './support/beside-neighbour';
import { neighbourAttachments } from './support/neighbour-records';

let database: RunningDatabase | undefined;
let connection: Connection | undefined;
const databases: Connection[] = [];

beforeAll(async () => {
  const logger = { info: () => undefined, warn: (_details: object, message: string) => console.warn(`[contracts] ${message}`) };
  database = await startDatabase({ uri: process.env.MONGODB_URI, logger });
  console.log(`[contracts] GridFS on ${database.backend}`);
  connection = await connectMongoose(database.uri);
}, 90_000);

afterAll(async () => {
  for (const db of databases) await db.dropDatabase().catch(() => undefined);
  await connection?.close();
  await database?.stop();
}, 60_000);

async function freshDatabase(): Promise<Connection> {
  if (!connection) throw new Error('the database did not start (see beforeAll)');
  const db = connection.useDb(`attachments-${randomUUID().slice(0, 8)}`, { useCache: false });
  databases.push(db);
  await db.asPromise();
  return db;
}

actInHomeProvince();

describeAttachmentStoreContract('GridFS', besideNeighbour(async () => createGridFsAttachmentStore(await freshDatabase()), neighbourAttachments));

it('leaves no GridFS chunk behind when content over the limit is refused', async () => {
  // given
  const db = await freshDatabase();
  const store = await createGridFsAttachmentStore(db);
  const content = Buffer.alloc(700 * 1024, 1);
  // when
  const refused = store.put(content, { dossierId: 'd1', filename: 'big.pdf', contentType: 'application/pdf', uploadedAt: 1, uploadedBy: 'u' }, { maxBytes: 600 * 1024 });
  // then
  await expect(refused).rejects.toBeInstanceOf(AttachmentTooLarge);
  expect(await db.db!.collection('attachments.chunks').countDocuments()).toBe(0);
  expect(await db.db!.collection('attachments.files').countDocuments()).toBe(0);
});
