/**
 * @module GridFsAttachmentStore — attachments in GridFS (bucket `attachments`) on the mongoose connection's
 * database: content in 255 kB chunks, our fields in the file's `metadata`. Size and SHA-256 are counted while the
 * content streams in; content over the limit is aborted and its chunks removed, so nothing is kept on refusal.
 *
 * Province tenancy (issue 18 item 2): GridFS is the raw driver, which the province plugin does not see, so each file
 * carries its province in `metadata.provinceCode` from the upload on, and every read and delete here is confined to
 * the current province by hand: another province's attachment id is not found.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import mongoose, { type Connection } from 'mongoose';
import type { AttachmentContent, AttachmentInfo, AttachmentStore, NewAttachment } from '../../attachments/attachment-store';
import { ContentMeter, meteredChunks } from '../../attachments/metered-chunks';
import { provinceFilter, writingProvince } from '../../tenancy/province-scope';
import { backfillProvince } from './backfill-province';

/** The dossiers' attachments; retention's archive bundles live in `archives` (same store, another bucket). */
const BUCKET = 'attachments';

interface AttachmentMetadata extends Omit<AttachmentInfo, 'id' | 'filename' | 'size'> {
  provinceCode?: string;
}

/** The files of the current province (every province's in a national scope). */
function inScope(operation: string): { 'metadata.provinceCode'?: string } {
  const { provinceCode } = provinceFilter(operation);
  return provinceCode === undefined ? {} : { 'metadata.provinceCode': provinceCode };
}

interface FileDocument {
  _id: string;
  filename: string;
  length: number;
  metadata?: AttachmentMetadata;
}

function toInfo(file: FileDocument): AttachmentInfo {
  const metadata = file.metadata!;
  return {
    id: file._id,
    dossierId: metadata.dossierId,
    filename: file.filename,
    contentType: metadata.contentType,
    size: file.length,
    sha256: metadata.sha256 ?? '',
    uploadedAt: metadata.uploadedAt,
    uploadedBy: metadata.uploadedBy,
    ...(metadata.componentCode !== undefined ? { componentCode: metadata.componentCode } : {}),
    ...(metadata.kind !== undefined ? { kind: metadata.kind } : {}),
    ...(metadata.signature !== undefined ? { signature: metadata.signature } : {}),
  };
}

export class GridFsAttachmentStore implements AttachmentStore {
  private readonly bucket: InstanceType<typeof mongoose.mongo.GridFSBucket>;

  constructor(
    private readonly db: mongoose.mongo.Db,
    private readonly newId: () => string = randomUUID,
    private readonly bucketName: string = BUCKET,
  ) {
    this.bucket = new mongoose.mongo.GridFSBucket(db, { bucketName });
  }

  private get files() {
    return this.db.collection<FileDocument>(`${this.bucketName}.files`);
  }

  async put(content: AttachmentContent, attachment: NewAttachment, options: { maxBytes?: number } = {}): Promise<AttachmentInfo> {
    const provinceCode = writingProvince('attachments.put');
    const id = this.newId();
    const { filename, ...fields } = attachment;
    const upload = this.bucket.openUploadStreamWithId(id as never, filename, { metadata: { ...fields, provinceCode } });
    const meter = new ContentMeter();
    try {
      await pipeline(Readable.from(meteredChunks(content, meter, options.maxBytes)), upload);
    } catch (error) {
      // A refused or broken upload leaves nothing behind: neither its file document nor any chunk written so far.
      await this.db.collection(`${this.bucketName}.chunks`).deleteMany({ files_id: id as never }).catch(() => undefined);
      await this.files.deleteOne({ _id: id }).catch(() => undefined);
      throw error;
    }
    const sha256 = meter.sha256();
    await this.files.updateOne({ _id: id }, { $set: { 'metadata.sha256': sha256 } });
    return { ...attachment, id, size: meter.size, sha256 };
  }

  async info(id: string): Promise<AttachmentInfo | undefined> {
    const file = await this.files.findOne({ _id: id, ...inScope('attachments.info') });
    return file?.metadata ? toInfo(file) : undefined;
  }

  async get(id: string): Promise<{ info: AttachmentInfo; content: AsyncIterable<Uint8Array> } | undefined> {
    const info = await this.info(id);
    if (!info) return undefined;
    return { info, content: this.bucket.openDownloadStream(id as never) };
  }

  async listByDossier(dossierId: string): Promise<AttachmentInfo[]> {
    const found = await this.files.find({ ...inScope('attachments.listByDossier'), 'metadata.dossierId': dossierId }).sort({ 'metadata.uploadedAt': 1, _id: 1 }).toArray();
    return found.map(toInfo);
  }

  async delete(id: string): Promise<boolean> {
    const provinceCode = writingProvince('attachments.delete');
    if (!(await this.files.findOne({ _id: id, 'metadata.provinceCode': provinceCode }))) return false;
    await this.bucket.delete(id as never);
    return true;
  }
}

/**
 * The store on `connection`'s database, with the index the dossier listing uses (led by the province, like every
 * index of a province's data); files stored before provinces get the home province first (`backfillProvince`).
 *
 * @example
 * const attachments = await createGridFsAttachmentStore(connection);
 */
export async function createGridFsAttachmentStore(connection: Connection, options: { bucketName?: string } = {}): Promise<GridFsAttachmentStore> {
  const db = connection.db;
  if (!db) throw new Error('the mongoose connection is not open');
  const bucketName = options.bucketName ?? BUCKET;
  await backfillProvince(connection);
  const files = db.collection(`${bucketName}.files`);
  await files.dropIndex('metadata.dossierId_1_metadata.uploadedAt_1').catch(() => undefined);
  await files.createIndex({ 'metadata.provinceCode': 1, 'metadata.dossierId': 1, 'metadata.uploadedAt': 1 });
  return new GridFsAttachmentStore(db, randomUUID, bucketName);
}
