/**
 * @module inbox-routes — `GET /api/inbox?scope=mine|department`: the open steps of the signed-in official (claimed by
 * them) or of their unit, most urgent first (overdue, nearly due, then by due instant), each with its mark and the
 * working time left. A head of unit without a department sees the whole agency.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { StepQuery } from '../../../engine/src/index';
import { assertAllowed, principalOf } from '../access/auth-middleware';
import { stepResource } from './dossier-access';
import { authorize } from '../access/authorize';
import { createApiRouter } from '../http/api-router';
import type { DossierDeps } from '../dossiers/dossier-deps';
import { compareUrgency, urgencyOf } from '../dossiers/inbox-mark';
import { StepSchema, toStepView } from './dossier-view';
import { problem } from './route-schemas';

const INBOX_LIMIT = 500;

const inboxRoute = createRoute({
  method: 'get',
  path: '/',
  request: { query: z.object({ scope: z.enum(['mine', 'department']).default('department') }) },
  responses: {
    200: {
      description: 'Open steps, most urgent first',
      content: {
        'application/json': {
          schema: z.object({
            items: z.array(StepSchema.extend({ dossierCode: z.string(), mark: z.enum(['overdue', 'nearlyDue', 'due', 'paused', 'none']), remainingMs: z.number().optional(), remainingText: z.string().optional() })),
          }),
        },
      },
    },
    400: problem('Unknown scope'),
    401: problem('Not signed in'),
    403: problem('Only officials and heads of unit have an inbox'),
  },
});

export function createInboxRoutes(deps: DossierDeps): OpenAPIHono {
  const routes = createApiRouter();
  routes.openapi(inboxRoute, async (c) => {
    const principal = principalOf(c);
    const unit = { agencyId: principal.agencyId, ...(principal.departmentId ? { departmentId: principal.departmentId } : {}) };
    assertAllowed(principal, 'step.act', unit);
    const { scope } = c.req.valid('query');
    const query: StepQuery = { status: ['open'], ...unit, ...(scope === 'mine' ? { assigneeId: principal.userId } : {}) };
    const { items } = await deps.stores.steps.list(query, { offset: 0, limit: INBOX_LIMIT });
    const now = deps.clock.now();
    const { time } = await deps.calendars.current();
    // The store query names the agency; an official without a department still acts only on steps naming none.
    const ownUnit = items.filter((step) => authorize(principal, 'step.act', { ...stepResource(step), assigneeId: undefined }).allowed);
    const ranked = ownUnit.map((step) => ({ step, urgency: urgencyOf(step, now, time) })).sort(compareUrgency);
    const codes = new Map<string, string>();
    for (const { step } of ranked) {
      if (!codes.has(step.dossierId)) codes.set(step.dossierId, (await deps.stores.dossiers.get(step.dossierId))?.dossierCode ?? '');
    }
    return c.json({ items: ranked.map(({ step, urgency }) => ({ ...toStepView(step), dossierCode: codes.get(step.dossierId) ?? '', ...urgency })) }, 200);
  });
  return routes;
}
