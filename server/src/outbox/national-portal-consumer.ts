/**
 * @module createNationalPortalConsumer — sends every status change and progress record to the configured
 * national-portal endpoint in the portal's field names (national-portal/national-portal-mapping.ts), and reads the
 * portal's answer: only a reply whose `error_code` is 0 is a delivery. An error reply, or a 2xx without a readable
 * acknowledgement, is a failed delivery with the portal's message as its last error, retried by the outbox's backoff,
 * never counted as synced. The change is sent as recorded; the dossier's sync fields (applicant ID, times,
 * attachments with hashes, fees, the portal's own code) come with the entry when the writer added them, else from
 * `dossierOf` at delivery time.
 */
import { toNationalPortalPayload } from '../national-portal/national-portal-mapping';
import { DeliveryError } from './delivery-error';
import type { OutboxConsumer } from './outbox-consumer';
import { toTypedOutboxEntry, type DossierSyncPayload } from './outbox-payloads';
import { postJson } from './post-json';

export interface NationalPortalConsumerOptions {
  url: URL;
  /** Sent as `Authorization: Bearer …` when set. */
  token?: string;
  timeoutMs?: number;
  /** The dossier's sync fields now (see `createDossierSyncSource`). */
  dossierOf?: (dossierId: string) => Promise<DossierSyncPayload | undefined>;
  fetch?: typeof fetch;
}

/** More than any acknowledgement needs: a larger reply is not read further (the receiver is outside our control). */
const MAX_REPLY_BYTES = 64 * 1024;

async function readBoundedText(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_REPLY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw new DeliveryError(`the portal's reply is larger than ${MAX_REPLY_BYTES} bytes; not read as an acknowledgement`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Throws unless the reply acknowledges the message (`error_code` 0, as a number or text: the mapping's syncReply rows). */
export function checkPortalReply(status: number, body: string): void {
  let reply: unknown;
  try {
    reply = JSON.parse(body);
  } catch {
    throw new DeliveryError(`the portal answered HTTP ${status} without an acknowledgement (no JSON error_code)`);
  }
  const { error_code: code, message } = (reply ?? {}) as { error_code?: unknown; message?: unknown };
  if (code === 0 || code === '0') return;
  const said = typeof message === 'string' && message.trim() !== '' ? message.trim().slice(0, 300) : 'no message';
  if (code === undefined) throw new DeliveryError(`the portal answered HTTP ${status} without an error_code: ${said}`);
  throw new DeliveryError(`the portal refused the sync (error_code ${JSON.stringify(code).slice(0, 40)}): ${said}`);
}

export function createNationalPortalConsumer(options: NationalPortalConsumerOptions): OutboxConsumer {
  return {
    name: 'national-portal',
    accepts: (entry) => entry.kind === 'dossier.status_changed' || entry.kind === 'dossier.progress_recorded',
    async deliver(claimed) {
      const entry = toTypedOutboxEntry(claimed);
      if (entry.kind !== 'dossier.status_changed' && entry.kind !== 'dossier.progress_recorded') return;
      const dossier = entry.payload.dossier ?? (await options.dossierOf?.(entry.dossierId));
      if (!dossier) throw new DeliveryError(`no dossier ${entry.dossierId} to sync`, { permanent: true });
      const message =
        entry.kind === 'dossier.status_changed'
          ? { entryId: entry.id, kind: entry.kind, dossier, change: entry.payload }
          : { entryId: entry.id, kind: entry.kind, dossier, change: entry.payload };
      const response = await postJson(options.url, JSON.stringify(toNationalPortalPayload(message)), {
        headers: {
          'idempotency-key': entry.id,
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
        timeoutMs: options.timeoutMs,
        fetch: options.fetch,
      });
      checkPortalReply(response.status, await readBoundedText(response));
    },
  };
}
