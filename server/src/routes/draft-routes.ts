/**
 * @module draft-routes — each analyst's drafts of procedures, kept on the server so that signing in on another browser
 * lists the same drafts (issue 16). Only roles that design reach these routes (the access gate's `procedure.deploy`),
 * and a draft is read, replaced or deleted only by the analyst who saved it first.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Clock } from '../../../engine/src/index';
import { createApiRouter } from '../http/api-router';
import { HttpProblem } from '../http/http-problem';
import { forbidden } from '../access/auth-middleware';
import type { DraftRecord, DraftStore } from '../stores';
import { MAX_PROCEDURE_XML_BYTES } from './procedure-routes';

export interface DraftRouteDeps {
  drafts: DraftStore;
  clock: Clock;
  /** The signed-in analyst's user id. */
  actorOf(c: { get(key: never): unknown }): string;
}

const IdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/, 'letters, digits, dashes and underscores, at most 80 characters');
const DraftSummarySchema = z
  .object({ id: z.string(), key: z.string(), name: z.string(), savedAt: z.string().describe('ISO 8601 instant') })
  .openapi('DraftSummary');
const DraftSchema = DraftSummarySchema.extend({ xml: z.string() }).openapi('Draft');
const DraftBodySchema = z.object({ key: z.string().max(64), name: z.string().max(500), xml: z.string().min(1).max(MAX_PROCEDURE_XML_BYTES) });
const ProblemSchema = z.object({ type: z.string(), title: z.string(), status: z.number(), code: z.string(), detail: z.string().optional() }).passthrough();
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ProblemSchema } } });
const params = z.object({ id: IdSchema });

const listRoute = createRoute({
  method: 'get',
  path: '/',
  responses: { 200: { description: 'The signed-in analyst’s drafts, the last saved first', content: { 'application/json': { schema: z.array(DraftSummarySchema) } } } },
});

const getRoute = createRoute({
  method: 'get',
  path: '/{id}',
  request: { params },
  responses: {
    200: { description: 'One draft with its XML', content: { 'application/json': { schema: DraftSchema } } },
    403: problem('The draft is another analyst’s'),
    404: problem('No such draft'),
  },
});

const saveRoute = createRoute({
  method: 'put',
  path: '/{id}',
  request: { params, body: { required: true, content: { 'application/json': { schema: DraftBodySchema } } } },
  responses: {
    200: { description: 'Saved', content: { 'application/json': { schema: DraftSummarySchema } } },
    400: problem('Malformed request'),
    403: problem('The draft is another analyst’s'),
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/{id}',
  request: { params },
  responses: { 204: { description: 'Deleted (or there was none)' }, 403: problem('The draft is another analyst’s') },
});

const summary = (draft: Omit<DraftRecord, 'xml' | 'ownerId'>) => ({ id: draft.id, key: draft.key, name: draft.name, savedAt: new Date(draft.savedAt).toISOString() });

export function createDraftRoutes(deps: DraftRouteDeps): OpenAPIHono {
  const routes = createApiRouter();
  // Another analyst's draft is refused before the body is read (authorization before validation), as FORBIDDEN.
  routes.use('/:id', async (c, next) => {
    const found = await deps.drafts.get(c.req.param('id'));
    if (found && found.ownerId !== deps.actorOf(c as never)) throw forbidden(`Draft ${found.id} was saved by another analyst`);
    await next();
  });

  routes.openapi(listRoute, async (c) => c.json((await deps.drafts.listByOwner(deps.actorOf(c as never))).map(summary), 200));

  routes.openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    const found = await deps.drafts.get(id);
    if (!found) throw new HttpProblem({ status: 404, code: 'DRAFT_NOT_FOUND', title: 'No such draft', detail: `No draft ${id}` });
    return c.json({ ...summary(found), xml: found.xml }, 200);
  });

  routes.openapi(saveRoute, async (c) => {
    const { id } = c.req.valid('param');
    const ownerId = deps.actorOf(c as never);
    const draft: DraftRecord = { id, ownerId, ...c.req.valid('json'), savedAt: deps.clock.now() };
    await deps.drafts.save(draft);
    return c.json(summary(draft), 200);
  });

  routes.openapi(deleteRoute, async (c) => {
    const { id } = c.req.valid('param');
    await deps.drafts.remove(id);
    return c.body(null, 204);
  });

  return routes;
}
