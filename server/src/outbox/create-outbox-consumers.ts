/**
 * @module createOutboxConsumers — the consumers the configuration names: the national portal, one per webhook, e-mail
 * through SMTP, the SMS/Zalo gateway, and the citizens' messages through the province's Zalo ZNS and brand-name SMS
 * (CITIZEN_CHANNELS_FILE, citizen-message-consumer.ts). Their names are what the outbox records deliveries under, so the outbox
 * store is built with `consumers.map((consumer) => consumer.name)`.
 *
 * @example
 * const consumers = createOutboxConsumers(parseOutboxConfig({ portalUrl: env.PORTAL_URL }), { officials, dossierOf });
 * const outbox = await createMongoOutboxStore(connection, { consumers: consumers.map((consumer) => consumer.name) });
 */
import type { Clock } from '../../../engine/src/index';
import type { CitizenChannelsConfig } from './citizen-channels-config';
import { createCitizenMessageConsumer } from './citizen-message-consumer';
import type { CitizenMessageStore } from './citizen-message-store';
import { createEmailConsumer, createSmtpTransport, type MailTransport } from './email-consumer';
import { createNationalPortalConsumer } from './national-portal-consumer';
import type { OfficialDirectory } from './notification-recipients';
import type { OutboxConfig } from './outbox-config';
import type { OutboxConsumer } from './outbox-consumer';
import type { DossierSyncPayload } from './outbox-payloads';
import { createSmsGatewayConsumer } from './sms-gateway-consumer';
import { createWebhookConsumer } from './webhook-consumer';

export interface OutboxConsumerDeps {
  officials?: OfficialDirectory;
  dossierOf?: (dossierId: string) => Promise<DossierSyncPayload | undefined>;
  /** A mail transport for tests; nodemailer SMTP from the configured URL otherwise. */
  mailTransport?: MailTransport;
  /** The province's ZNS and brand-name SMS channels, where their messages are recorded, and the clock they are stamped with. */
  citizenChannels?: { config: CitizenChannelsConfig; messages: CitizenMessageStore; clock: Clock; fetch?: typeof fetch };
}

export function createOutboxConsumers(config: OutboxConfig, deps: OutboxConsumerDeps = {}): OutboxConsumer[] {
  const consumers: OutboxConsumer[] = [];
  if (config.portal) consumers.push(createNationalPortalConsumer({ ...config.portal, dossierOf: deps.dossierOf }));
  for (const url of config.webhooks) consumers.push(createWebhookConsumer({ url, secret: config.webhookSecret! }));
  if (config.smtp) {
    consumers.push(createEmailConsumer({ transport: deps.mailTransport ?? createSmtpTransport(config.smtp.url), from: config.smtp.from, officials: deps.officials }));
  }
  // With the province's own citizen channels, citizens' messages go only through them (their opt-outs and receipts
  // live there), and the generic gateway keeps the officials' messages.
  const citizenChannels = deps.citizenChannels && (deps.citizenChannels.config.zns || deps.citizenChannels.config.sms) ? deps.citizenChannels : undefined;
  if (config.smsGateway) consumers.push(createSmsGatewayConsumer({ url: config.smsGateway.url, secret: config.webhookSecret, officials: deps.officials, citizens: !citizenChannels }));
  if (citizenChannels) consumers.push(createCitizenMessageConsumer(citizenChannels));
  const names = new Set<string>();
  for (const { name } of consumers) {
    // Deliveries are recorded by consumer name: two webhooks differing only in their query would share one record.
    if (names.has(name)) throw new Error(`two outbox consumers are named ${name}: give each webhook URL its own host or path`);
    names.add(name);
  }
  return consumers;
}
