/**
 * @module stats-routes — the supervisors' figures (Decision 766/QĐ-TTg) under `/api/stats`: summary, breakdown by
 * agency / department / official / procedure, trend, delay attribution, and the drill-downs to steps and dossiers.
 * Every table also as CSV (`format=csv`). Access: action `stats.read` within the asker's scope (`stats-scope.ts`).
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { principalOf } from '../access/auth-middleware';
import { createApiRouter } from '../http/api-router';
import { listClassifiedDossiers, listMarkedSteps, type DossierItem, type StepItem } from '../statistics/stats-lists';
import { statsBreakdown } from '../statistics/stats-breakdown';
import { BREAKDOWN_COLUMNS, DELAY_COLUMNS, DOSSIER_COLUMNS, STEP_COLUMNS, SUMMARY_COLUMNS, TREND_COLUMNS } from '../statistics/stats-csv';
import type { StatsDeps } from '../statistics/stats-deps';
import { statsDelays } from '../statistics/stats-delays';
import { resolveStatsScope, type StatsParams } from '../statistics/stats-scope';
import { statsSummary } from '../statistics/stats-summary';
import { statsTrend } from '../statistics/stats-trend';
import { toCsv, type CsvColumn } from '../statistics/to-csv';
import { problem } from './route-schemas';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date yyyy-mm-dd (Vietnam day)');
const ScopeQuery = z.object({
  from: day.optional(),
  to: day.optional(),
  agencyId: z.string().max(100).optional(),
  departmentId: z.string().max(100).optional(),
  procedureKey: z.string().max(100).optional(),
  officialId: z.string().max(100).optional(),
  format: z.enum(['json', 'csv']).optional(),
});
const Paging = { offset: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(1000).default(100) };
const rate = z.number().min(0).max(1).nullable();
const Counts = {
  received: z.number(), processed: z.number(), finishedEarly: z.number(), finishedOnTime: z.number(), finishedOverdue: z.number(),
  inProcessInTime: z.number(), inProcessOverdue: z.number(), pausedInTime: z.number(), pausedOverdue: z.number(),
  nearlyDueSteps: z.number(), overdueSteps: z.number(),
  orphanedSteps: z.number().describe('Open steps nobody can see: their unit has no enabled official or head of unit'),
};
/** The on-time rate's parts (`statistics/dossier-tally.ts` `partsOf`): processed = finished + inProcess = onTime + overdue. */
const Parts = {
  finished: z.number().describe('Finished in the period (early + on time + overdue)'),
  inProcess: z.number().describe('Not finished at the end of the period, paused included'),
  onTime: z.number().describe('The rate numerator: finished early or on time, or in process (or paused) within time'),
  overdue: z.number().describe('Finished late, or in process (or paused) overdue'),
};
export const StepItemSchema = z.object({
  stepId: z.string(), dossierId: z.string(), dossierCode: z.string(), procedureKey: z.string(), procedureVersion: z.number(),
  elementId: z.string(), stepName: z.string(), agencyId: z.string().optional(), departmentId: z.string().optional(),
  assigneeId: z.string().optional(), startedAt: z.string(), dueAt: z.string().optional(), mark: z.enum(['nearlyDue', 'overdue', 'due', 'paused']),
}).openapi('StatsStepItem');
const DossierItemSchema = z.object({
  dossierId: z.string(), dossierCode: z.string(), procedureKey: z.string(), status: z.number(), receivedAt: z.string().optional(),
  appointmentAt: z.string().optional(), finishedAt: z.string().optional(),
  classification: z.enum(['early', 'onTime', 'overdue', 'inTime', 'inProcessOverdue', 'pausedInTime', 'pausedOverdue']),
}).openapi('StatsDossierItem');

const answers = (schema: z.ZodTypeAny, description: string) => ({
  200: { description: `${description} (JSON, or CSV with a UTF-8 BOM and Vietnamese headers when format=csv)`, content: { 'application/json': { schema }, 'text/csv': { schema: z.string() } } },
  400: problem('Malformed query'),
  401: problem('Not signed in'),
  403: problem('Outside your scope, or officials (who have their inbox instead)'),
});

const get = (path: string, query: z.ZodObject, schema: z.ZodTypeAny, description: string) =>
  createRoute({ method: 'get', path, request: { query }, responses: answers(schema, description) });

