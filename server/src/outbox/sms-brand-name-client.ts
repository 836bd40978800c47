/**
 * @module createSmsBrandNameClient — sends one brand-name SMS through the province's HTTP gateway. Gateways differ
 * in their field names; this speaks one plain shape that a province's gateway (or a small proxy before it) accepts:
 * `POST <url>` with `Authorization: Bearer <apiKey>` and `{ brandName, phone: "84…", text, requestId }`; the reply
 * is HTTP 200 with `{ code, message?, messageId? }`, where `code` 0 (or "0", "00") means the gateway took the message
 * and anything else is a refusal (`SmsGatewayError`), final unless the configuration lists the code as retryable.
 * The gateway's delivery report arrives later at `POST /api/message-receipts/sms` (message-receipt-routes.ts).
 */
import { DeliveryError } from './delivery-error';
import { postJson } from './post-json';
import { readProviderReply } from './provider-reply';

export interface BrandNameSms {
  phone: string;
  /** Unaccented, within the configured length (sms-text.ts). */
  text: string;
  /** Ours, echoed in the delivery report. */
  requestId: string;
}

/** The gateway refused the message with `code`. */
export class SmsGatewayError extends DeliveryError {
  readonly code: string;

  constructor(code: string, message: string, retryable: boolean) {
    super(`The SMS gateway refused the message (${code}${message ? `: ${message}` : ''})`, { permanent: !retryable });
    this.name = 'SmsGatewayError';
    this.code = code;
  }
}

export interface SmsBrandNameClientOptions {
  url: URL;
  apiKey: string;
  brandName: string;
  retryableCodes?: readonly (string | number)[];
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface SmsBrandNameClient {
  send(sms: BrandNameSms): Promise<{ messageId?: string }>;
}

const ACCEPTED = new Set(['0', '00']);

export function createSmsBrandNameClient(options: SmsBrandNameClientOptions): SmsBrandNameClient {
  const retryable = new Set((options.retryableCodes ?? []).map(String));
  return {
    async send(sms) {
      const body = JSON.stringify({ brandName: options.brandName, phone: sms.phone, text: sms.text, requestId: sms.requestId });
      const response = await postJson(options.url, body, { headers: { authorization: `Bearer ${options.apiKey}` }, timeoutMs: options.timeoutMs, fetch: options.fetch });
      const reply = await readProviderReply(response, 'The SMS gateway');
      if (typeof reply.code !== 'number' && typeof reply.code !== 'string') throw new DeliveryError('The SMS gateway replied without a code');
      const code = String(reply.code).slice(0, 20);
      if (!ACCEPTED.has(code)) throw new SmsGatewayError(code, String(reply.message ?? '').slice(0, 200), retryable.has(code));
      return typeof reply.messageId === 'string' ? { messageId: reply.messageId.slice(0, 100) } : {};
    },
  };
}
