/**
 * @module createNationalPortalConsumer — sends every status change and progress record to the configured
 * national-portal endpoint in the portal's field names (`toNationalPortalPayload`). The change is sent as recorded;
 * the dossier's sync fields (applicant ID, times, attachments with hashes, fees) come with the entry when the writer
 * added them, else from `dossierOf` at delivery time.
 */
import { DeliveryError } from './delivery-error';
import { toNationalPortalPayload } from './national-portal-payload';
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

export function createNationalPortalConsumer(options: NationalPortalConsumerOptions): OutboxConsumer {
  return {
    name: 'national-portal',
    accepts: (entry) => entry.kind === 'dossier.status_changed' || entry.kind === 'dossier.progress_recorded',
    async deliver(claimed) {
      const entry = toTypedOutboxEntry(claimed);
      if (entry.kind !== 'dossier.status_changed' && entry.kind !== 'dossier.progress_recorded') return;
      const dossier = entry.payload.dossier ?? (await options.dossierOf?.(entry.dossierId));
      if (!dossier) throw new DeliveryError(`no dossier ${entry.dossierId} to sync`, { permanent: true });
      const change = entry.kind === 'dossier.status_changed' ? { kind: entry.kind, dossier, change: entry.payload } : { kind: entry.kind, dossier, change: entry.payload };
      await postJson(options.url, JSON.stringify(toNationalPortalPayload(entry.id, change)), {
        headers: {
          'idempotency-key': entry.id,
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
        timeoutMs: options.timeoutMs,
        fetch: options.fetch,
      });
    },
  };
}
