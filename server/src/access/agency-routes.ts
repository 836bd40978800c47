/**
 * @module agency-routes — the agency directory under `/api/agencies`: every signed-in user reads it (the modeler
 * picks step agencies from it; agency names are public), administrators (`agency.manage`) create and change agencies.
 * Both within the request's province (issue 18 item 2): the list is the province's, a new agency is the
 * administrator's province's, and an identifier another province's agency holds (agency identifiers are national)
 * is refused with 403, leaving that agency as it was.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createApiRouter } from '../http/api-router';
import { HttpProblem } from '../http/http-problem';
import { problemResponse } from '../http/problem-schema';
import { recordAdministration } from '../audit/admin-audit-trail';
import type { AgencyStore } from './agency-store';
import { assertAllowed, forbidden, principalOf } from './auth-middleware';
import { nationally } from '../tenancy/province-scope';

const AgencySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    provinceCode: z.string().describe('The province the agency belongs to (two digits)'),
    parentId: z.string().optional(),
    kind: z.string(),
    departments: z.array(z.object({ id: z.string(), name: z.string() })),
  })
  .openapi('Agency');

const AgencyBodySchema = z
  .object({
    name: z.string().trim().min(1).max(300),
    parentId: z.string().min(1).optional(),
    kind: z.string().min(1).max(50),
    departments: z.array(z.object({ id: z.string().regex(/^[\p{L}\p{N}._-]{1,100}$/u), name: z.string().trim().min(1).max(300) })).default([]),
  })
  .openapi('AgencyBody');

/** Agency ids prefix dossier codes (`<agency>-yyMMdd-nnnn`) and travel in URLs: URL-safe characters, no spaces. */
const AgencyId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9.-]{0,63}$/, 'letters, digits, dots and dashes')
  .openapi({ param: { name: 'id', in: 'path' } });

const security = [{ bearerAuth: [] }];

const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['agencies'],
  security,
  responses: {
    200: { description: 'Every agency, in id order', content: { 'application/json': { schema: z.array(AgencySchema) } } },
    401: problemResponse('Not signed in (UNAUTHENTICATED)'),
  },
});

const putRoute = createRoute({
  method: 'put',
  path: '/{id}',
  tags: ['agencies'],
  security,
  request: { params: z.object({ id: AgencyId }), body: { required: true, content: { 'application/json': { schema: AgencyBodySchema } } } },
  responses: {
    200: { description: 'Stored', content: { 'application/json': { schema: AgencySchema } } },
    400: problemResponse('Malformed request (VALIDATION_FAILED)'),
    401: problemResponse('Not signed in (UNAUTHENTICATED)'),
    403: problemResponse("Not an administrator, or the identifier is another province's agency (FORBIDDEN)"),
    422: problemResponse('The parent agency does not exist (AGENCY_INVALID)'),
  },
});

/** Mount under `/api/agencies`. */
export function createAgencyRoutes(deps: { agencies: AgencyStore }): OpenAPIHono {
  const routes = createApiRouter();

  routes.openapi(listRoute, async (c) => {
    principalOf(c);
    return c.json(await deps.agencies.list(), 200);
  });

  routes.openapi(putRoute, async (c) => {
    const principal = principalOf(c);
    assertAllowed(principal, 'agency.manage');
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const before = await deps.agencies.get(id);
    if (!before && (await nationally(async () => await deps.agencies.get(id)))) throw forbidden(`Mã cơ quan ${id} thuộc một tỉnh khác.`);
    if (body.parentId !== undefined && (body.parentId === id || !(await deps.agencies.get(body.parentId)))) {
      throw new HttpProblem({ status: 422, code: 'AGENCY_INVALID', title: 'The agency is not valid', detail: `There is no parent agency ${body.parentId}.` });
    }
    const stored = await deps.agencies.put({ id, ...body, provinceCode: principal.provinceCode });
    // Departments are part of the agency record: adding, renaming or removing one shows in before/after.
    await recordAdministration(c, { action: before ? 'agency.changed' : 'agency.created', target: { kind: 'agency', id }, before, after: stored });
    return c.json(stored, 200);
  });

  return routes;
}
