/**
 * @module notification-choice-routes — the citizen's say over how messages about their dossier reach them (issue 20
 * item 6), from the tracking page, with the lookup's notifications token (citizen-tokens.ts, header `X-Citizen-Token`),
 * which names its dossier itself, so the lookup's answer never carries our dossier id:
 *
 * - `GET /api/citizen/notifications` — the channels the province sends through (Zalo ZNS, brand-name SMS), whether
 *   each is turned off, and whether the dossier has a mobile number at all (masked);
 * - `PUT /api/citizen/notifications` `{ channel, optedOut }` — turns a channel off (or on again): from
 *   then on nothing is sent to the citizen through it (citizen-message-consumer.ts). Each change is kept with the
 *   dossier's choices and in its audit (`citizen.channel_opted_out` / `citizen.channel_opted_in`).
 *
 * The token is checked before anything else (a token of another scope, expired, forged, or for a dossier whose
 * applicant changed: the same 401); the changes are limited per client address.
 */
import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import type { MiddlewareHandler } from 'hono';
import { createRoute, z } from '@hono/zod-openapi';
import type { Clock } from '../../../engine/src/index';
import type { DossierRecord, Stores } from '../stores';
import { createApiRouter } from '../http/api-router';
import { clientAddress, type TrustProxy } from '../http/client-address';
import { HttpProblem } from '../http/http-problem';
import { problemResponse } from '../http/problem-schema';
import { rateLimit } from '../http/rate-limit';
import { RateLimiter } from '../http/rate-limiter';
import { configuredChannels, MESSAGE_CHANNELS, type CitizenChannelsConfig } from '../outbox/citizen-channels-config';
import type { CitizenMessageStore } from '../outbox/citizen-message-store';
import { maskMobile, parseVietnameseMobile } from '../outbox/vietnamese-mobile';
import { CITIZEN_TOKEN_HEADER, type CitizenTokens } from './citizen-tokens';

export interface NotificationChoiceRouteDeps {
  stores: Pick<Stores, 'dossiers' | 'audit'>;
  messages: CitizenMessageStore;
  config?: CitizenChannelsConfig;
  citizenTokens: CitizenTokens;
  clock: Clock;
  trustProxy?: TrustProxy;
  /** Changes per client address per window; 30 per 10 minutes by default. */
  limit?: { limit: number; windowMs: number };
}

const Channel = z.enum(MESSAGE_CHANNELS);
const ChoicesSchema = z
  .object({
    channels: z.array(z.object({ channel: Channel, optedOut: z.boolean() })).describe('The channels the province sends through, in the order they are tried'),
    phone: z.string().optional().describe('The dossier\'s mobile number, masked; absent when it has none that can get messages'),
  })
  .openapi('NotificationChoices');
const ChoiceBody = z.object({ channel: Channel, optedOut: z.boolean() }).strict();

const headers = z.object({ [CITIZEN_TOKEN_HEADER]: z.string().describe('The notifications token of the lookup') });
const refusals = { 401: problemResponse('No valid notifications token for this dossier'), 429: problemResponse('Too many changes from this address') };

const getRoute = createRoute({
  method: 'get',
  path: '/citizen/notifications',
  request: { headers },
  responses: { 200: { description: 'The channels and the citizen\'s choice for each', content: { 'application/json': { schema: ChoicesSchema } } }, ...refusals },
});

const putRoute = createRoute({
  method: 'put',
  path: '/citizen/notifications',
  request: { headers, body: { required: true, content: { 'application/json': { schema: ChoiceBody } } } },
  responses: {
    200: { description: 'Recorded; the channels as they are now', content: { 'application/json': { schema: ChoicesSchema } } },
    400: problemResponse('A malformed body'),
    ...refusals,
    409: problemResponse('The province does not send through this channel (CHANNEL_NOT_CONFIGURED)'),
  },
});

/** The path the gate guards: the access layer runs the gate on it before any body check reads the request. */
export const NOTIFICATION_CHOICE_PATH = '/api/citizen/notifications';

/**
 * The token names its dossier (its subject); it must then verify against that dossier, in the notifications scope.
 * Run by the access layer (install-access.ts) before the body is parsed, so an anonymous caller with a malformed body
 * hears 401, as on every other protected operation, and learns nothing from the body's checks.
 */
export function notificationChoiceGate(deps: { dossiers: Pick<Stores['dossiers'], 'get'>; citizenTokens: CitizenTokens }): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'OPTIONS' || c.req.path !== NOTIFICATION_CHOICE_PATH) return next();
    const token = c.req.header(CITIZEN_TOKEN_HEADER);
    let subject: unknown;
    try {
      subject = token && token.length <= 2048 ? decodeJwt(token).sub : undefined;
    } catch {
      subject = undefined;
    }
    const dossier = typeof subject === 'string' && subject.length <= 200 ? await deps.dossiers.get(subject) : undefined;
    await deps.citizenTokens.verify(token, dossier, 'dossier.notifications');
    c.set('citizenDossier', dossier);
    return next();
  };
}

export function createNotificationChoiceRoutes(deps: NotificationChoiceRouteDeps) {
  const routes = createApiRouter();
  const limit = deps.limit ?? { limit: 30, windowMs: 10 * 60_000 };
  const limiter = new RateLimiter({ ...limit, clock: deps.clock });
  // Mounted without the access layer's gate (tests of this router alone), the route still checks the token itself.
  const gate = notificationChoiceGate({ dossiers: deps.stores.dossiers, citizenTokens: deps.citizenTokens });
  routes.use('/citizen/notifications', (c, next) => (c.get('citizenDossier') ? next() : gate(c, next)));
  routes.on('PUT', '/citizen/notifications', rateLimit({ limiter, keyOf: (c) => `notifications:${clientAddress(c, { trustProxy: deps.trustProxy })}` }));

  async function choicesOf(dossier: DossierRecord) {
    const optedOut = await deps.messages.optedOut(dossier.id);
    const mobile = parseVietnameseMobile(dossier.applicant.phone);
    return {
      channels: configuredChannels(deps.config).map((channel) => ({ channel, optedOut: optedOut.includes(channel) })),
      ...(mobile ? { phone: maskMobile(mobile) } : {}),
    };
  }

  routes.openapi(getRoute, async (c) => {
    c.header('cache-control', 'no-store');
    return c.json(await choicesOf(c.get('citizenDossier')!), 200);
  });

  routes.openapi(putRoute, async (c) => {
    const dossier = c.get('citizenDossier')!;
    const { channel, optedOut } = c.req.valid('json');
    if (!configuredChannels(deps.config).includes(channel)) {
      throw new HttpProblem({ status: 409, code: 'CHANNEL_NOT_CONFIGURED', title: 'Kênh này không được sử dụng', detail: `Messages are not sent through ${channel} here.` });
    }
    const at = deps.clock.now();
    await deps.messages.choose(dossier.id, { channel, optedOut, at });
    await deps.stores.audit.append({
      id: randomUUID(),
      dossierId: dossier.id,
      at,
      actorId: `citizen:${dossier.applicant.idNumber}`,
      action: optedOut ? 'citizen.channel_opted_out' : 'citizen.channel_opted_in',
      details: { channel },
    });
    c.header('cache-control', 'no-store');
    return c.json(await choicesOf(dossier), 200);
  });

  return routes;
}
