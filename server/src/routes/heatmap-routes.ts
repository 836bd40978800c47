/**
 * @module heatmap-routes — the live heatmap's data under `/api/heatmap`: per element of a procedure version, its
 * open steps waiting, nearly due and overdue (the overlay on the bpmn-js viewer), and the steps behind one element.
 * Counts are limited to what the asker may see: an official or head of unit their own unit, a supervisor their scope.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { forbidden, principalOf } from '../access/auth-middleware';
import { heatmapCounts, heatmapElementSteps } from '../heatmap/heatmap-counts';
import { createApiRouter } from '../http/api-router';
import type { StatsDeps } from '../statistics/stats-deps';
import { heatmapScope } from '../statistics/stats-scope';
import { problem } from './route-schemas';
import { StepItemSchema, toStepItemView } from './stats-routes';

const VersionParams = z.object({ key: z.string().min(1).max(200), version: z.coerce.number().int().min(1) });
const Counts = z.object({ waiting: z.number(), nearlyDue: z.number(), overdue: z.number(), paused: z.number() });

const heatmapRoute = createRoute({
  method: 'get',
  path: '/{key}/versions/{version}',
  request: { params: VersionParams },
  responses: {
    200: {
      description: 'Open steps per element of the version, as the asker may see them',
      content: { 'application/json': { schema: z.object({ procedureKey: z.string(), version: z.number(), elements: z.record(z.string(), Counts), updatedAt: z.string() }).openapi('Heatmap') } },
    },
    401: problem('Not signed in'),
  },
});

const elementRoute = createRoute({
  method: 'get',
  path: '/{key}/versions/{version}/elements/{elementId}/dossiers',
  request: { params: VersionParams.extend({ elementId: z.string().min(1).max(200) }) },
  responses: {
    200: { description: 'The open steps waiting at the element, most urgent first', content: { 'application/json': { schema: z.object({ items: z.array(StepItemSchema) }) } } },
    401: problem('Not signed in'),
  },
});

type Params = { key: string; version: number; elementId: string };
const paramsOf = (c: Context): Params => (c.req as unknown as { valid(target: 'param'): Params }).valid('param');

export function createHeatmapRoutes(deps: Pick<StatsDeps, 'facts' | 'clock'>): OpenAPIHono {
  const routes = createApiRouter();

  routes.openapi(heatmapRoute, (async (c: Context) => {
    const scope = heatmapScope(principalOf(c));
    const { key, version } = paramsOf(c);
    const heatmap = await heatmapCounts(deps, key, version, scope);
    return c.json({ ...heatmap, updatedAt: new Date(heatmap.updatedAt).toISOString() }, 200);
  }) as never);

  routes.openapi(elementRoute, (async (c: Context) => {
    const principal = principalOf(c);
    // Counts are for everyone signed in; the list names dossiers, which an analyst (who models procedures) may not read.
    if (principal.role === 'analyst') throw forbidden('Analysts see the counts on the diagram, not the dossiers waiting there.');
    const scope = heatmapScope(principal);
    const { key, version, elementId } = paramsOf(c);
    const items = await heatmapElementSteps(deps, key, version, elementId, scope);
    return c.json({ items: items.map(toStepItemView) }, 200);
  }) as never);

  return routes;
}
