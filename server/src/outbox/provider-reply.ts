/**
 * @module readProviderReply — the JSON body of a messaging provider's 2xx reply, read with a bound: ZNS and the SMS
 * gateways answer HTTP 200 and say in the body whether they took the message, so the body decides the delivery.
 * A body that is too large or not a JSON object is a failed delivery (retried: a proxy's error page is passing).
 */
import { DeliveryError } from './delivery-error';

const MAX_REPLY_BYTES = 64 * 1024;

export async function readProviderReply(response: Response, provider: string): Promise<Record<string, unknown>> {
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_REPLY_BYTES) {
    await response.body?.cancel().catch(() => undefined);
    throw new DeliveryError(`${provider} replied with ${length} bytes; at most ${MAX_REPLY_BYTES} are read`);
  }
  const text = await response.text();
  let reply: unknown;
  try {
    reply = text.length <= MAX_REPLY_BYTES ? JSON.parse(text) : undefined;
  } catch {
    reply = undefined;
  }
  if (typeof reply !== 'object' || reply === null || Array.isArray(reply)) throw new DeliveryError(`${provider} replied without a JSON object`);
  return reply as Record<string, unknown>;
}
