/**
 * @module duration-routes — `GET /api/simulation/durations`: what a procedure's steps took in a period (issue 19), per
 * version, step, agency and department (count, p50/p90 working days, the fitted distribution with its sample size,
 * supplement and return shares), per step of one version for the heatmap (the slowest three by p90 ranked), the
 * branch shares of its gateways and the arrivals per working day with their weekday and month factors; also as CSV
 * for Excel. Access: action `simulation.run`: aggregate figures only, no dossier's data.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { parseIsoDate } from '../../../engine/src/index';
import type { AgencyStore } from '../access/agency-store';
import { createApiRouter } from '../http/api-router';
import { HttpProblem } from '../http/http-problem';
import { DURATION_COLUMNS } from '../simulation/duration-csv';
import { MAX_DURATION_PERIOD_DAYS, measureProcedureDurations, type DurationsDeps } from '../simulation/measure-procedure-durations';
import { startOfVietnamDay, vietnamDayOf } from '../statistics/stats-scope';
import { toCsv } from '../statistics/to-csv';
import { problem } from './route-schemas';

export interface DurationRouteDeps extends DurationsDeps {
  agencies: Pick<AgencyStore, 'list'>;
  clock: { now(): number };
}

const DAY_MS = 86_400_000;
const DEFAULT_DAYS = 90;
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date yyyy-mm-dd (Vietnam day)');
const Query = z.object({
  procedureKey: z.string().min(1).max(100),
  version: z.coerce.number().int().min(1).optional().describe('The version whose steps are summed up for the diagram; the latest by default'),
  from: day.optional().describe(`First day of receipt (default: ${DEFAULT_DAYS} days before \`to\`)`),
  to: day.optional().describe('Last day of receipt, inclusive (default: today)'),
  format: z.enum(['json', 'csv']).optional(),
});

const Figures = {
  count: z.number(),
  p50WorkingDays: z.number().optional(),
  p90WorkingDays: z.number().optional(),
  waiting: z.object({ sampleSize: z.number(), p50WorkingDays: z.number().optional(), p90WorkingDays: z.number().optional() })
    .describe('The wait for an official (step opened → claimed), over the claimed steps; p50/p90WorkingDays above are the work (claimed → completed)'),
  unclaimedCount: z.number().describe('Completed steps recorded without a claim: their whole span is counted as work'),
  fitted: z.object({ method: z.enum(['empirical', 'lognormal', 'single', 'fallback']), sampleSize: z.number() }),
  supplementShare: z.number(),
  returnShare: z.number(),
  outcomeShares: z.record(z.string(), z.number()),
};
const DurationsSchema = z.object({
  procedureKey: z.string(),
  version: z.number(),
  period: z.object({ from: z.string(), to: z.string() }),
  rows: z.array(z.object({ procedureVersion: z.number(), elementId: z.string(), stepName: z.string().optional(), agencyId: z.string().optional(), departmentId: z.string().optional(), ...Figures })),
  steps: z.array(z.object({ elementId: z.string(), stepName: z.string().optional(), slowestRank: z.number().optional(), ...Figures })),
  gateways: z.array(z.object({
    gatewayId: z.string(), name: z.string().optional(), fromElementId: z.string(), sampleSize: z.number(),
    flows: z.array(z.object({ flowId: z.string(), name: z.string().optional(), targetId: z.string(), share: z.number() })),
  })),
  arrivals: z.object({ perWorkingDay: z.number(), received: z.number(), workingDays: z.number(), weekdayFactors: z.record(z.string(), z.number()).optional(), monthFactors: z.array(z.number()).optional() }),
  citizenReply: z.object({ sampleSize: z.number(), p50WorkingDays: z.number().optional(), p90WorkingDays: z.number().optional() }),
}).openapi('MeasuredDurations');

const durationsRoute = createRoute({
  method: 'get',
  path: '/durations',
  request: { query: Query },
  responses: {
    200: {
      description: 'Measured step durations in working days (JSON, or CSV with a UTF-8 BOM and Vietnamese headers when format=csv)',
      content: { 'application/json': { schema: DurationsSchema }, 'text/csv': { schema: z.string() } },
    },
    400: problem('Malformed query or a period over two years'),
    401: problem('Not signed in'),
    403: problem('Not allowed'),
    404: problem('No such procedure or version'),
  },
});

type QueryValues = z.infer<typeof Query>;

export function createDurationRoutes(deps: DurationRouteDeps): OpenAPIHono {
  const routes = createApiRouter();
  routes.openapi(durationsRoute, (async (c: Context) => {
    const query = (c.req as unknown as { valid(target: 'query'): QueryValues }).valid('query');
    const to = query.to ?? vietnamDayOf(deps.clock.now());
    if (parseIsoDate(to) === undefined || (query.from !== undefined && parseIsoDate(query.from) === undefined)) {
      throw new HttpProblem({ status: 400, code: 'INVALID_DATE', title: 'Ngày không hợp lệ' });
    }
    const toAt = startOfVietnamDay(to) + DAY_MS;
    const fromAt = query.from ? startOfVietnamDay(query.from) : toAt - DEFAULT_DAYS * DAY_MS;
    const days = (toAt - fromAt) / DAY_MS;
    if (!(days >= 1 && days <= MAX_DURATION_PERIOD_DAYS)) {
      throw new HttpProblem({ status: 400, code: 'PERIOD_TOO_LONG', title: 'Khoảng thời gian đo không hợp lệ', detail: `Khoảng thời gian đo phải dài từ 1 đến ${MAX_DURATION_PERIOD_DAYS} ngày` });
    }
    const measured = await measureProcedureDurations(deps, { procedureKey: query.procedureKey, ...(query.version ? { version: query.version } : {}), fromAt, toAt });
    if (!measured) throw new HttpProblem({ status: 404, code: 'PROCEDURE_NOT_FOUND', title: 'Không có thủ tục này', detail: `Không có thủ tục mã ${query.procedureKey}${query.version ? ` phiên bản ${query.version}` : ''}` });
    const period = { from: vietnamDayOf(fromAt), to: vietnamDayOf(toAt - 1) };
    if (query.format !== 'csv') return c.json({ ...measured, period }, 200);

    const names = new Map<string, string>();
    for (const agency of await deps.agencies.list()) {
      names.set(agency.id, agency.name);
      for (const department of agency.departments) names.set(`${agency.id}/${department.id}`, department.name);
    }
    const rank = new Map(measured.steps.map((step) => [step.elementId, step.slowestRank]));
    const rows = measured.rows.map((row) => ({
      ...row,
      ...(row.agencyId && names.has(row.agencyId) ? { agencyName: names.get(row.agencyId) } : {}),
      ...(row.departmentId && names.has(`${row.agencyId}/${row.departmentId}`) ? { departmentName: names.get(`${row.agencyId}/${row.departmentId}`) } : {}),
      ...(row.procedureVersion === measured.version && rank.get(row.elementId) ? { slowestRank: rank.get(row.elementId) } : {}),
    }));
    return new Response(toCsv(DURATION_COLUMNS, rows), {
      status: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="thoi-gian-xu-ly-${measured.procedureKey.replace(/[^\w.-]/g, '_')}-${period.from}-${period.to}.csv"`,
        'cache-control': 'no-store',
      },
    });
  }) as never);
  return routes;
}
