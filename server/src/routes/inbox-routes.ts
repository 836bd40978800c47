/**
 * @module inbox-routes — `GET /api/inbox`: the open steps of the signed-in official (claimed by them, `scope=mine`)
 * or of their unit, most urgent first (overdue, nearly due, in time, paused; then by due instant), each with its mark
 * and the working time left. Searched and filtered in the step store's query (`q`: a dossier code's start or part of
 * the applicant's name, accents and case ignored; procedure, claimed or not, phase), paged by the store (at most 100
 * a page), with the count of each phase and of both tabs in the same answer. With `dossierId`, the dossier page's
 * question: its steps the official may act on, each with its due date explained, and where the dossier stands on its
 * route (elements done and current). A head of unit without a department sees the whole agency.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { computeDueDate } from '../../../engine/src/index';
import type { StepPhase, StepQuery, StepRecord } from '../stores';
import { assertAllowed, principalOf } from '../access/auth-middleware';
import type { Principal } from '../access/principal';
import { authorize } from '../access/authorize';
import { createApiRouter } from '../http/api-router';
import type { DossierDeps } from '../dossiers/dossier-deps';
import { foldSearchText } from '../dossiers/fold-search-text';
import { dossierNotFound } from '../dossiers/run-dossier-change';
import { urgencyOf } from '../dossiers/inbox-mark';
import { calendarsByAgency } from '../calendars/calendars-by-agency';
import { clockContextOf } from '../../../engine/src/index';
import type { Timekeeping } from '../dossiers/timekeeping';
import { dossierResource } from './dossier-access';
import { StepSchema, toStepView } from './dossier-view';
import { problem } from './route-schemas';

const PHASES = ['overdue', 'nearlyDue', 'due', 'paused', 'none'] as const;

/** A dossier's steps read for its route (a route of a few dozen steps, returns and supplements included). */
const DOSSIER_STEPS = 500;

const PhaseList = z
  .string()
  .max(60)
  .regex(new RegExp(`^(${PHASES.join('|')})(,(${PHASES.join('|')}))*$`), 'phases: overdue, nearlyDue, due, paused, none, comma-separated');

const inboxRoute = createRoute({
  method: 'get',
  path: '/',
  request: {
    query: z.object({
      scope: z.enum(['mine', 'department']).default('department'),
      q: z.string().trim().max(100).optional().describe('Start of a dossier code, or part of the applicant’s name (accents and case ignored)'),
      procedureKey: z.string().max(64).optional(),
      claim: z.enum(['claimed', 'unclaimed']).optional().describe('Claimed by an official, or waiting in the unit’s pool'),
      phase: PhaseList.optional(),
      dossierId: z.string().min(1).max(200).optional().describe('Only this dossier’s steps, with their due dates explained and the dossier’s route'),
      offset: z.coerce.number().int().min(0).max(100_000).default(0),
      limit: z.coerce.number().int().min(1).max(100).default(100),
    }),
  },
  responses: {
    200: {
      description: 'Open steps, most urgent first',
      content: {
        'application/json': {
          schema: z.object({
            items: z.array(
              StepSchema.extend({
                dossierCode: z.string(),
                applicantName: z.string().optional(),
                procedureKey: z.string().optional(),
                mark: z.enum(PHASES),
                remainingMs: z.number().optional(),
                remainingText: z.string().optional(),
                dueText: z.object({ vi: z.string(), en: z.string() }).optional().describe('The due date explained (with `dossierId`)'),
              }),
            ),
            total: z.number().int().describe('Steps of the scope matching every filter'),
            marks: z.object(Object.fromEntries(PHASES.map((phase) => [phase, z.number().int()])) as Record<StepPhase, z.ZodNumber>).describe('Steps in each phase, the phase filter aside, on every page'),
            counts: z.object({ mine: z.number().int(), department: z.number().int() }).describe('Each tab’s steps with the same filters, the phase aside'),
            route: z.object({ done: z.array(z.string()), current: z.array(z.string()) }).optional().describe('With `dossierId`: the elements done and open on the dossier’s route'),
          }),
        },
      },
    },
    400: problem('Unknown scope or phase, a search over 100 characters, a page over 100'),
    401: problem('Not signed in'),
    403: problem('Only officials and heads of unit have an inbox; a supervisor reads one dossier’s open steps (dossierId) within the supervision scope'),
  },
});

/** The store query of the principal's unit: an official without a department acts only on steps naming none. */
function unitQuery(principal: Principal): StepQuery {
  const departmentId = principal.departmentId ?? (principal.role === 'headOfUnit' ? undefined : null);
  return { status: ['open'], agencyId: principal.agencyId, ...(departmentId === undefined ? {} : { departmentId }) };
}

