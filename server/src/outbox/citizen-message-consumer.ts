/**
 * @module createCitizenMessageConsumer — takes citizen notifications to the citizen's phone through the province's
 * channels (citizen-channels-config.ts): the registered Zalo ZNS template first, the registered brand-name SMS when
 * the notification has no ZNS template, or when ZNS says the person cannot get Zalo messages (or they turned Zalo
 * off) and the province falls back to SMS. A channel the citizen turned off on the tracking page sends nothing; that
 * is recorded too. Each attempt is recorded per channel (citizen-message-store.ts), so a retried delivery never sends
 * again what a provider already took, and the receipts that follow find their message.
 */
import type { Clock } from '../../../engine/src/index';
import type { CitizenChannelsConfig, MessageChannel } from './citizen-channels-config';
import type { CitizenMessageRecord, CitizenMessageStore } from './citizen-message-store';
import { DeliveryError } from './delivery-error';
import { toCitizenMessage, type NotificationMessage } from './notification-message';
import type { OutboxConsumer } from './outbox-consumer';
import type { CitizenNotificationPayload } from './outbox-payloads';
import { createSmsBrandNameClient, type SmsBrandNameClient } from './sms-brand-name-client';
import { renderSmsText } from './sms-text';
import { maskMobile, parseVietnameseMobile } from './vietnamese-mobile';
import { createZnsClient, ZnsError, type ZnsClient } from './zns-client';

export interface CitizenMessageConsumerOptions {
  config: CitizenChannelsConfig;
  messages: CitizenMessageStore;
  clock: Clock;
  /** Built from the configuration when absent. */
  zns?: ZnsClient;
  sms?: SmsBrandNameClient;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** A record id: the notification entry and the channel (ZNS `tracking_id`, the gateway's `requestId`). */
export const citizenMessageId = (entryId: string, channel: MessageChannel) => `${entryId}:${channel}`;

/** Statuses after which the provider has the message: a retry must not send it again. */
const TAKEN = new Set<CitizenMessageRecord['status']>(['sent', 'delivered', 'undelivered']);

export function createCitizenMessageConsumer(options: CitizenMessageConsumerOptions): OutboxConsumer {
  const { config, messages, clock } = options;
  const zns = config.zns && (options.zns ?? createZnsClient({ url: new URL(config.zns.url), accessToken: config.zns.accessToken, accessTokenFile: config.zns.accessTokenFile, timeoutMs: options.timeoutMs, fetch: options.fetch }));
  const sms = config.sms && (options.sms ?? createSmsBrandNameClient({ url: new URL(config.sms.url), apiKey: config.sms.apiKey, brandName: config.sms.brandName, retryableCodes: config.sms.retryableCodes, timeoutMs: options.timeoutMs, fetch: options.fetch }));

  type Attempt = { entryId: string; dossierId: string; message: NotificationMessage; phone: string };

  const record = (attempt: Attempt, channel: MessageChannel, fields: Pick<CitizenMessageRecord, 'status'> & Partial<CitizenMessageRecord>) =>
    messages.save({ id: citizenMessageId(attempt.entryId, channel), entryId: attempt.entryId, dossierId: attempt.dossierId, channel, template: attempt.message.template, phone: maskMobile(attempt.phone), at: clock.now(), ...fields });

  /** Sends through ZNS; resolves with whether the citizen still needs the SMS (ZNS cannot reach them). */
  async function sendZns(attempt: Attempt, optedOut: MessageChannel[]): Promise<boolean> {
    const template = config.zns!.templates[attempt.message.template]!;
    if (optedOut.includes('zns')) {
      await record(attempt, 'zns', { status: 'optedOut' });
      return true;
    }
    const previous = await messages.get(citizenMessageId(attempt.entryId, 'zns'));
    if (previous && TAKEN.has(previous.status)) return false;
    const templateData = Object.fromEntries(Object.entries(template.params).map(([name, from]) => [name, attempt.message.params[from] ?? '']));
    try {
      const { msgId } = await zns!.send({ phone: attempt.phone, templateId: template.templateId, templateData, trackingId: citizenMessageId(attempt.entryId, 'zns') });
      await record(attempt, 'zns', { status: 'sent', providerMessageId: msgId });
      return false;
    } catch (error) {
      await record(attempt, 'zns', { status: 'failed', error: (error as Error).message.slice(0, 500) });
      if (error instanceof ZnsError && config.zns!.fallbackErrors.includes(error.code)) return true;
      throw error;
    }
  }

  async function sendSms(attempt: Attempt, optedOut: MessageChannel[], fallbackFrom?: MessageChannel): Promise<void> {
    const template = config.sms!.templates[attempt.message.template]!;
    const fallback = fallbackFrom ? { fallbackFrom } : {};
    if (optedOut.includes('sms')) return record(attempt, 'sms', { status: 'optedOut', ...fallback });
    const previous = await messages.get(citizenMessageId(attempt.entryId, 'sms'));
    if (previous && TAKEN.has(previous.status)) return;
    try {
      const text = renderSmsText(template, attempt.message.params, config.sms!.maxLength);
      const { messageId } = await sms!.send({ phone: attempt.phone, text, requestId: citizenMessageId(attempt.entryId, 'sms') });
      await record(attempt, 'sms', { status: 'sent', ...(messageId ? { providerMessageId: messageId } : {}), ...fallback });
    } catch (error) {
      await record(attempt, 'sms', { status: 'failed', error: (error as Error).message.slice(0, 500), ...fallback });
      throw error;
    }
  }

  return {
    name: 'citizen-messages',
    accepts: (entry) => entry.kind === 'notification.citizen',
    async deliver(entry) {
      const payload = entry.payload as unknown as CitizenNotificationPayload;
      const message = toCitizenMessage(payload);
      const hasZns = Boolean(config.zns?.templates[message.template]);
      const hasSms = Boolean(config.sms?.templates[message.template]);
      if (!hasZns && !hasSms) return;
      const phone = parseVietnameseMobile(payload.applicant.phone);
      // No mobile number: nothing to send by phone (the e-mail consumer may still reach the citizen).
      if (!phone) return;
      const attempt: Attempt = { entryId: entry.id, dossierId: entry.dossierId, message, phone };
      const optedOut = await messages.optedOut(entry.dossierId);
      if (hasZns) {
        const needsSms = await sendZns(attempt, optedOut);
        if (!needsSms || !hasSms || !config.zns!.fallbackToSms) {
          if (needsSms && !optedOut.includes('zns')) throw new DeliveryError('ZNS cannot reach the citizen and no SMS fallback is configured', { permanent: true });
          return;
        }
        return sendSms(attempt, optedOut, 'zns');
      }
      return sendSms(attempt, optedOut);
    },
  };
}
