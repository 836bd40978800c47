import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GridFSBucket, type Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './start-emulator';

let emulator: RunningEmulator;
let db: Db;

beforeAll(async () => {
  emulator = await startEmulator();
  db = emulator.client.db('files');
});
afterAll(async () => emulator?.stop());

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('GridFS through the emulator', () => {
  it('uploads a 3 MB file in chunks, finds it, downloads it byte for byte and deletes it', async () => {
    // given
    const bucket = new GridFSBucket(db, { bucketName: 'attachments' });
    const content = randomBytes(3 * 1024 * 1024);
    const upload = bucket.openUploadStream('land-certificate.pdf', { metadata: { dossierId: 'HS-001' } });
    // when
    await pipeline(Readable.from([content]), upload);
    const [file] = await bucket.find({ filename: 'land-certificate.pdf' }).toArray();
    const chunkCount = await db.collection('attachments.chunks').countDocuments({ files_id: upload.id });
    const downloaded = await readAll(bucket.openDownloadStream(upload.id));
    const byName = await readAll(bucket.openDownloadStreamByName('land-certificate.pdf'));
    await bucket.delete(upload.id);
    // then
    expect(file?.length).toBe(content.length);
    expect(file?.metadata).toEqual({ dossierId: 'HS-001' });
    expect(chunkCount).toBe(Math.ceil(content.length / (255 * 1024)));
    expect(downloaded.equals(content)).toBe(true);
    expect(byName.equals(content)).toBe(true);
    expect(await bucket.find({}).toArray()).toEqual([]);
    expect(await db.collection('attachments.chunks').countDocuments()).toBe(0);
  });

  it('downloads a byte range of a stored file', async () => {
    // given
    const bucket = new GridFSBucket(db);
    const content = Buffer.from(Array.from({ length: 600 * 1024 }, (_, i) => i % 251));
    const upload = bucket.openUploadStream('ranges.bin');
    await pipeline(Readable.from([content]), upload);
    // when
    const part = await readAll(bucket.openDownloadStream(upload.id, { start: 250 * 1024, end: 300 * 1024 }));
    // then
    expect(part.equals(content.subarray(250 * 1024, 300 * 1024))).toBe(true);
  });
});
