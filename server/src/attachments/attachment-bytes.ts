/**
 * @module attachment-bytes — a stored attachment read whole into memory, for the checks that need every byte at once
 * (a PDF's signatures). Attachments are bounded at upload (attachment-limits.ts), so the read is bounded too.
 */
import type { AttachmentStore } from './attachment-store';

/** The content of attachment `id`, or undefined when it is unknown. */
export async function attachmentBytes(attachments: AttachmentStore, id: string): Promise<Buffer | undefined> {
  const found = await attachments.get(id);
  if (!found) return undefined;
  const chunks: Uint8Array[] = [];
  for await (const chunk of found.content) chunks.push(chunk);
  return Buffer.concat(chunks);
}
