/**
 * @module admin-audit-routes — administrators read the audit of administration (issue 18 item 4) under `/api/audit`:
 * filtered by who, action, target and period, a page at a time, or the whole selection as CSV for a spreadsheet
 * (`/api/audit/export`, formula cells neutralised by `toCsv`). There is no route that changes or removes a record:
 * PUT, PATCH and DELETE on these paths answer 404, and the store port has no such method.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { assertAllowed, principalOf } from '../access/auth-middleware';
import { createApiRouter } from '../http/api-router';
import type { AdminAuditQuery, AdminAuditRecord, AdminAuditStore } from '../stores';
import { toCsv, type CsvColumn } from '../statistics/to-csv';
import { MAX_PAGE, problem } from './route-schemas';

const TARGET_KINDS = ['user', 'agency', 'calendar', 'procedure', 'setting', 'outboxDelivery'] as const;

const FilterSchema = z.object({
  actorId: z.string().min(1).max(200).optional(),
  action: z.string().min(1).max(100).optional(),
  targetKind: z.enum(TARGET_KINDS).optional(),
  targetId: z.string().min(1).max(300).optional(),
  from: z.iso.datetime({ offset: true }).optional().describe('ISO 8601 instant, inclusive'),
  to: z.iso.datetime({ offset: true }).optional().describe('ISO 8601 instant, inclusive'),
});
const PageSchema = FilterSchema.extend({
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50),
});

const RecordSchema = z
  .object({
    id: z.string(),
    at: z.string().describe('ISO 8601 instant'),
    actorId: z.string(),
    action: z.string(),
    target: z.object({ kind: z.enum(TARGET_KINDS), id: z.string() }),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
    address: z.string(),
  })
  .openapi('AdminAuditRecord');

const refusals = { 400: problem('Malformed filter'), 401: problem('Not signed in'), 403: problem('Administrators only') };

const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['audit'],
  request: { query: PageSchema },
  responses: { 200: { description: 'Matching records, newest first', content: { 'application/json': { schema: z.object({ items: z.array(RecordSchema), total: z.number().int() }) } } }, ...refusals },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/export',
  tags: ['audit'],
  request: { query: FilterSchema },
  responses: { 200: { description: 'Every matching record as CSV (UTF-8 with BOM), newest first', content: { 'text/csv': { schema: z.string() } } }, ...refusals },
});

/** The most rows one export holds; narrow the period for more. */
export const MAX_AUDIT_EXPORT_ROWS = 100_000;

const json = (value: unknown) => (value === undefined ? '' : JSON.stringify(value));

const CSV_COLUMNS: readonly CsvColumn<AdminAuditRecord>[] = [
  { header: 'Thời điểm', value: (r) => new Date(r.at).toISOString() },
  { header: 'Người thực hiện', value: (r) => r.actorId },
  { header: 'Thao tác', value: (r) => r.action },
  { header: 'Loại đối tượng', value: (r) => r.target.kind },
  { header: 'Đối tượng', value: (r) => r.target.id },
  { header: 'Trước', value: (r) => json(r.before) },
  { header: 'Sau', value: (r) => json(r.after) },
  { header: 'Địa chỉ', value: (r) => r.address },
];

function toQuery(filter: z.infer<typeof FilterSchema>): AdminAuditQuery {
  const { from, to, ...rest } = filter;
  return { ...rest, ...(from ? { from: Date.parse(from) } : {}), ...(to ? { to: Date.parse(to) } : {}) };
}

const toView = (record: AdminAuditRecord) => ({ ...record, at: new Date(record.at).toISOString() }) as z.infer<typeof RecordSchema>;

/** Mount under `/api/audit`. */
export function createAdminAuditRoutes(deps: { adminAudit: AdminAuditStore }): OpenAPIHono {
  const routes = createApiRouter();
  routes.use('*', async (c, next) => {
    assertAllowed(principalOf(c), 'audit.read');
    await next();
  });

  routes.openapi(listRoute, async (c) => {
    const { offset, limit, ...filter } = c.req.valid('query');
    const page = await deps.adminAudit.list(toQuery(filter), { offset, limit });
    return c.json({ items: page.items.map(toView), total: page.total }, 200);
  });

  routes.openapi(exportRoute, async (c) => {
    const query = toQuery(c.req.valid('query'));
    const rows: AdminAuditRecord[] = [];
    for (let offset = 0; offset < MAX_AUDIT_EXPORT_ROWS; offset += 1000) {
      const page = await deps.adminAudit.list(query, { offset, limit: Math.min(1000, MAX_AUDIT_EXPORT_ROWS - offset) });
      rows.push(...page.items);
      if (page.items.length < 1000) break;
    }
    return new Response(toCsv(CSV_COLUMNS, rows), {
      status: 200,
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="nhat-ky-quan-tri.csv"', 'cache-control': 'no-store' },
    }) as never;
  });

  return routes;
}
