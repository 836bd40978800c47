/**
 * @module dossier-action-routes — the status changes of a dossier (DOMAIN.md national statuses): accept (1 → 2 → 4),
 * refuse (3, form 03), withdraw (7), stop (8), finish (9), return the result (10), apology with a new appointment
 * (form 04), supplement requests (5, form 02) and supplements, fee requests (6) and payments. Intake and return
 * are the receiving agency's; the others belong to any official of a unit the dossier was routed to.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { DossierRecord } from '../stores';
import { assertAllowed, principalOf } from '../access/auth-middleware';
import type { Principal } from '../access/principal';
import { createApiRouter } from '../http/api-router';
import type { Actor, DossierDeps } from '../dossiers/dossier-deps';
import { finishDossier } from '../dossiers/dossier-commands';
import { acceptDossier } from '../dossiers/dossier-commands';
import { reappointDossier } from '../dossiers/dossier-commands';
import { recordPayment } from '../dossiers/dossier-commands';
import { recordSupplement } from '../dossiers/dossier-commands';
import { refuseDossier } from '../dossiers/dossier-commands';
import { requestFees } from '../dossiers/dossier-commands';
import { requestSupplement } from '../dossiers/dossier-commands';
import { returnResult } from '../dossiers/dossier-commands';
import { dossierNotFound } from '../dossiers/run-dossier-change';
import { stopProcessing } from '../dossiers/dossier-commands';
import { withdrawDossier } from '../dossiers/dossier-commands';
import { actorOf, assertMayActOnDossier, stepResource } from './dossier-access';
import { DossierSchema, toDossierView } from './dossier-view';
import { DocumentSchema, IdParam, jsonBody, MUTATION_PROBLEMS, NoteSchema, ReasonSchema } from './route-schemas';

type Who = 'intake' | 'routed';

const SupplementRequestSchema = z.object({
  stepId: z.string().min(1).max(200).optional(),
  missingComponents: z.array(z.object({ name: z.string().min(1).max(300), detail: z.string().max(1000).optional() })).min(1).max(100),
  reason: z.string().min(1).max(2000),
  contactOfficial: z.object({ name: z.string().min(1).max(200), unit: z.string().max(200).optional(), phone: z.string().max(30).optional(), email: z.string().email().optional() }).optional(),
});

export function createDossierActionRoutes(deps: DossierDeps): OpenAPIHono {
  const routes = createApiRouter();

  /** Registers `POST /{id}/<action>`: loads the dossier, checks who may act, runs the use case, answers the dossier. */
  function action<S extends z.ZodTypeAny>(
    path: string,
    description: string,
    body: S,
    who: Who,
    run: (id: string, input: z.infer<S>, actor: Actor, principal: Principal) => Promise<DossierRecord>,
  ): void {
    const route = createRoute({
      method: 'post',
      path: `/{id}/${path}`,
      description,
      request: { params: IdParam, ...jsonBody(body) },
      responses: { 200: { description: 'The changed dossier', content: { 'application/json': { schema: DossierSchema } } }, ...MUTATION_PROBLEMS, 422: MUTATION_PROBLEMS[409] },
    });
    routes.openapi(route, (async (c: Context) => {
      const principal = principalOf(c);
      const { id } = (c.req as unknown as { valid(t: 'param'): { id: string } }).valid('param');
      const input = (c.req as unknown as { valid(t: 'json'): z.infer<S> }).valid('json');
      const dossier = await deps.stores.dossiers.get(id);
      if (!dossier) throw dossierNotFound(id);
      if (who === 'intake') assertAllowed(principal, 'dossier.receive', { agencyId: dossier.agencyId });
      else assertMayActOnDossier(principal, dossier);
      return c.json(toDossierView(await run(id, input, actorOf(principal), principal)), 200);
    }) as never);
  }

  const empty = z.object({}).passthrough();
  action('accept', 'Accept an online submission (status 1 → 2 → 4)', empty, 'intake', (id, _i, actor) => acceptDossier(deps, id, actor));
  action('refuse', 'Refuse an online submission (status 3, form 03)', ReasonSchema, 'intake', (id, i, actor) => refuseDossier(deps, id, i.reason, actor));
  action('withdraw', 'The citizen withdraws the dossier (status 7)', ReasonSchema, 'routed', (id, i, actor) => withdrawDossier(deps, id, i.reason, actor));
  action('stop', 'Stop processing: not eligible (status 8)', ReasonSchema, 'routed', (id, i, actor) => stopProcessing(deps, id, i.reason, actor));
  action('finish', 'The result is ready at the one-stop section (status 9)', NoteSchema, 'routed', (id, i, actor) => finishDossier(deps, id, i.note, actor));
  action('return-result', 'The result is handed to the citizen (status 10)', NoteSchema, 'intake', (id, i, actor) => returnResult(deps, id, i.note, actor));
  action(
    'reappointments',
    'Apology with a new appointment (form 04)',
    z.object({ newAppointmentAt: z.string().datetime({ offset: true }), reason: z.string().min(1).max(2000) }),
    'routed',
    (id, i, actor) => reappointDossier(deps, id, { newAppointmentAt: Date.parse(i.newAppointmentAt), reason: i.reason }, actor),
  );
  action('supplement-requests', 'Request a supplement listing every missing component (status 5, form 02)', SupplementRequestSchema, 'routed', (id, i, actor, principal) =>
    requestSupplement(deps, id, i, actor, (step) => assertAllowed(principal, 'step.act', stepResource(step))),
  );
  action('supplements', 'Record the citizen\'s supplement (status 5 → 4)', z.object({ documents: z.array(DocumentSchema).max(100).optional(), note: z.string().max(2000).optional() }), 'routed', (id, i, actor) =>
    recordSupplement(deps, id, i, actor),
  );
  action('fee-requests', 'Request fees or taxes (status 6)', z.object({ amount: z.number().int().min(0), reason: z.string().min(1).max(2000) }), 'routed', (id, i, actor) => requestFees(deps, id, i, actor));
  action('fee-payments', 'Record the payment (status 6 → 4)', z.object({ amount: z.number().int().min(0), note: z.string().max(2000).optional() }), 'routed', (id, i, actor) => recordPayment(deps, id, i, actor));

  return routes;
}
