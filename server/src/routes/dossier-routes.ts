/**
 * @module dossier-routes — counter receipt (`POST /api/dossiers`, status 2 then 4), and reading dossiers with their
 * progress records and audit trail, scoped to what the principal may read (server issue §3).
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { computeDueDate, type DossierStatus, type LocalizedText } from '../../../engine/src/index';
import type { DossierRecord } from '../stores';
import { assertAllowed, principalOf } from '../access/auth-middleware';
import { authorize } from '../access/authorize';
import { watchesEveryAgency } from '../access/user-record';
import { createApiRouter } from '../http/api-router';
import type { DossierDeps } from '../dossiers/dossier-deps';
import { receiveDossier } from '../dossiers/receive-dossier';
import { dossierNotFound } from '../dossiers/run-dossier-change';
import { actorOf, dossierResource } from './dossier-access';
import { DossierSchema, DossierSummarySchema, ProgressRecordSchema, toAuditView, toDossierSummaryView, toDossierView, toProgressView } from './dossier-view';
import { IdParam, jsonBody, MUTATION_PROBLEMS, NewDossierSchema, PageQuery, problem, TOTAL_HEADER } from './route-schemas';

/** Dossiers looked at for one list page (the store filters; the access policy narrows what it returns). */
const LIST_SCAN = 2000;

/** What the counter decided (Decree 61/2018/NĐ-CP Art. 19(2)): receive (c), ask for a supplement on the spot (a), refuse (b). */
const IntakeOutcomeSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('accepted') }),
    z.object({
      kind: z.literal('supplementRequested'),
      missingComponents: z.array(z.object({ name: z.string().min(1).max(300), detail: z.string().max(1000).optional() })).min(1).max(100),
      reason: z.string().min(1).max(2000),
    }),
    z.object({ kind: z.literal('refused'), reason: z.string().min(1).max(2000) }),
  ])
  .openapi('IntakeOutcome');