const summaryRoute = get('/summary', ScopeQuery, z.object({
  period: z.object({ from: z.string(), to: z.string() }), scope: z.record(z.string(), z.unknown()), ...Counts, ...Parts,
  onTimeRate: rate, averageProcessingDays: z.number().nullable(), onlineRate: rate, digitisationRate: rate,
}).openapi('StatsSummary'), 'Headline figures of the period and scope');
const breakdownRoute = get('/breakdown', ScopeQuery.extend({ by: z.enum(['agency', 'department', 'official', 'procedure']).default('agency') }), z.object({
  rows: z.array(z.object({ key: z.string(), label: z.string(), ...Counts, onTimeRate: rate, averageProcessingDays: z.number().nullable() })),
}), 'Figures per agency, department, official or procedure');
const trendRoute = get('/trend', ScopeQuery.extend({ interval: z.enum(['day', 'week', 'month']).default('day') }), z.object({
  points: z.array(z.object({ periodStart: z.string(), received: z.number(), finished: z.number(), onTimeRate: rate })),
}), 'Received, finished and on-time rate per day, week or month');
const delaysRoute = get('/delays', ScopeQuery, z.object({
  rows: z.array(z.object({ agencyId: z.string(), label: z.string(), dossiersDelayed: z.number(), overrunWorkingHours: z.number(), apologiesIssued: z.number() })),
}), 'Delay attribution per agency');
const stepsRoute = get('/steps', ScopeQuery.extend({ mark: z.enum(['nearlyDue', 'overdue', 'orphaned']), ...Paging }), z.object({ items: z.array(StepItemSchema), total: z.number() }), 'Open steps nearly due, overdue or orphaned (seen by nobody) now');
const dossiersRoute = get('/dossiers', ScopeQuery.extend({
  classification: z.enum(['early', 'onTime', 'overdue', 'inTime', 'inProcessOverdue', 'pausedInTime', 'pausedOverdue']), ...Paging,
}), z.object({ items: z.array(DossierItemSchema), total: z.number() }), 'Dossiers of one classification in the period');

const iso = (at: number | undefined): string | undefined => (at === undefined ? undefined : new Date(at).toISOString());

export function toStepItemView(item: StepItem) {
  const { startedAt, dueAt, ...rest } = item;
  return { ...rest, startedAt: iso(startedAt)!, ...(dueAt === undefined ? {} : { dueAt: iso(dueAt) }) };
}

function toDossierItemView(item: DossierItem) {
  const { receivedAt, appointmentAt, finishedAt, ...rest } = item;
  return { ...rest, ...(receivedAt === undefined ? {} : { receivedAt: iso(receivedAt) }), ...(appointmentAt === undefined ? {} : { appointmentAt: iso(appointmentAt) }), ...(finishedAt === undefined ? {} : { finishedAt: iso(finishedAt) }) };
}

/** The table as CSV for Excel, or as JSON. */
function answer<T>(c: Context, format: string | undefined, body: unknown, csv: { name: string; columns: readonly CsvColumn<T>[]; rows: T[] }): Response {
  if (format !== 'csv') return c.json(body as object, 200);
  return new Response(toCsv(csv.columns, csv.rows), {
    status: 200,
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${csv.name}.csv"`, 'cache-control': 'no-store' },
  });
}

type Query = StatsParams & { format?: string };
const queryOf = <T>(c: Context): T & Query => (c.req as unknown as { valid(target: 'query'): T & Query }).valid('query');

export function createStatsRoutes(deps: StatsDeps): OpenAPIHono {
  const routes = createApiRouter();
  const scopeOf = (c: Context) => resolveStatsScope(principalOf(c), queryOf(c), deps.clock.now());

  routes.openapi(summaryRoute, (async (c: Context) => {
    const summary = await statsSummary(deps, scopeOf(c));
    return answer(c, queryOf(c).format, summary, { name: 'tong-hop', columns: SUMMARY_COLUMNS, rows: [summary] });
  }) as never);

  routes.openapi(breakdownRoute, (async (c: Context) => {
    const { by, format } = queryOf<{ by: 'agency' | 'department' | 'official' | 'procedure' }>(c);
    const result = await statsBreakdown(deps, scopeOf(c), by);
    return answer(c, format, result, { name: `theo-${by}`, columns: BREAKDOWN_COLUMNS, rows: result.rows });
  }) as never);

  routes.openapi(trendRoute, (async (c: Context) => {
    const { interval, format } = queryOf<{ interval: 'day' | 'week' | 'month' }>(c);
    const result = await statsTrend(deps, scopeOf(c), interval);
    return answer(c, format, result, { name: `xu-huong-${interval}`, columns: TREND_COLUMNS, rows: result.points });
  }) as never);

  routes.openapi(delaysRoute, (async (c: Context) => {
    const result = await statsDelays(deps, scopeOf(c));
    return answer(c, queryOf(c).format, result, { name: 'quy-trach-nhiem-cham', columns: DELAY_COLUMNS, rows: result.rows });
  }) as never);

  routes.openapi(stepsRoute, (async (c: Context) => {
    const { mark, offset, limit, format } = queryOf<{ mark: 'nearlyDue' | 'overdue' | 'orphaned'; offset: number; limit: number }>(c);
    const all = (await listMarkedSteps(deps, scopeOf(c), mark)).map(toStepItemView);
    const page = format === 'csv' ? all : all.slice(offset, offset + limit);
    return answer(c, format, { items: page, total: all.length }, { name: { overdue: 'buoc-qua-han', nearlyDue: 'buoc-sap-den-han', orphaned: 'buoc-khong-ai-thay' }[mark], columns: STEP_COLUMNS, rows: page });
  }) as never);

  routes.openapi(dossiersRoute, (async (c: Context) => {
    const { classification, offset, limit, format } = queryOf<{ classification: DossierItem['classification']; offset: number; limit: number }>(c);
    // A page read from the database (the CSV export: every one of them).
    const listed = await listClassifiedDossiers(deps, scopeOf(c), classification, format === 'csv' ? undefined : { offset, limit });
    const page = listed.items.map(toDossierItemView);
    return answer(c, format, { items: page, total: listed.total }, { name: `ho-so-${classification}`, columns: DOSSIER_COLUMNS, rows: page });
  }) as never);

  return routes;
}
