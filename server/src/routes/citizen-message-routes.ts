/**
 * @module citizen-message-routes — what became of the messages to a citizen (issue 20 item 6):
 *
 * - `POST /api/message-receipts/zns` — Zalo's webhook. Zalo signs it: `X-ZEvent-Signature: mac=<hex SHA-256 of
 *   app_id + body + timestamp + OA secret key>`; the app id must be ours. `user_received_message` marks the message
 *   named by its `tracking_id` (and `msg_id`) delivered; other events are acknowledged and ignored.
 * - `POST /api/message-receipts/sms` — the brand-name gateway's delivery report `{ requestId, messageId?, status:
 *   "delivered" | "failed", error? }`, signed `X-Signature: sha256=<hex HMAC-SHA256(receiptSecret, body)>`.
 * - `GET /api/dossiers/{id}/messages` — the dossier's messages with their channel and state, for those who read it.
 *
 * Receipts come from the providers' servers, not from a session: each is public to the access gate and proves itself
 * by its signature (compared in constant time over the exact bytes), is at most 16 KiB, and applies once — a replayed
 * or repeated receipt changes nothing (`repeated`), a forged one is a 401 and changes nothing.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Clock } from '../../../engine/src/index';
import { assertAllowed, principalOf } from '../access/auth-middleware';
import { dossierNotFound } from '../dossiers/run-dossier-change';
import { createApiRouter } from '../http/api-router';
import { HttpProblem } from '../http/http-problem';
import type { CitizenChannelsConfig } from '../outbox/citizen-channels-config';
import type { CitizenMessageRecord, CitizenMessageStore, MessageReceipt, ReceiptOutcome } from '../outbox/citizen-message-store';
import type { Stores } from '../stores';
import { dossierResource } from './dossier-access';
import { IdParam, problem } from './route-schemas';

export interface CitizenMessageRouteDeps {
  messages: CitizenMessageStore;
  config?: CitizenChannelsConfig;
  stores: Pick<Stores, 'dossiers'>;
  clock: Clock;
}

export const MAX_RECEIPT_BYTES = 16 * 1024;
/** Zalo's webhook timestamp may be this far ahead of our clock (clock skew); a receipt older than a week is refused. */
const FUTURE_SKEW_MS = 10 * 60_000;
const OLDEST_MS = 7 * 86_400_000;

const iso = (at: number | undefined) => (at === undefined ? undefined : new Date(at).toISOString());

const MessageSchema = z
  .object({
    id: z.string(),
    channel: z.enum(['zns', 'sms']),
    template: z.string(),
    phone: z.string().optional(),
    status: z.enum(['sent', 'failed', 'optedOut', 'delivered', 'undelivered']),
    error: z.string().optional(),
    fallbackFrom: z.enum(['zns', 'sms']).optional(),
    at: z.string(),
    deliveredAt: z.string().optional(),
    receiptAt: z.string().optional(),
  })
  .openapi('CitizenMessage');
const OutcomeSchema = z.object({ outcome: z.enum(['recorded', 'repeated', 'unknown', 'ignored']) });

const messagesRoute = createRoute({
  method: 'get',
  path: '/dossiers/{id}/messages',
  tags: ['dossiers'],
  request: { params: IdParam },
  responses: {
    200: { description: 'The messages to the citizen through Zalo and SMS, oldest first, with their delivery state', content: { 'application/json': { schema: z.object({ items: z.array(MessageSchema) }) } } },
    401: problem('Not signed in'),
    403: problem('Not allowed to read this dossier'),
    404: problem('No such dossier'),
  },
});

function toView(record: CitizenMessageRecord) {
  return {
    id: record.id,
    channel: record.channel,
    template: record.template,
    ...(record.phone ? { phone: record.phone } : {}),
    status: record.status,
    ...(record.error ? { error: record.error } : {}),
    ...(record.fallbackFrom ? { fallbackFrom: record.fallbackFrom } : {}),
    at: iso(record.at)!,
    ...(record.deliveredAt !== undefined ? { deliveredAt: iso(record.deliveredAt) } : {}),
    ...(record.receiptAt !== undefined ? { receiptAt: iso(record.receiptAt) } : {}),
  };
}

const forged = () => new HttpProblem({ status: 401, code: 'RECEIPT_SIGNATURE_INVALID', title: 'Chữ ký của báo cáo gửi tin không hợp lệ', detail: 'The delivery receipt is not signed by the configured provider.' });
const malformed = (detail: string) => new HttpProblem({ status: 400, code: 'RECEIPT_MALFORMED', title: 'Báo cáo gửi tin không đúng định dạng', detail });
const notConfigured = (channel: string) => new HttpProblem({ status: 404, code: 'CHANNEL_NOT_CONFIGURED', title: 'Kênh nhắn tin chưa được cấu hình', detail: `No ${channel} channel is configured.` });

/** Constant-time comparison of two hex digests, whatever their lengths. */
function sameDigest(given: string, expected: string): boolean {
  const a = Buffer.from(given.toLowerCase().padEnd(expected.length, '\0').slice(0, 256));
  const b = Buffer.from(expected.padEnd(a.length, '\0'));
  return a.length === b.length && timingSafeEqual(a, b) && given.length === expected.length;
}

function parseJson(body: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(body);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw malformed('The body is not a JSON object.');
}

