/**
 * @module inbox-routes — `GET /api/inbox?scope=mine|department`: the open steps of the signed-in official (claimed by
 * them) or of their unit, most urgent first (overdue, nearly due, then by due instant), each with its mark and the
 * working time left. A head of unit without a department sees the whole agency. Pages of at most 100 steps; each
 * page reads the dossier codes of its steps in one projected query (never a whole dossier, whatever its e-form holds).
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

/** Open steps ranked for one page: urgency is computed, not stored, so the ranking reads this many at most. */
const INBOX_SCAN = 500;

const inboxRoute = createRoute({
  method: 'get',
  path: '/',
  request: {
    query: z.object({
      scope: z.enum(['mine', 'department']).default('department'),
      offset: z.coerce.number().int().min(0).max(INBOX_SCAN).default(0),
      limit: z.coerce.number().int().min(1).max(100).default(100),
    }),
  },
  responses: {
    200: {
      description: 'Open steps, most urgent first',
      content: {
        'application/json': {
          schema: z.object({
            items: z.array(StepSchema.extend({ dossierCode: z.string(), mark: z.enum(['overdue', 'nearlyDue', 'due', 'paused', 'none']), remainingMs: z.number().optional(), remainingText: z.string().optional() })),
            total: z.number().int().describe('Open steps of the scope (at most 500 are ranked)'),
            marks: z.object({ overdue: z.number().int(), nearlyDue: z.number().int() }).describe('Overdue and nearly-due steps among them, on every page'),
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
    const { scope, offset, limit } = c.req.valid('query');
    const query: StepQuery = { status: ['open'], ...unit, ...(scope === 'mine' ? { assigneeId: principal.userId } : {}) };
    const { items } = await deps.stores.steps.list(query, { offset: 0, limit: INBOX_SCAN });
    const now = deps.clock.now();
    const { time } = await deps.calendars.current();
    // The store query names the agency; an official without a department still acts only on steps naming none.
    const ownUnit = items.filter((step) => authorize(principal, 'step.act', { ...stepResource(step), assigneeId: undefined }).allowed);
    const ranked = ownUnit.map((step) => ({ step, urgency: urgencyOf(step, now, time) })).sort(compareUrgency);
    const page = ranked.slice(offset, offset + limit);
    const ids = [...new Set(page.map(({ step }) => step.dossierId))];
    const dossiers = ids.length === 0 ? [] : (await deps.stores.dossiers.listSummaries({ ids }, { offset: 0, limit: ids.length })).items;
    const codes = new Map(dossiers.map((dossier) => [dossier.id, dossier.dossierCode]));
    const marked = (mark: string) => ranked.filter(({ urgency }) => urgency.mark === mark).length;
    const marks = { overdue: marked('overdue'), nearlyDue: marked('nearlyDue') };
    return c.json({ items: page.map(({ step, urgency }) => ({ ...toStepView(step), dossierCode: codes.get(step.dossierId) ?? '', ...urgency })), total: ranked.length, marks }, 200);
  });
  return routes;
}
