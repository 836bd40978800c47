/**
 * @module createSmsGatewayConsumer — hands notification entries to an SMS/Zalo gateway as a webhook, one POST per
 * recipient with a phone number: `{ to, template, params, text }`. `template` and `params` serve gateways that
 * send registered templates (Zalo ZNS); `text` serves plain SMS. Signed like the webhooks when a secret is set.
 */
import { notificationEntryMessage } from './notification-entry-message';
import { notificationRecipients, type OfficialDirectory } from './notification-recipients';
import type { OutboxConsumer } from './outbox-consumer';
import { toTypedOutboxEntry } from './outbox-payloads';
import { postJson } from './post-json';
import { webhookSignature } from './webhook-consumer';

export interface SmsGatewayMessage {
  to: string;
  template: string;
  params: Record<string, string>;
  text: string;
}

export interface SmsGatewayConsumerOptions {
  url: URL;
  secret?: string;
  officials?: OfficialDirectory;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Whether citizens' notifications go here too; false when the province's own channels carry them (citizen-message-consumer.ts). */
  citizens?: boolean;
}

export function createSmsGatewayConsumer(options: SmsGatewayConsumerOptions): OutboxConsumer {
  return {
    name: 'sms-gateway',
    accepts: (entry) => entry.kind === 'notification.official' || (entry.kind === 'notification.citizen' && options.citizens !== false),
    async deliver(claimed) {
      const entry = toTypedOutboxEntry(claimed);
      const message = notificationEntryMessage(entry);
      if (!message) return;
      const recipients = (await notificationRecipients(entry, options.officials)).filter((contact) => contact.phone);
      for (const [index, recipient] of recipients.entries()) {
        const body = JSON.stringify({ to: recipient.phone!, template: message.template, params: message.params, text: message.shortText } satisfies SmsGatewayMessage);
        await postJson(options.url, body, {
          headers: {
            'x-lienthong-delivery': `${entry.id}#${index}`,
            ...(options.secret ? { 'x-lienthong-signature': webhookSignature(options.secret, body) } : {}),
          },
          timeoutMs: options.timeoutMs,
          fetch: options.fetch,
        });
      }
    },
  };
}
