/** @module MemoryAttachmentStore — attachments in memory, for tests and the in-memory app. */
import { randomUUID } from 'node:crypto';
import type { AttachmentContent, AttachmentInfo, AttachmentStore, NewAttachment } from '../../attachments/attachment-store';
import { ContentMeter, meteredChunks } from '../../attachments/metered-chunks';
import { firstFound, sortedBy, type NationalReads } from './province-partitioned';

const oldestFirst = (a: AttachmentInfo, b: AttachmentInfo): number => a.uploadedAt - b.uploadedAt || (a.id < b.id ? -1 : 1);

export class MemoryAttachmentStore implements AttachmentStore {
  /** How each read is answered in a national scope; every other method writes (province-partitioned.ts). */
  static readonly nationalReads: NationalReads<MemoryAttachmentStore> = {
    info: firstFound,
    get: firstFound,
    listByDossier: sortedBy(oldestFirst),
  };

  private readonly files = new Map<string, { info: AttachmentInfo; content: Buffer }>();

  constructor(private readonly newId: () => string = randomUUID) {}

  async put(content: AttachmentContent, attachment: NewAttachment, options: { maxBytes?: number } = {}): Promise<AttachmentInfo> {
    const meter = new ContentMeter();
    const chunks: Uint8Array[] = [];
    for await (const chunk of meteredChunks(content, meter, options.maxBytes)) chunks.push(chunk);
    const info: AttachmentInfo = { ...attachment, id: this.newId(), size: meter.size, sha256: meter.sha256() };
    this.files.set(info.id, { info, content: Buffer.concat(chunks) });
    return structuredClone(info);
  }

  async info(id: string): Promise<AttachmentInfo | undefined> {
    const file = this.files.get(id);
    return file && structuredClone(file.info);
  }

  async get(id: string): Promise<{ info: AttachmentInfo; content: AsyncIterable<Uint8Array> } | undefined> {
    const file = this.files.get(id);
    if (!file) return undefined;
    const copy = Buffer.from(file.content);
    return { info: structuredClone(file.info), content: (async function* () { yield copy; })() };
  }

  async listByDossier(dossierId: string): Promise<AttachmentInfo[]> {
    return [...this.files.values()]
      .map((file) => file.info)
      .filter((info) => info.dossierId === dossierId)
      .sort(oldestFirst)
      .map((info) => structuredClone(info));
  }

  async delete(id: string): Promise<boolean> {
    return this.files.delete(id);
  }
}
