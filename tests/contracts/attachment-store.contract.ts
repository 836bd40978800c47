/** @module describeAttachmentStoreContract — what every AttachmentStore adapter must do: content, size and hash kept exactly. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AttachmentTooLarge, type AttachmentStore, type NewAttachment } from '../../server/src/attachments/attachment-store';

const anAttachment = (overrides: Partial<NewAttachment> = {}): NewAttachment => ({
  dossierId: 'd1',
  filename: 'Đơn đề nghị.pdf',
  contentType: 'application/pdf',
  uploadedAt: 1_000,
  uploadedBy: 'u-motcua',
  ...overrides,
});

async function readAll(content: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of content) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** 600 kB of varied bytes: more than two GridFS chunks of 255 kB. */
const large = Buffer.from(Array.from({ length: 600 * 1024 }, (_, i) => (i * 7919) % 251));

export function describeAttachmentStoreContract(adapter: string, makeStore: () => Promise<AttachmentStore>): void {
  describe(`AttachmentStore contract (${adapter})`, () => {
    it('keeps the content of a buffer exactly, with its size and SHA-256', async () => {
      // given
      const store = await makeStore();
      const content = Buffer.from('%PDF-1.7\nhello');
      // when
      const stored = await store.put(content, anAttachment({ componentCode: 'TP1' }));
      // then
      const expected = { ...anAttachment({ componentCode: 'TP1' }), id: stored.id, size: content.length, sha256: createHash('sha256').update(content).digest('hex') };
      expect(stored).toEqual(expected);
      expect(await store.info(stored.id)).toEqual(expected);
      const got = await store.get(stored.id);
      expect(got?.info).toEqual(expected);
      expect((await readAll(got!.content)).equals(content)).toBe(true);
    });

    it('keeps streamed content of several chunks exactly', async () => {
      // given
      const store = await makeStore();
      async function* inPieces() {
        for (let at = 0; at < large.length; at += 100_000) yield large.subarray(at, at + 100_000);
      }
      // when
      const stored = await store.put(inPieces(), anAttachment());
      // then
      expect(stored.size).toBe(large.length);
      expect(stored.sha256).toBe(createHash('sha256').update(large).digest('hex'));
      expect((await readAll((await store.get(stored.id))!.content)).equals(large)).toBe(true);
    });

    it('refuses content over maxBytes and keeps nothing of it', async () => {
      // given
      const store = await makeStore();
      // when
      const refused = store.put(large, anAttachment(), { maxBytes: 300 * 1024 });
      // then
      await expect(refused).rejects.toBeInstanceOf(AttachmentTooLarge);
      expect(await store.listByDossier('d1')).toEqual([]);
    });

    it('lists the attachments of one dossier, oldest first, and deletes one', async () => {
      // given
      const store = await makeStore();
      const second = await store.put(Buffer.from('b'), anAttachment({ filename: 'b.pdf', uploadedAt: 2_000 }));
      const first = await store.put(Buffer.from('a'), anAttachment({ filename: 'a.pdf', uploadedAt: 1_000 }));
      await store.put(Buffer.from('c'), anAttachment({ dossierId: 'd2' }));
      // when
      const listed = await store.listByDossier('d1');
      const deleted = await store.delete(first.id);
      // then
      expect(listed.map((info) => info.filename)).toEqual(['a.pdf', 'b.pdf']);
      expect(deleted).toBe(true);
      expect(await store.delete(first.id)).toBe(false);
      expect((await store.listByDossier('d1')).map((info) => info.id)).toEqual([second.id]);
      expect(await store.get(first.id)).toBeUndefined();
      expect(await store.info('unknown')).toBeUndefined();
    });
  });
}