/** The due date in words, when the step's clock has not been paused (a pause moves it past the calendar's answer). */
function dueTextOf(step: StepRecord, kit: Timekeeping): { vi: string; en: string } | undefined {
  const clock = clockContextOf(step)?.clock;
  if (!clock || clock.pauses.length > 0 || clock.epoch > 0) return undefined;
  const due = computeDueDate(kit.calendar, clock.startAt, clock.budget);
  return due.dueAt === clock.dueAt ? due.text : undefined;
}

export function createInboxRoutes(deps: DossierDeps): OpenAPIHono {
  const routes = createApiRouter();
  routes.openapi(inboxRoute, async (c) => {
    const principal = principalOf(c);
    const unit = { agencyId: principal.agencyId, ...(principal.departmentId ? { departmentId: principal.departmentId } : {}) };
    const { scope, q, procedureKey, claim, phase, dossierId, offset, limit } = c.req.valid('query');
    // A supervisor has no inbox, but reads one dossier's open steps (with their due dates) on its page, within the
    // supervision scope; everybody else sees only their unit's steps.
    const supervising = principal.role === 'supervisor' && dossierId !== undefined;
    if (supervising) await assertReadable(deps, principal, dossierId);
    else assertAllowed(principal, 'step.act', unit);
    const search = q ? foldSearchText(q) : '';
    const filters: StepQuery = {
      ...(supervising ? { status: ['open'] } : unitQuery(principal)),
      ...(search ? { search } : {}),
      ...(procedureKey ? { procedureKey } : {}),
      ...(claim ? { claimed: claim === 'claimed' } : {}),
      ...(dossierId ? { dossierId } : {}),
    };
    const mine: StepQuery = { ...filters, assigneeId: principal.userId };
    const now = deps.clock.now();
    const phases = phase ? (phase.split(',') as StepPhase[]) : undefined;
    const [page, other] = await Promise.all([
      deps.stores.steps.listByUrgency(scope === 'mine' ? mine : filters, { now, ...(phases ? { phases } : {}) }, { offset, limit }),
      deps.stores.steps.list(scope === 'mine' ? filters : mine, { offset: 0, limit: 1 }),
    ]);
    // Each step's urgency and due date on the calendar of the agency holding it (issue 18).
    const calendarOf = await calendarsByAgency(deps.calendars, page.items.map((step) => step.agencyId));
    const ownTotal = Object.values(page.phases).reduce((sum, count) => sum + count, 0);
    const counts = scope === 'mine' ? { mine: ownTotal, department: other.total } : { mine: other.total, department: ownTotal };
    const ids = [...new Set(page.items.map((step) => step.dossierId))];
    const dossiers = ids.length === 0 ? [] : (await deps.stores.dossiers.listSummaries({ ids }, { offset: 0, limit: ids.length })).items;
    const byId = new Map(dossiers.map((dossier) => [dossier.id, dossier]));
    const items = page.items.map((step) => {
      const dossier = byId.get(step.dossierId);
      const kit = calendarOf(step.agencyId);
      const dueText = dossierId ? dueTextOf(step, kit) : undefined;
      return {
        ...toStepView(step),
        dossierCode: dossier?.dossierCode ?? '',
        ...(dossier ? { applicantName: dossier.applicant.name, procedureKey: dossier.procedureKey } : {}),
        ...urgencyOf(step, now, kit.time),
        ...(dueText ? { dueText } : {}),
      };
    });
    const route = dossierId ? await routeOf(deps, principal, dossierId) : undefined;
    return c.json({ items, total: page.total, marks: page.phases, counts, ...(route ? { route } : {}) }, 200);
  });
  return routes;
}

/** 404 for an unknown dossier, 403 for one outside the principal's reading scope. */
async function assertReadable(deps: DossierDeps, principal: Principal, dossierId: string): Promise<void> {
  const dossier = (await deps.stores.dossiers.listSummaries({ ids: [dossierId] }, { offset: 0, limit: 1 })).items[0];
  if (!dossier) throw dossierNotFound(dossierId);
  assertAllowed(principal, 'dossier.read', dossierResource(dossier));
}

/** Where a dossier the principal may read stands on its route: elements whose steps are done, and open ones. */
async function routeOf(deps: DossierDeps, principal: Principal, dossierId: string): Promise<{ done: string[]; current: string[] } | undefined> {
  const dossier = (await deps.stores.dossiers.listSummaries({ ids: [dossierId] }, { offset: 0, limit: 1 })).items[0];
  if (!dossier || !authorize(principal, 'dossier.read', dossierResource(dossier)).allowed) return undefined;
  const { items } = await deps.stores.steps.list({ dossierId }, { offset: 0, limit: DOSSIER_STEPS });
  const current = new Set(items.filter((step) => step.status === 'open').map((step) => step.elementId));
  const done = new Set(items.filter((step) => step.status === 'completed' && !current.has(step.elementId)).map((step) => step.elementId));
  return { done: [...done], current: [...current] };
}
