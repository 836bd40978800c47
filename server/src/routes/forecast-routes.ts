/**
 * @module forecast-routes — `POST /api/simulation/forecasts`: the supervisors' "what if arrivals double next month"
 * (issue 19; server/src/simulation/forecast-arrivals.ts), answered beside the on-time rate measured over the history the
 * prediction rests on (Decision 766/QĐ-TTg, within the asker's statistics scope; none for a role without one).
 * Bounded inputs (multiplier 0.1–5, at most a quarter, at most 30 units) refused as RFC 9457 problems in Vietnamese.
 * Access: action `simulation.run`.
 */
import { performance } from 'node:perf_hooks';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { parseIsoDate } from '../../../engine/src/index';
import { principalOf } from '../access/auth-middleware';
import type { CalendarSource } from '../dossiers/timekeeping';
import { createApiRouter } from '../http/api-router';
import { HttpProblem } from '../http/http-problem';
import { forecastArrivals, FORECAST_LIMITS } from '../simulation/forecast-arrivals';
import type { StatsDeps } from '../statistics/stats-deps';
import { resolveStatsScope, startOfVietnamDay } from '../statistics/stats-scope';
import { statsSummary } from '../statistics/stats-summary';
import type { Stores } from '../stores';
import { jsonBody, problem } from './route-schemas';

export interface ForecastRouteDeps {
  stores: Pick<Stores, 'procedures' | 'dossiers' | 'steps' | 'progress'>;
  calendars: Pick<CalendarSource, 'current'>;
  stats: StatsDeps;
}

const DAY_MS = 86_400_000;
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date yyyy-mm-dd (Vietnam day)');
const key = z.string().min(1).max(100);
const ForecastSchema = z.object({
  procedureKey: key,
  arrivalFactor: z.number().describe(`Multiplies the measured arrival rate, ${FORECAST_LIMITS.minFactor}–${FORECAST_LIMITS.maxFactor} (2 = arrivals double)`),
  from: day.optional().describe('First day of the forecast period (default: the first day of next month)'),
  to: day.optional().describe(`Last day, inclusive; at most ${FORECAST_LIMITS.maxPeriodDays} days after \`from\``),
  staffing: z.record(key, z.number()).optional().describe(`Officials per unit (\`agency\` or \`agency/department\`), 1–${FORECAST_LIMITS.maxOfficials}; a unit not named never queues`),
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
}).openapi('ForecastRequest');

const Figures = z.object({
  arrivalFactor: z.number(), expectedDossiers: z.number().describe('Dossiers one run expects in the period'),
  replications: z.number().describe('Runs of the period with seeds seed, seed + 1, …, pooled'),
  received: z.number().describe('Dossiers simulated over all runs'), receivedPerRun: z.number(), complete: z.boolean(),
  onTimeShare: z.number(), ci95: z.object({ low: z.number(), high: z.number() }).describe('95 % interval from the spread of the runs (Wilson with fewer than five)'), late: z.number(),
  lateByAgency: z.record(z.string(), z.number()), mostResponsibleAgencyId: z.string().optional(),
  units: z.array(z.object({ key: z.string(), officials: z.number().optional(), utilisation: z.number().optional(), meanWaitingHours: z.number() })),
});
const AnswerSchema = z.object({
  procedureKey: z.string(),
  version: z.number(),
  period: z.object({ from: z.string(), to: z.string() }),
  history: z.object({ from: z.string(), to: z.string(), received: z.number(), perWorkingDay: z.number() }),
  measured: z.object({ onTimeRate: z.number().nullable(), onTime: z.number(), processed: z.number() }).nullable()
    .describe('The on-time rate of Decision 766 over the history, within the asker\'s statistics scope; null for a role without one'),
  baseline: Figures.describe('Predicted at the measured arrival rate'),
  scenario: Figures.describe('Predicted at the multiplied rate, on the same seed'),
}).openapi('ForecastAnswer');

const forecastRoute = createRoute({
  method: 'post',
  path: '/forecasts',
  request: jsonBody(ForecastSchema),
  responses: {
    200: { description: 'The predicted on-time shares at the measured and at the multiplied arrival rate', content: { 'application/json': { schema: AnswerSchema } } },
    400: problem('Malformed, or out of bounds (multiplier, period, units)'),
    401: problem('Not signed in'),
    403: problem('Not allowed'),
    404: problem('No such procedure'),
  },
});

const outOfBounds = (issues: string[]) =>
  new HttpProblem({ status: 400, code: 'SCENARIO_OUT_OF_BOUNDS', title: 'Kịch bản nằm ngoài giới hạn dự báo', detail: issues.join('; '), extensions: { issues } });

export function createForecastRoutes(deps: ForecastRouteDeps): OpenAPIHono {
  const routes = createApiRouter();
  routes.openapi(forecastRoute, (async (c: Context) => {
    const body = (c.req as unknown as { valid(target: 'json'): z.infer<typeof ForecastSchema> }).valid('json');
    if ((body.from === undefined) !== (body.to === undefined)) throw outOfBounds(['Cần nhập cả ngày bắt đầu và ngày kết thúc của kỳ, hoặc bỏ trống cả hai (tháng sau)']);
    if ((body.from && parseIsoDate(body.from) === undefined) || (body.to && parseIsoDate(body.to) === undefined)) {
      throw new HttpProblem({ status: 400, code: 'INVALID_DATE', title: 'Ngày không hợp lệ' });
    }
    const now = deps.stats.clock.now();
    const answer = await forecastArrivals(
      {
        stores: deps.stores,
        calendar: async () => (await deps.calendars.current()).calendar,
        elapsedMs: () => performance.now(),
        yieldToEventLoop: () => new Promise((resolve) => setImmediate(resolve)),
      },
      {
        procedureKey: body.procedureKey, arrivalFactor: body.arrivalFactor,
        ...(body.from && body.to ? { period: { fromAt: startOfVietnamDay(body.from), toAt: startOfVietnamDay(body.to) + DAY_MS } } : {}),
        ...(body.staffing ? { staffing: body.staffing } : {}), ...(body.seed !== undefined ? { seed: body.seed } : {}),
      },
      now,
    );
    if (!answer) throw new HttpProblem({ status: 404, code: 'PROCEDURE_NOT_FOUND', title: 'Không có thủ tục này', detail: `Không có thủ tục mã ${body.procedureKey}` });
    if ('issues' in answer) throw outOfBounds(answer.issues);
    let measured: { onTimeRate: number | null; onTime: number; processed: number } | null = null;
    try {
      const scope = resolveStatsScope(principalOf(c), { procedureKey: body.procedureKey, from: answer.history.from, to: answer.history.to }, now);
      const summary = await statsSummary(deps.stats, scope);
      measured = { onTimeRate: summary.onTimeRate, onTime: summary.onTime, processed: summary.processed };
    } catch (error) {
      // An analyst (or a supervisor without a scope) reads no statistics: the prediction stands alone.
      if (!(error instanceof HttpProblem && error.status === 403)) throw error;
    }
    return c.json({ ...answer, measured }, 200);
  }) as never);
  return routes;
}
