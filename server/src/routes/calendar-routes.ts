/**
 * @module calendar-routes — administrators read and change the calendar layers (`PUT /api/calendars/{scope}`):
 * a province's or an agency's holidays, compensatory days, swapped working Saturdays and local closures, and the
 * national years they confirm (scope `VN`). A change re-projects the open deadlines that layer governs (an agency's
 * only that agency's steps and the dossiers it received) and records it on each affected dossier (DOMAIN.md "When the
 * calendar changes", issue 18).
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { validateCalendarLayers, type CalendarLayer } from '../../../engine/src/index';
import { assertAllowed, principalOf } from '../access/auth-middleware';
import type { CalendarStore } from '../calendars/calendar-store';
import { reprojectOpenDeadlines } from '../calendars/reproject-open-deadlines';
import { calendarSourceOf } from '../calendars/stored-calendar-source';
import { createApiRouter } from '../http/api-router';
import { recordAdministration } from '../audit/admin-audit-trail';
import { HttpProblem } from '../http/http-problem';
import type { DossierDeps } from '../dossiers/dossier-deps';
import { actorOf } from './dossier-access';
import { problem } from './route-schemas';

const NATIONAL_SCOPE = 'VN';
const ScopeParam = z.object({ scope: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/) });
const LayerSchema = z.object({ id: z.string(), level: z.enum(['national', 'province', 'agency']), name: z.object({ vi: z.string(), en: z.string() }) }).passthrough().openapi('CalendarLayer');

const listRoute = createRoute({
  method: 'get',
  path: '/',
  responses: { 200: { description: 'Stored local layers', content: { 'application/json': { schema: z.array(z.object({ scope: z.string(), layer: LayerSchema })) } } }, 401: problem('Not signed in'), 403: problem('Administrators only') },
});

const putRoute = createRoute({
  method: 'put',
  path: '/{scope}',
  request: { params: ScopeParam, body: { required: true, content: { 'application/json': { schema: z.object({ layer: LayerSchema, reason: z.string().min(1).max(500) }) } } } },
  responses: {
    200: { description: 'Stored; open deadlines re-projected', content: { 'application/json': { schema: z.object({ scope: z.string(), dossiers: z.number(), moved: z.array(z.object({}).passthrough()) }) } } },
    400: problem('Malformed or inconsistent layer'),
    401: problem('Not signed in'),
    403: problem('Administrators only'),
  },
});

export function createCalendarRoutes(deps: DossierDeps & { calendarStore: CalendarStore }): OpenAPIHono {
  const routes = createApiRouter();

  routes.openapi(listRoute, async (c) => {
    assertAllowed(principalOf(c), 'calendar.manage');
    return c.json((await deps.calendarStore.list()).map((r) => ({ scope: r.scope, layer: r.layer as z.infer<typeof LayerSchema> })), 200);
  });

  routes.openapi(putRoute, async (c) => {
    const principal = principalOf(c);
    assertAllowed(principal, 'calendar.manage');
    const { scope } = c.req.valid('param');
    const { layer: body, reason } = c.req.valid('json');
    const layer = { ...body, id: scope } as unknown as CalendarLayer;
    // The national layer has one scope, `VN` (the id of the built-in national layer), and only it is national.
    const issues = (layer.level === 'national') === (scope === NATIONAL_SCOPE)
      ? validateCalendarLayers([layer])
      : [`layer ${scope}: the national layer is stored under ${NATIONAL_SCOPE} only, and ${NATIONAL_SCOPE} holds only the national layer`];
    if (issues.length > 0) throw new HttpProblem({ status: 400, code: 'CALENDAR_INVALID', title: 'The calendar layer is not valid', detail: issues.join('; '), extensions: { issues } });
    const previous = calendarSourceOf(await deps.calendarStore.list());
    const before = (await deps.calendarStore.get(scope))?.layer;
    await deps.calendarStore.put({ scope, layer, updatedAt: deps.clock.now(), updatedBy: principal.userId });
    await recordAdministration(c, { action: 'calendar.changed', target: { kind: 'calendar', id: scope }, before, after: { layer, reason } });
    const result = await reprojectOpenDeadlines(deps, previous, { scope, level: layer.level }, actorOf(principal), reason);
    return c.json({ scope, dossiers: result.dossiers, moved: result.moved }, 200);
  });

  return routes;
}
