/**
 * @module meteredChunks — passes attachment content through while counting its size and SHA-256, and stops with
 * `AttachmentTooLarge` as soon as it passes the limit, before the rest is read or stored.
 */
import { createHash, type Hash } from 'node:crypto';
import { AttachmentTooLarge, type AttachmentContent } from './attachment-store';

export class ContentMeter {
  size = 0;
  private readonly hash: Hash = createHash('sha256');

  count(chunk: Uint8Array, maxBytes: number): void {
    this.size += chunk.byteLength;
    if (this.size > maxBytes) throw new AttachmentTooLarge(maxBytes);
    this.hash.update(chunk);
  }

  /** Lower-case hex; call once, after the last chunk. */
  sha256(): string {
    return this.hash.digest('hex');
  }
}

export async function* meteredChunks(content: AttachmentContent, meter: ContentMeter, maxBytes = Infinity): AsyncGenerator<Uint8Array> {
  const chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array> = content instanceof Uint8Array ? [content] : content;
  for await (const chunk of chunks) {
    meter.count(chunk, maxBytes);
    yield chunk;
  }
}
