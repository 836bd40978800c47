/**
 * @module createWebhookConsumer — POSTs each outbox entry as recorded (JSON) to a configured URL, signed with
 * HMAC-SHA256 over the exact body bytes, so the receiver can check that it comes from us and was not altered.
 *
 * Headers: `X-LienThong-Delivery` (the entry id, the same on every retry: receivers drop repeats, since delivery is
 * at least once), `X-LienThong-Event` (the kind), `X-LienThong-Attempt`, and
 * `X-LienThong-Signature: sha256=<hex HMAC-SHA256(secret, body)>` (compare it in constant time).
 */
import { createHmac } from 'node:crypto';
import type { OutboxConsumer } from './outbox-consumer';
import type { OutboxEntry } from './outbox-store';
import { postJson } from './post-json';

export interface WebhookConsumerOptions {
  url: URL;
  secret: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** The signature header value for `body`. */
export function webhookSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** The entry as the outbox recorded it, without delivery bookkeeping. */
export function toWebhookBody(entry: OutboxEntry): string {
  const { id, dossierId, seq, kind, payload, createdAt } = entry;
  return JSON.stringify({ id, dossierId, seq, kind, payload, createdAt });
}

/** A consumer per URL; its name (`webhook:<host><path>`) keeps deliveries apart when there are several. */
export function createWebhookConsumer(options: WebhookConsumerOptions): OutboxConsumer {
  return {
    name: `webhook:${options.url.host}${options.url.pathname}`,
    accepts: () => true,
    async deliver(entry) {
      const body = toWebhookBody(entry);
      await postJson(options.url, body, {
        headers: {
          'x-lienthong-delivery': entry.id,
          'x-lienthong-event': entry.kind,
          'x-lienthong-attempt': String(entry.attempt),
          'x-lienthong-signature': webhookSignature(options.secret, body),
        },
        timeoutMs: options.timeoutMs,
        fetch: options.fetch,
      });
    },
  };
}
