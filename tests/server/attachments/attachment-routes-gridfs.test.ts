/**
 * Attachments through the app on GridFS (the embedded database: a real mongod when one can be found, else the
 * wire-protocol emulator): what is uploaded comes back byte for byte, with the hash the portal sync carries.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMongoose } from '../../../server/src/persistence/mongo/connect-mongoose';
import { createGridFsAttachmentStore } from '../../../server/src/persistence/mongo/gridfs-attachment-store';
import { startDatabase, type RunningDatabase } from '../../../server/src/persistence/mongo/start-database';
import { createTestApp } from '../../support/test-app';
import { storeDossier } from '../lookup/stored-dossier';

let database: RunningDatabase | undefined;
let connection: Connection | undefined;

beforeAll(async () => {
  database = await startDatabase({ uri: process.env.MONGODB_URI, logger: { info: () => undefined, warn: () => undefined } });
  connection = (await connectMongoose(database.uri)).useDb(`attachments-app-${randomUUID().slice(0, 8)}`, { useCache: false });
}, 90_000);

afterAll(async () => {
  await connection?.dropDatabase().catch(() => undefined);
  await connection?.close();
  await database?.stop();
}, 60_000);

describe('attachments on GridFS through the app', () => {
  it('gives back a 600 kB scan byte for byte, with the SHA-256 it was stored with', async () => {
    // given
    const attachments = await createGridFsAttachmentStore(connection!);
    const { app, stores, as } = await createTestApp({ attachments });
    const dossier = await storeDossier(stores);
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(Array.from({ length: 600 * 1024 }, (_, i) => (i * 31) % 256))]);
    const form = new FormData();
    form.set('file', new File([new Uint8Array(jpeg)], 'CCCD mặt trước.jpg'));
    // when
    const uploaded = await app.request(`/api/dossiers/${dossier.id}/attachments`, { method: 'POST', body: form, headers: await as('official.motcua') });
    const info = await uploaded.json();
    const downloaded = await app.request(`/api/attachments/${info.id}`, { headers: await as('official.xaydung') });
    // then
    expect(uploaded.status).toBe(201);
    expect(info).toMatchObject({ size: jpeg.length, sha256: createHash('sha256').update(jpeg).digest('hex'), contentType: 'image/jpeg' });
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await downloaded.arrayBuffer()).equals(jpeg)).toBe(true);
    expect(await attachments.listByDossier(dossier.id)).toEqual([info]);
  });
});