const text = (value: unknown, max: number) => (typeof value === 'string' && value.length > 0 && value.length <= max ? value : undefined);

/** Mount under `/api`. */
export function createCitizenMessageRoutes(deps: CitizenMessageRouteDeps) {
  const routes = createApiRouter();
  const describe = (path: string, description: string, header: string) =>
    routes.openAPIRegistry.registerPath({
      method: 'post',
      path,
      tags: ['messages'],
      request: { headers: z.object({ [header]: z.string() }), body: { content: { 'application/json': { schema: z.object({}).passthrough() } } } },
      responses: {
        200: { description, content: { 'application/json': { schema: OutcomeSchema } } },
        400: problem('Not a JSON object, or a field missing'),
        401: problem('Not signed by the provider (RECEIPT_SIGNATURE_INVALID)'),
        404: problem('The channel is not configured'),
        413: problem('Larger than 16 KiB'),
      },
    });
  describe('/message-receipts/zns', 'Applied once (recorded), already applied (repeated), for no message of ours (unknown), or another event (ignored)', 'x-zevent-signature');
  describe('/message-receipts/sms', 'Applied once (recorded), already applied (repeated) or for no message of ours (unknown)', 'x-signature');

  /** The body as sent, refused unread past 16 KiB (the app's own limit is far larger: BPMN models). */
  async function boundedBody(c: Context): Promise<string> {
    const tooLarge = () => new HttpProblem({ status: 413, code: 'PAYLOAD_TOO_LARGE', title: 'Báo cáo gửi tin quá lớn', detail: `Receipts are limited to ${MAX_RECEIPT_BYTES} bytes.`, extensions: { maxBytes: MAX_RECEIPT_BYTES } });
    if (Number(c.req.header('content-length') ?? 0) > MAX_RECEIPT_BYTES) throw tooLarge();
    const body = await c.req.text();
    if (Buffer.byteLength(body, 'utf8') > MAX_RECEIPT_BYTES) throw tooLarge();
    return body;
  }

  async function apply(id: string | undefined, channel: 'zns' | 'sms', providerMessageId: string | undefined, receipt: MessageReceipt): Promise<ReceiptOutcome> {
    const found = id ? await deps.messages.get(id) : undefined;
    // A receipt names our message and, when the provider gave one, its id: both must agree.
    if (!found || found.channel !== channel || (providerMessageId && found.providerMessageId && found.providerMessageId !== providerMessageId)) return 'unknown';
    return deps.messages.recordReceipt(found.id, receipt);
  }

  routes.post('/message-receipts/zns', async (c) => {
    const zns = deps.config?.zns;
    if (!zns) throw notConfigured('Zalo ZNS');
    const body = await boundedBody(c);
    const receipt = parseJson(body);
    const timestamp = text(receipt.timestamp, 20);
    const signature = (c.req.header('x-zevent-signature') ?? '').replace(/^mac=/i, '');
    if (receipt.app_id !== zns.appId || !timestamp) throw forged();
    const expected = createHash('sha256').update(`${zns.appId}${body}${timestamp}${zns.oaSecretKey}`, 'utf8').digest('hex');
    if (!sameDigest(signature, expected)) throw forged();
    const at = Number(timestamp);
    const now = deps.clock.now();
    if (!Number.isSafeInteger(at) || at > now + FUTURE_SKEW_MS || at < now - OLDEST_MS) throw malformed('The timestamp is not within the last week.');
    if (receipt.event_name !== 'user_received_message') return c.json({ outcome: 'ignored' as const }, 200);
    const message = (receipt.message ?? {}) as Record<string, unknown>;
    const deliveredAt = Number(message.delivery_time);
    const outcome = await apply(text(message.tracking_id, 200), 'zns', text(message.msg_id, 200), { status: 'delivered', at: Number.isSafeInteger(deliveredAt) && deliveredAt <= now + FUTURE_SKEW_MS ? deliveredAt : at });
    return c.json({ outcome }, 200);
  });

  routes.post('/message-receipts/sms', async (c) => {
    const sms = deps.config?.sms;
    if (!sms) throw notConfigured('SMS');
    const body = await boundedBody(c);
    const signature = (c.req.header('x-signature') ?? '').replace(/^sha256=/i, '');
    if (!sameDigest(signature, createHmac('sha256', sms.receiptSecret).update(body, 'utf8').digest('hex'))) throw forged();
    const receipt = parseJson(body);
    if (receipt.status !== 'delivered' && receipt.status !== 'failed') throw malformed('status is "delivered" or "failed".');
    const error = text(receipt.error, 500);
    const outcome = await apply(text(receipt.requestId, 200), 'sms', text(receipt.messageId, 200), {
      status: receipt.status === 'delivered' ? 'delivered' : 'undelivered',
      at: deps.clock.now(),
      ...(error ? { error } : {}),
    });
    return c.json({ outcome }, 200);
  });

  routes.openapi(messagesRoute, async (c) => {
    const { id } = c.req.valid('param');
    const dossier = await deps.stores.dossiers.get(id);
    if (!dossier) throw dossierNotFound(id);
    assertAllowed(principalOf(c), 'dossier.read', dossierResource(dossier));
    return c.json({ items: (await deps.messages.listByDossier(dossier.id)).map(toView) }, 200);
  });

  return routes;
}
