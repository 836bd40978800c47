/**
 * @module simulation-routes — `POST /api/simulation/runs`: a what-if on a deployed procedure or on an analyst's draft (issue 19), answered with
 * the simulation's figures and the measured history they rest on. Bounded (period, history, expected dossiers, time
 * budget: server/src/simulation/run-what-if.ts) and run in chunks that yield to the event loop. Access: action
 * `simulation.run` (analysts, heads of unit, supervisors, administrators): only aggregate figures, no dossier's data.
 */
import { performance } from 'node:perf_hooks';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { fromLocalDateTime, parseIsoDate, parseProcedure, type ProcedureDefinition } from '../../../engine/src/index';
import { createApiRouter } from '../http/api-router';
import { HttpProblem } from '../http/http-problem';
import type { CalendarSource } from '../dossiers/timekeeping';
import type { Stores } from '../stores';
import { runWhatIf, WHAT_IF_LIMITS, type WhatIfRequest } from '../simulation/run-what-if';
import { checkScenarioElements } from '../simulation/check-scenario-elements';
import { jsonBody, problem } from './route-schemas';

export interface SimulationRouteDeps {
  stores: Pick<Stores, 'procedures' | 'dossiers' | 'steps' | 'progress'>;
  calendars: Pick<CalendarSource, 'current'>;
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date yyyy-mm-dd (Vietnam day)');
const key = z.string().min(1).max(100);
/** Per-element changes of one scenario: at most this many entries each, so a body cannot name a million steps. */
const MAX_ENTRIES = 500;
/** A step's budget in a scenario: a working year at most (no statutory deadline of a procedure comes near it). */
const MAX_STEP_BUDGET_DAYS = 365;
const bounded = <T extends z.ZodType>(value: T) =>
  z.record(key, value).refine((record) => Object.keys(record).length <= MAX_ENTRIES, `at most ${MAX_ENTRIES} entries`);
const RunSchema = z.object({
  procedureKey: key,
  version: z.number().int().min(1).optional(),
  xml: z.string().max(2_000_000).optional().describe('A draft to simulate instead of the deployed version (BPMN 2.0 XML)'),
  from: day.describe('First day dossiers are received (Vietnam day)'),
  to: day.describe('Last day dossiers are received, inclusive'),
  historyFrom: day.optional().describe('Durations are measured on dossiers received from this day (default: 90 days before `from`)'),
  historyTo: day.optional(),
  arrivalsPerWorkingDay: z.number().min(0).max(WHAT_IF_LIMITS.maxDossiers).optional(),
  arrivalFactor: z.number().min(0).max(10).optional().describe('2 = what if arrivals double'),
  staffing: bounded(z.number().int().min(1).max(1000)).optional().describe('Officials per unit: `agency` or `agency/department`'),
  stepHours: bounded(z.number().min(0).max(2000)).optional().describe('A step\'s mean working hours, replacing the measured duration'),
  stepBudgets: bounded(z.number().gt(0).max(MAX_STEP_BUDGET_DAYS)).optional().describe('A step\'s budget in working days (its share of the deadline: step late, lateness attribution), replacing the draft\'s; its duration is unchanged'),
  outcomeShares: bounded(z.record(key, z.number().min(0).max(1))).optional().describe('A step\'s branch shares by decision, e.g. `{ "task-review": { "supplement": 0.2 } }`'),
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
  timeBudgetMs: z.number().int().min(100).max(WHAT_IF_LIMITS.maxTimeBudgetMs).optional(),
}).openapi('SimulationRunRequest');

const RunAnswerSchema = z.object({
  procedureKey: z.string(),
  version: z.number(),
  expectedDossiers: z.number(),
  measurement: z.record(z.string(), z.unknown()).describe('Per step: count, p50/p90 working hours, fitted distribution with its sample size, outcome shares; arrivals per working day with weekday and month factors'),
  result: z.record(z.string(), z.unknown()).describe('On-time share with its 95 % Wilson interval, working days, steps, lateness by agency, units'),
}).openapi('SimulationRunAnswer');

const runRoute = createRoute({
  method: 'post',
  path: '/runs',
  request: jsonBody(RunSchema),
  responses: {
    200: { description: 'The simulation\'s figures (complete: false when the time budget stopped it)', content: { 'application/json': { schema: RunAnswerSchema } } },
    400: problem('Malformed or out-of-bounds scenario, or one naming a step or a unit the draft does not have'),
    422: problem('The draft does not parse'),
    401: problem('Not signed in'),
    403: problem('Not allowed'),
    404: problem('No such procedure'),
  },
});

const DAY_MS = 86_400_000;
const startOf = (text: string): number => fromLocalDateTime(`${text}T00:00`);

export function createSimulationRoutes(deps: SimulationRouteDeps): OpenAPIHono {
  const routes = createApiRouter();
  routes.openapi(runRoute, async (c) => {
    const body = c.req.valid('json');
    if (!parseIsoDate(body.from) || !parseIsoDate(body.to)) throw new HttpProblem({ status: 400, code: 'VALIDATION_FAILED', title: 'Ngày không hợp lệ' });
    let draft: ProcedureDefinition | undefined;
    if (body.xml !== undefined) {
      const parsed = await parseProcedure(body.xml);
      const errors = parsed.issues.filter((issue) => issue.severity === 'error');
      if (!parsed.definition || errors.length > 0) {
        throw new HttpProblem({ status: 422, code: 'PROCEDURE_INVALID', title: 'Bản nháp chưa hợp lệ để mô phỏng', extensions: { issues: errors } });
      }
      draft = parsed.definition;
      // A draft's own element ids: a change naming a step or a unit the draft does not have is refused, named.
      const unknown = checkScenarioElements(draft, body);
      if (unknown.length > 0) {
        throw new HttpProblem({ status: 400, code: 'SCENARIO_ELEMENT_UNKNOWN', title: 'Kịch bản nêu bước hoặc đơn vị không có trong bản nháp', detail: unknown.map((issue) => issue.message).join('; '), extensions: { issues: unknown } });
      }
    }
    const request: WhatIfRequest = {
      procedureKey: body.procedureKey,
      ...(draft ? { draft } : {}),
      ...(body.version ? { version: body.version } : {}),
      period: { fromAt: startOf(body.from), toAt: startOf(body.to) + DAY_MS },
      ...(body.historyFrom && body.historyTo ? { history: { fromAt: startOf(body.historyFrom), toAt: startOf(body.historyTo) + DAY_MS } } : {}),
      ...(body.arrivalsPerWorkingDay !== undefined ? { arrivalsPerWorkingDay: body.arrivalsPerWorkingDay } : {}),
      ...(body.arrivalFactor !== undefined ? { arrivalFactor: body.arrivalFactor } : {}),
      ...(body.staffing ? { staffing: body.staffing } : {}),
      ...(body.stepHours ? { stepHours: body.stepHours } : {}),
      ...(body.stepBudgets ? { stepBudgets: body.stepBudgets } : {}),
      ...(body.outcomeShares ? { outcomeShares: body.outcomeShares } : {}),
      ...(body.seed !== undefined ? { seed: body.seed } : {}),
      ...(body.timeBudgetMs !== undefined ? { timeBudgetMs: body.timeBudgetMs } : {}),
    };
    const answer = await runWhatIf(
      {
        stores: deps.stores,
        calendar: async () => (await deps.calendars.current()).calendar,
        elapsedMs: () => performance.now(),
        yieldToEventLoop: () => new Promise((resolve) => setImmediate(resolve)),
      },
      request,
    );
    if (!answer) throw new HttpProblem({ status: 404, code: 'PROCEDURE_NOT_FOUND', title: 'Không có thủ tục này', detail: `Không có thủ tục mã ${body.procedureKey}` });
    if ('issues' in answer) throw new HttpProblem({ status: 400, code: 'SCENARIO_TOO_LARGE', title: 'Kịch bản vượt giới hạn mô phỏng', detail: answer.issues.join('; '), extensions: { issues: answer.issues } });
    return c.json({ ...answer, measurement: answer.measurement as unknown as Record<string, unknown>, result: answer.result as unknown as Record<string, unknown> }, 200);
  });
  return routes;
}
