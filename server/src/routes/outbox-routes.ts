/**
 * @module outbox-routes — the outbox console (issue 20 item 5) under `/api/outbox`: per consumer how many deliveries
 * wait, retry or are dead, the last error and attempt, and an alert when one has been failing longer than the set
 * time (`outbox.read`: the dashboard's roles); the deliveries themselves, and replaying or skipping one
 * (`outbox.manage`: administrators). A replay or a skip leaves a record in the audit of administration.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Clock } from '../../../engine/src/index';
import { assertAllowed, principalOf } from '../access/auth-middleware';
import { recordAdministration } from '../audit/admin-audit-trail';
import { createApiRouter } from '../http/api-router';
import { HttpProblem } from '../http/http-problem';
import { outboxAlerts } from '../outbox/outbox-alarm';
import { DELIVERY_STATES, type OutboxDelivery, type OutboxStore } from '../outbox/outbox-store';
import { jsonBody, MAX_PAGE, problem } from './route-schemas';

export interface OutboxRouteDeps {
  outbox: OutboxStore;
  clock: Clock;
  alertAfterMs: number;
}

const iso = (at: number | undefined) => (at === undefined ? undefined : new Date(at).toISOString());
const StateSchema = z.enum(DELIVERY_STATES as [string, ...string[]]);

const TallySchema = z.object({
  consumer: z.string(),
  pending: z.number().int(),
  retrying: z.number().int(),
  dead: z.number().int(),
  failingSince: z.string().optional(),
  lastError: z.string().optional(),
  lastAttemptAt: z.string().optional(),
});
const AlertSchema = z.object({ consumer: z.string(), failingSince: z.string(), failingForMs: z.number(), lastError: z.string().optional() });
const DeliverySchema = z
  .object({
    entryId: z.string(),
    consumer: z.string(),
    state: StateSchema,
    dossierId: z.string(),
    seq: z.number().int(),
    kind: z.string(),
    createdAt: z.string(),
    attempts: z.number().int(),
    nextAttemptAt: z.string(),
    lastError: z.string().optional(),
    lastAttemptAt: z.string().optional(),
    failingSince: z.string().optional(),
    deliveredAt: z.string().optional(),
  })
  .openapi('OutboxDelivery');
const TargetSchema = z.object({ consumer: z.string().min(1).max(300), entryId: z.string().min(1).max(300) });

const refusals = { 400: problem('Malformed request'), 401: problem('Not signed in'), 403: problem('Not allowed for your role') };

const consumersRoute = createRoute({
  method: 'get',
  path: '/consumers',
  tags: ['outbox'],
  responses: {
    200: { description: 'Each consumer’s backlog and the alerts', content: { 'application/json': { schema: z.object({ consumers: z.array(TallySchema), alerts: z.array(AlertSchema), alertAfterMs: z.number() }) } } },
    ...refusals,
  },
});

const deliveriesRoute = createRoute({
  method: 'get',
  path: '/deliveries',
  tags: ['outbox'],
  request: {
    query: z.object({
      consumer: z.string().min(1).max(300).optional(),
      state: StateSchema.optional(),
      offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
      limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50),
    }),
  },
  responses: { 200: { description: 'Deliveries, latest next attempt first', content: { 'application/json': { schema: z.object({ items: z.array(DeliverySchema), total: z.number().int() }) } } }, ...refusals },
});

const actionRoute = (path: '/replay' | '/skip', description: string) =>
  createRoute({
    method: 'post',
    path,
    tags: ['outbox'],
    request: jsonBody(TargetSchema),
    responses: {
      200: { description, content: { 'application/json': { schema: DeliverySchema.omit({ state: true, dossierId: true, seq: true, kind: true, createdAt: true }) } } },
      ...refusals,
      404: problem('No dead or waiting delivery of that entry to that consumer (OUTBOX_DELIVERY_NOT_FOUND)'),
    },
  });

const replayRoute = actionRoute('/replay', 'Pending again, due now, its attempts from zero');
const skipRoute = actionRoute('/skip', 'Skipped: it will not be delivered');

function toView(delivery: OutboxDelivery) {
  return {
    entryId: delivery.entryId,
    consumer: delivery.consumer,
    attempts: delivery.attempts,
    nextAttemptAt: iso(delivery.nextAttemptAt)!,
    ...(delivery.lastError !== undefined ? { lastError: delivery.lastError } : {}),
    ...(delivery.lastAttemptAt !== undefined ? { lastAttemptAt: iso(delivery.lastAttemptAt) } : {}),
    ...(delivery.failingSince !== undefined ? { failingSince: iso(delivery.failingSince) } : {}),
    ...(delivery.deliveredAt !== undefined ? { deliveredAt: iso(delivery.deliveredAt) } : {}),
  };
}

const notFound = (target: { consumer: string; entryId: string }) =>
  new HttpProblem({ status: 404, code: 'OUTBOX_DELIVERY_NOT_FOUND', title: 'No such delivery to act on', detail: `No dead or waiting delivery of ${target.entryId} to ${target.consumer}.` });

/** Mount under `/api/outbox`. */
export function createOutboxRoutes(deps: OutboxRouteDeps): OpenAPIHono {
  const routes = createApiRouter();

  routes.openapi(consumersRoute, async (c) => {
    assertAllowed(principalOf(c), 'outbox.read');
    const tallies = await deps.outbox.tallyByConsumer();
    const alerts = outboxAlerts(tallies, deps.clock.now(), deps.alertAfterMs);
    return c.json(
      {
        consumers: tallies.map((tally) => ({ ...tally, failingSince: iso(tally.failingSince), lastAttemptAt: iso(tally.lastAttemptAt) })),
        alerts: alerts.map((alert) => ({ ...alert, failingSince: iso(alert.failingSince)! })),
        alertAfterMs: deps.alertAfterMs,
      },
      200,
    );
  });

  routes.openapi(deliveriesRoute, async (c) => {
    assertAllowed(principalOf(c), 'outbox.manage');
    const { offset, limit, consumer, state } = c.req.valid('query');
    const page = await deps.outbox.listDeliveries({ consumer, state: state as never }, { offset, limit });
    return c.json({ items: page.items.map((item) => ({ ...toView(item), state: item.state, dossierId: item.dossierId, seq: item.seq, kind: item.kind, createdAt: iso(item.createdAt)! })), total: page.total }, 200);
  });

  for (const [route, act, action] of [
    [replayRoute, 'replay', 'outbox.replayed'],
    [skipRoute, 'skip', 'outbox.skipped'],
  ] as const) {
    routes.openapi(route, async (c) => {
      assertAllowed(principalOf(c), 'outbox.manage');
      const target = c.req.valid('json');
      const before = (await deps.outbox.deliveries(target.entryId)).find((delivery) => delivery.consumer === target.consumer);
      const after = before && (await deps.outbox[act](target.entryId, target.consumer, deps.clock.now()));
      if (!before || !after) throw notFound(target);
      await recordAdministration(c, { action, target: { kind: 'outboxDelivery', id: `${target.consumer} ${target.entryId}` }, before, after });
      return c.json(toView(after), 200);
    });
  }

  return routes;
}
