/**
 * @module createZnsClient — sends one Zalo Notification Service message, as the ZNS API takes it: `POST
 * https://business.openapi.zalo.me/message/template` with the OA's token in the `access_token` header and the body
 * `{ phone: "84…", template_id, template_data, tracking_id }`. Zalo answers HTTP 200 with `{ error, message, data }`:
 * `error` 0 and `data.msg_id` when it took the message; any other `error` is a refusal (`ZnsError`), e.g. -108 phone
 * number invalid, -118 no Zalo account, -119 account cannot receive ZNS, -124 access token invalid.
 */
import { readFile } from 'node:fs/promises';
import { DeliveryError } from './delivery-error';
import { postJson } from './post-json';
import { readProviderReply } from './provider-reply';

export interface ZnsMessage {
  /** `84xxxxxxxxx` (vietnamese-mobile.ts). */
  phone: string;
  templateId: string;
  templateData: Record<string, string>;
  /** Ours, echoed in the delivery receipt (at most 48 characters). */
  trackingId: string;
}

/** Zalo refused the message: `code` is its (negative) error code. */
export class ZnsError extends DeliveryError {
  readonly code: number;

  constructor(code: number, message: string) {
    // Unknown errors and an expired token may pass (the token file is rewritten by the refresher); the rest concern
    // this message, its template or its recipient and will not change on a retry.
    super(`ZNS refused the message (${code}: ${message})`, { permanent: !RETRYABLE.has(code) });
    this.name = 'ZnsError';
    this.code = code;
  }
}

const RETRYABLE = new Set([-100, -124]);

export interface ZnsClientOptions {
  url: URL;
  /** The OA access token as configured, or read from its file on every send. */
  accessToken?: string;
  accessTokenFile?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface ZnsClient {
  /** Resolves with Zalo's message id; throws a ZnsError when Zalo refuses, a DeliveryError when it cannot be reached. */
  send(message: ZnsMessage): Promise<{ msgId: string }>;
}

export function createZnsClient(options: ZnsClientOptions): ZnsClient {
  const token = async () => options.accessToken ?? (await readFile(options.accessTokenFile!, 'utf8')).trim();
  return {
    async send(message) {
      const body = JSON.stringify({ phone: message.phone, template_id: message.templateId, template_data: message.templateData, tracking_id: message.trackingId });
      const response = await postJson(options.url, body, { headers: { access_token: await token() }, timeoutMs: options.timeoutMs, fetch: options.fetch });
      const reply = await readProviderReply(response, 'ZNS');
      const error = typeof reply.error === 'number' ? reply.error : Number(reply.error);
      if (!Number.isInteger(error)) throw new DeliveryError('ZNS replied without an error code');
      if (error !== 0) throw new ZnsError(error, String(reply.message ?? '').slice(0, 200));
      const msgId = (reply.data as { msg_id?: unknown } | undefined)?.msg_id;
      if (typeof msgId !== 'string' || msgId === '') throw new DeliveryError('ZNS replied success without a msg_id');
      return { msgId };
    },
  };
}