const receiveRoute = createRoute({
  method: 'post',
  path: '/',
  description:
    'Intake at the counter. accepted (default): status 2 then 4, form 01. supplementRequested: status 5 with form 02, processing starts when the supplement is recorded. refused: status 3 with form 03 (the e-form is not checked against its schema). Send an Idempotency-Key: a retry makes no second dossier.',
  request: jsonBody(NewDossierSchema.extend({ channel: z.union([z.literal(1), z.literal(3)]).optional(), outcome: IntakeOutcomeSchema.optional() })),
  responses: {
    201: {
      description: 'Received: code, appointment (explained in words when accepted), processing started',
      content: { 'application/json': { schema: DossierSchema.extend({ appointmentExplanation: z.object({ vi: z.string(), en: z.string() }).optional() }) } },
    },
    ...MUTATION_PROBLEMS,
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/',
  request: {
    query: z.object({
      status: z.string().regex(/^(10|[1-9])(,(10|[1-9]))*$/).optional(),
      procedureKey: z.string().max(64).optional(),
      offset: z.coerce.number().int().min(0).default(0),
      limit: z.coerce.number().int().min(1).max(100).default(20),
    }),
  },
  responses: {
    200: { description: 'A page of dossiers the principal may read, newest first, as summaries (no e-form)', content: { 'application/json': { schema: z.object({ items: z.array(DossierSummarySchema), total: z.number() }) } } },
    400: problem('Malformed query'),
    401: problem('Not signed in'),
    403: problem('This role does not read dossiers'),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/{id}',
  request: { params: IdParam },
  responses: { 200: { description: 'The dossier', content: { 'application/json': { schema: DossierSchema } } }, 401: problem('Not signed in'), 403: problem('Not routed to your unit'), 404: problem('No such dossier') },
});

const recordsRoute = (path: string, description: string, record: z.ZodTypeAny = z.object({}).passthrough()) =>
  createRoute({
    method: 'get',
    path,
    request: { params: IdParam, query: PageQuery },
    responses: {
      200: {
        description: `${description}; at most 100 a page, the number of all in the X-Total-Count header`,
        headers: z.object({ [TOTAL_HEADER]: z.string() }),
        content: { 'application/json': { schema: z.array(record) } },
      },
      400: problem('Malformed query, or a limit over 100'),
      401: problem('Not signed in'),
      403: problem('Not routed to your unit'),
      404: problem('No such dossier'),
    },
  });

/** One page of a dossier's records; the body stays the array the dossier page and older clients read. */
function pageOf<T>(c: { header: (name: string, value: string) => void }, records: T[], { offset, limit }: z.infer<typeof PageQuery>): T[] {
  c.header(TOTAL_HEADER, String(records.length));
  return records.slice(offset, offset + limit);
}

/**
 * How the appointment of a dossier received just now was counted (DOMAIN.md: every computed due date is explainable):
 * the statutory budget from the receipt on the working calendar, the weekly rest days and holidays skipped. Form 01
 * promises the date; the counter reads this to the citizen.
 */
async function appointmentExplanationOf(deps: DossierDeps, dossier: DossierRecord): Promise<{ appointmentExplanation?: LocalizedText }> {
  if (dossier.status !== 4 || dossier.receivedAt === undefined || dossier.appointmentAt === undefined) return {};
  const procedure = await deps.stores.procedures.get(dossier.procedureKey, dossier.procedureVersion);
  const budget = procedure?.definition.procedure?.statutoryBudget;
  if (!budget) return {};
  // The appointment counts on the receiving agency's calendar (issue 18).
  const due = computeDueDate((await deps.calendars.forAgency(dossier.agencyId)).calendar, dossier.receivedAt, budget);
  return due.dueAt === dossier.appointmentAt ? { appointmentExplanation: due.text } : {};
}

export function createDossierRoutes(deps: DossierDeps): OpenAPIHono {
  const routes = createApiRouter();

  const readable = async (c: Parameters<typeof principalOf>[0], id: string) => {
    const dossier = await deps.stores.dossiers.get(id);
    if (!dossier) throw dossierNotFound(id);
    assertAllowed(principalOf(c), 'dossier.read', dossierResource(dossier));
    return dossier;
  };

  routes.openapi(receiveRoute, async (c) => {
    const principal = principalOf(c);
    // Intake happens at the principal's own agency: its identifier prefixes the dossier code.
    assertAllowed(principal, 'dossier.receive', { agencyId: principal.agencyId });
    const body = c.req.valid('json');
    const dossier = await receiveDossier(deps, { ...body, agencyId: principal.agencyId }, actorOf(principal));
    return c.json({ ...toDossierView(dossier), ...(await appointmentExplanationOf(deps, dossier)) }, 201);
  });

  routes.openapi(listRoute, async (c) => {
    const principal = principalOf(c);
    assertAllowed(principal, 'dossier.read', { agencyId: principal.agencyId, ...(principal.departmentId ? { departmentId: principal.departmentId } : {}) });
    const query = c.req.valid('query');
    const status = query.status?.split(',').map((s) => Number(s) as DossierStatus);
    const filter = { ...(status ? { status } : {}), ...(query.procedureKey ? { procedureKey: query.procedureKey } : {}) };
    // The province's (and the national) supervisors read everything: the store pages for them; other readers are narrowed by the policy.
    if (principal.role === 'supervisor' && watchesEveryAgency(principal.supervisorScope)) {
      const page = await deps.stores.dossiers.listSummaries(filter, { offset: query.offset, limit: query.limit });
      return c.json({ items: page.items.map(toDossierSummaryView), total: page.total }, 200);
    }
    const scanned = await deps.stores.dossiers.listSummaries(filter, { offset: 0, limit: LIST_SCAN });
    const visible = scanned.items.filter((dossier) => authorize(principal, 'dossier.read', dossierResource(dossier)).allowed);
    return c.json({ items: visible.slice(query.offset, query.offset + query.limit).map(toDossierSummaryView), total: visible.length }, 200);
  });

  routes.openapi(getRoute, async (c) => c.json(toDossierView(await readable(c, c.req.valid('param').id)), 200));

  routes.openapi(recordsRoute('/{id}/progress', 'Progress records (tiến trình), in order', ProgressRecordSchema), async (c) => {
    const dossier = await readable(c, c.req.valid('param').id);
    return c.json(pageOf(c, await deps.stores.progress.listByDossier(dossier.id), c.req.valid('query')).map(toProgressView), 200);
  });

  routes.openapi(recordsRoute('/{id}/audit', 'Audit records: who, when, what, from which step'), async (c) => {
    const dossier = await readable(c, c.req.valid('param').id);
    return c.json(pageOf(c, await deps.stores.audit.listByDossier(dossier.id), c.req.valid('query')).map(toAuditView), 200);
  });

  return routes;
}
