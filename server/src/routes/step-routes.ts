/**
 * @module step-routes — officials act on their steps: claim, complete with a decision and data, return to an
 * earlier step with a reason, and (heads of unit only) reassign. A step that is no longer open answers 409
 * `STEP_NOT_OPEN`, never a double completion.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { assertAllowed, forbidden, principalOf } from '../access/auth-middleware';
import { authorize } from '../access/authorize';
import { toPrincipal } from '../access/principal';
import type { UserStore } from '../access/user-store';
import { createApiRouter } from '../http/api-router';
import { claimStep } from '../dossiers/dossier-commands';
import { completeStep } from '../dossiers/dossier-commands';
import type { DossierDeps } from '../dossiers/dossier-deps';
import { reassignStep } from '../dossiers/dossier-commands';
import { returnStep } from '../dossiers/dossier-commands';
import { actorOf, stepResource } from './dossier-access';
import { StepSchema, toStepView } from './dossier-view';
import { IdParam, jsonBody, MUTATION_PROBLEMS } from './route-schemas';

const stepResponse = { 200: { description: 'The step after the change', content: { 'application/json': { schema: StepSchema } } }, ...MUTATION_PROBLEMS };

const claimRoute = createRoute({ method: 'post', path: '/{id}/claim', request: { params: IdParam }, responses: stepResponse });
const completeRoute = createRoute({
  method: 'post',
  path: '/{id}/complete',
  request: {
    params: IdParam,
    ...jsonBody(
      z.object({
        decision: z.enum(['approve', 'reject', 'supplement', 'return']).default('approve'),
        data: z.record(z.string(), z.unknown()).optional(),
        note: z.string().max(2000).optional(),
      }),
    ),
  },
  responses: stepResponse,
});
const returnRoute = createRoute({
  method: 'post',
  path: '/{id}/return',
  request: { params: IdParam, ...jsonBody(z.object({ toElementId: z.string().min(1).max(200), reason: z.string().min(1).max(2000) })) },
  responses: stepResponse,
});
const reassignRoute = createRoute({
  method: 'post',
  path: '/{id}/reassign',
  request: { params: IdParam, ...jsonBody(z.object({ assigneeId: z.string().min(1).max(200), reason: z.string().max(2000).optional() })) },
  responses: stepResponse,
});

export function createStepRoutes(deps: DossierDeps, options: { users: UserStore }): OpenAPIHono {
  const routes = createApiRouter();

  routes.openapi(claimRoute, async (c) => {
    const principal = principalOf(c);
    const step = await claimStep(deps, c.req.valid('param').id, actorOf(principal), (s) => assertAllowed(principal, 'step.act', stepResource(s)));
    return c.json(toStepView(step), 200);
  });

  routes.openapi(completeRoute, async (c) => {
    const principal = principalOf(c);
    const step = await completeStep(deps, c.req.valid('param').id, c.req.valid('json'), actorOf(principal), (s) => assertAllowed(principal, 'step.act', stepResource(s)));
    return c.json(toStepView(step), 200);
  });

  routes.openapi(returnRoute, async (c) => {
    const principal = principalOf(c);
    const { toElementId, reason } = c.req.valid('json');
    const step = await returnStep(deps, c.req.valid('param').id, { toElementId, reason }, actorOf(principal), (s) => assertAllowed(principal, 'step.act', stepResource(s)));
    return c.json(toStepView(step), 200);
  });

  routes.openapi(reassignRoute, async (c) => {
    const principal = principalOf(c);
    const { assigneeId, reason } = c.req.valid('json');
    // The new assignee must be an enabled official who may act on this very step (same agency, and department when the
    // step names one): a head of unit hands work within the unit, never to another agency or to an unknown id.
    const assignee = await options.users.get(assigneeId);
    const step = await reassignStep(deps, c.req.valid('param').id, assigneeId, reason, actorOf(principal), (s) => {
      assertAllowed(principal, 'step.reassign', stepResource(s));
      // Judged on the step as it will be once handed over: today's claim (often the head's own) does not count.
      const handedOver = { ...stepResource(s), assigneeId: undefined };
      if (!assignee || assignee.disabled || !authorize(toPrincipal(assignee), 'step.act', handedOver).allowed) {
        throw forbidden(`User ${assigneeId} cannot work on this step: a step is reassigned only within the unit it is routed to.`);
      }
    });
    return c.json(toStepView(step), 200);
  });

  return routes;
}
