/**
 * @module parseOutboxConfig — where the outbox delivers, from the values `main.ts` read from the environment
 * (PORTAL_URL, PORTAL_TOKEN, WEBHOOK_URLS, WEBHOOK_SECRET, SMTP_URL, SMTP_FROM, SMS_GATEWAY_URL). Every URL must be
 * http(s) (smtp(s) for SMTP_URL); a bad value stops the start with a message that never repeats the secret.
 */
import { parseDeliveryUrl } from './delivery-url';

export interface OutboxConfigValues {
  portalUrl?: string;
  portalToken?: string;
  /** Comma-separated. */
  webhookUrls?: string;
  webhookSecret?: string;
  smtpUrl?: string;
  smtpFrom?: string;
  smsGatewayUrl?: string;
}

export interface OutboxConfig {
  portal?: { url: URL; token?: string };
  webhooks: URL[];
  /** Signs webhook and SMS gateway requests. */
  webhookSecret?: string;
  smtp?: { url: URL; from: string };
  smsGateway?: { url: URL };
}

const present = (value: string | undefined) => (value !== undefined && value.trim() !== '' ? value.trim() : undefined);

export function parseOutboxConfig(values: OutboxConfigValues): OutboxConfig {
  const portalUrl = present(values.portalUrl);
  const webhooks = (present(values.webhookUrls) ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean)
    .map((url, index) => parseDeliveryUrl(url, `WEBHOOK_URLS[${index}]`));
  const webhookSecret = present(values.webhookSecret);
  if (webhooks.length > 0 && (!webhookSecret || webhookSecret.length < 16)) {
    throw new Error('WEBHOOK_SECRET of at least 16 characters is required when WEBHOOK_URLS is set: receivers verify the signature with it');
  }
  const smtpUrl = present(values.smtpUrl);
  let smtp: OutboxConfig['smtp'];
  if (smtpUrl) {
    let url: URL;
    try {
      url = new URL(smtpUrl);
    } catch {
      throw new Error('SMTP_URL is not a URL');
    }
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error(`SMTP_URL must be an smtp or smtps URL, not ${url.protocol}`);
    smtp = { url, from: present(values.smtpFrom) ?? `"Liên thông" <no-reply@${url.hostname}>` };
  }
  const smsGatewayUrl = present(values.smsGatewayUrl);
  const portalToken = present(values.portalToken);
  return {
    ...(portalUrl ? { portal: { url: parseDeliveryUrl(portalUrl, 'PORTAL_URL'), ...(portalToken ? { token: portalToken } : {}) } } : {}),
    webhooks,
    ...(webhookSecret ? { webhookSecret } : {}),
    ...(smtp ? { smtp } : {}),
    ...(smsGatewayUrl ? { smsGateway: { url: parseDeliveryUrl(smsGatewayUrl, 'SMS_GATEWAY_URL') } } : {}),
  };
}
