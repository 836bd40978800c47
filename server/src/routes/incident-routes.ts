/**
 * @module incident-routes — `GET /api/procedures/{key}/incidents`: the incidents a procedure's dossiers raised, per
 * element and code, for the analyst who models it (who may not read dossiers), the supervisor (within their scope)
 * and the administrator. Issue 14: an expression over its FEEL budget is an incident visible to both.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { principalOf } from '../access/auth-middleware';
import { watchesEveryAgency } from '../access/user-record';
import { createApiRouter } from '../http/api-router';
import { listProcedureIncidents } from '../incidents/procedure-incidents';
import type { DossierFactsStore } from '../statistics/dossier-facts-store';
import { problem } from './route-schemas';

export interface IncidentRouteDeps {
  facts: DossierFactsStore;
}

const ProcedureIncidentSchema = z
  .object({
    elementId: z.string(),
    code: z.string(),
    message: z.string(),
    dossiers: z.number().int(),
    openDossiers: z.number().int(),
    lastSeenAt: z.string().describe('ISO 8601 instant'),
    versions: z.array(z.number().int()),
  })
  .openapi('ProcedureIncident');

const incidentsRoute = createRoute({
  method: 'get',
  path: '/{key}/incidents',
  request: { params: z.object({ key: z.string().min(1).max(200) }) },
  responses: {
    200: {
      description: 'Incidents per element and code, most recently seen first; counts only, no dossier data',
      content: { 'application/json': { schema: z.object({ procedureKey: z.string(), items: z.array(ProcedureIncidentSchema) }) } },
    },
    401: problem('Not signed in'),
    403: problem('Not an analyst, supervisor or administrator'),
  },
});

export function createIncidentRoutes(deps: IncidentRouteDeps): OpenAPIHono {
  const routes = createApiRouter();
  routes.openapi(incidentsRoute, (async (c: Context) => {
    const principal = principalOf(c);
    const { key } = (c.req as unknown as { valid(target: 'param'): { key: string } }).valid('param');
    // A supervisor counts the dossiers of their scope; analysts and administrators the whole province's.
    const supervised = principal.supervisorScope;
    const scope = principal.role === 'supervisor' && !watchesEveryAgency(supervised) ? { agencyIds: supervised?.agencyIds ?? [] } : {};
    const items = await listProcedureIncidents(deps.facts, key, scope);
    return c.json({ procedureKey: key, items: items.map((item) => ({ ...item, lastSeenAt: new Date(item.lastSeenAt).toISOString() })) }, 200);
  }) as never);
  return routes;
}
