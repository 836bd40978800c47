/**
 * @module createNationalPortalConsumer — sends every status change and progress record to the configured
 * national-portal endpoint in the portal's field names (`toNationalPortalPayload`). When a change carries no
 * components, the dossier's stored attachments (with their SHA-256) are sent, as the portal sync requires.
 */
import { toNationalPortalPayload } from './national-portal-payload';
import type { OutboxConsumer } from './outbox-consumer';
import { toTypedOutboxEntry, type DossierComponentPayload } from './outbox-payloads';
import { postJson } from './post-json';

export interface NationalPortalConsumerOptions {
  url: URL;
  /** Sent as `Authorization: Bearer …` when set. */
  token?: string;
  timeoutMs?: number;
  /** The dossier's attachments as components, for changes recorded without them. */
  componentsOf?: (dossierId: string) => Promise<DossierComponentPayload[]>;
  fetch?: typeof fetch;
}

export function createNationalPortalConsumer(options: NationalPortalConsumerOptions): OutboxConsumer {
  return {
    name: 'national-portal',
    accepts: (entry) => entry.kind === 'dossier.status_changed' || entry.kind === 'dossier.progress_recorded',
    async deliver(claimed) {
      const entry = toTypedOutboxEntry(claimed);
      if (entry.kind !== 'dossier.status_changed' && entry.kind !== 'dossier.progress_recorded') return;
      let change = entry.payload;
      if (!change.dossier.components && options.componentsOf) {
        change = { ...change, dossier: { ...change.dossier, components: await options.componentsOf(entry.dossierId) } };
      }
      const body = JSON.stringify(toNationalPortalPayload(entry.id, change));
      await postJson(options.url, body, {
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
