/**
 * @module retention-routes — retention of closed dossiers (issue 18 item 6) under `/api/retention`, for
 * administrators: the dry run (`GET`: per procedure its period, what would expire now, the oldest, the attachments'
 * bytes), a procedure's period and mode (`PUT /policies/{key}`), and an explicit run of one bounded batch
 * (`POST /runs`, repeated by the page until nothing is due). Each change of a period and each run leaves a record in
 * the audit of administration.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { assertAllowed, principalOf } from '../access/auth-middleware';
import { recordAdministration } from '../audit/admin-audit-trail';
import { createApiRouter } from '../http/api-router';
import { HttpProblem } from '../http/http-problem';
import { closedBefore, DEFAULT_RETENTION, policyOf, RETENTION_YEARS } from '../retention/retention-policy';
import { MAX_RETENTION_BATCH, runRetentionBatch, type RetentionDeps } from '../retention/run-retention-batch';
import { jsonBody, problem } from './route-schemas';

const iso = (at: number | undefined) => (at === undefined ? undefined : new Date(at).toISOString());
const ModeSchema = z.enum(['archive', 'purge']).describe('archive: a bundle with its SHA-256 in the archive store, then removed; purge: removed');
const KeyParam = z.object({ key: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/) });

const ProcedureRetentionSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    procedureCode: z.string().optional(),
    years: z.number().int(),
    mode: ModeSchema,
    isDefault: z.boolean().describe('No period of its own: the default applies'),
    setAt: z.string().optional(),
    setBy: z.string().optional(),
    closedBefore: z.string().describe('Closed dossiers whose last change is before this instant are due'),
    due: z.object({ count: z.number().int(), oldestClosedAt: z.string().optional(), attachmentCount: z.number().int(), attachmentBytes: z.number().int() }),
  })
  .openapi('ProcedureRetention');
const ReportSchema = z
  .object({
    generatedAt: z.string(),
    default: z.object({ years: z.number().int(), mode: ModeSchema }),
    procedures: z.array(ProcedureRetentionSchema),
  })
  .openapi('RetentionReport');
const PolicySchema = z.object({ years: z.number().int().min(RETENTION_YEARS.min).max(RETENTION_YEARS.max), mode: ModeSchema });
const ExpiredSchema = z.object({
  dossierCode: z.string(),
  procedureKey: z.string(),
  mode: ModeSchema,
  archive: z.object({ id: z.string(), sha256: z.string(), size: z.number().int() }).optional(),
  attachmentCount: z.number().int(),
  attachmentBytes: z.number().int(),
});

const refusals = { 400: problem('Malformed request'), 401: problem('Not signed in'), 403: problem('Not allowed for your role') };

const reportRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['retention'],
  responses: { 200: { description: 'The dry run: what would expire now, per procedure', content: { 'application/json': { schema: ReportSchema } } }, ...refusals },
});
const policyRoute = createRoute({
  method: 'put',
  path: '/policies/{key}',
  tags: ['retention'],
  request: { params: KeyParam, ...jsonBody(PolicySchema) },
  responses: {
    200: { description: 'The procedure’s period and mode as stored', content: { 'application/json': { schema: PolicySchema.extend({ procedureKey: z.string(), setAt: z.string(), setBy: z.string() }) } } },
    ...refusals,
    404: problem('No procedure with this key (PROCEDURE_NOT_FOUND)'),
  },
});
const runRoute = createRoute({
  method: 'post',
  path: '/runs',
  tags: ['retention'],
  request: jsonBody(z.object({ limit: z.number().int().min(1).max(MAX_RETENTION_BATCH).default(50) })),
  responses: {
    200: { description: 'The dossiers this batch expired, and how many are still due', content: { 'application/json': { schema: z.object({ expired: z.array(ExpiredSchema), remaining: z.number().int() }) } } },
    ...refusals,
    409: problem('A run is already going on in this process (RETENTION_RUNNING), or no retention key is configured (RETENTION_KEY_MISSING)'),
  },
});

/** Mount under `/api/retention`. */
export function createRetentionRoutes(deps: RetentionDeps): OpenAPIHono {
  const routes = createApiRouter();
  let running = false;

  routes.openapi(reportRoute, async (c) => {
    assertAllowed(principalOf(c), 'retention.manage');
    const now = deps.clock.now();
    const policies = await deps.retention.policies();
    const procedures = [];
    for (const procedure of await deps.stores.procedures.listLatest()) {
      const policy = policyOf(policies, procedure.key);
      const own = policies.find((candidate) => candidate.procedureKey === procedure.key);
      const cutoff = closedBefore(now, policy.years);
      const due = await deps.retention.summarizeDue(procedure.key, cutoff);
      procedures.push({
        key: procedure.key,
        name: procedure.name,
        ...(procedure.procedureCode ? { procedureCode: procedure.procedureCode } : {}),
        years: policy.years,
        mode: policy.mode,
        isDefault: policy.isDefault,
        ...(own ? { setAt: iso(own.setAt), setBy: own.setBy } : {}),
        closedBefore: iso(cutoff)!,
        due: { ...due, oldestClosedAt: iso(due.oldestClosedAt) },
      });
    }
    return c.json({ generatedAt: iso(now)!, default: { years: DEFAULT_RETENTION.years, mode: DEFAULT_RETENTION.mode }, procedures }, 200);
  });

  routes.openapi(policyRoute, async (c) => {
    const principal = principalOf(c);
    assertAllowed(principal, 'retention.manage');
    const { key } = c.req.valid('param');
    const { years, mode } = c.req.valid('json');
    if (!(await deps.stores.procedures.latest(key))) throw new HttpProblem({ status: 404, code: 'PROCEDURE_NOT_FOUND', title: 'No such procedure', detail: `No procedure ${key} is deployed.` });
    const before = (await deps.retention.policies()).find((policy) => policy.procedureKey === key);
    const policy = { procedureKey: key, years, mode, setAt: deps.clock.now(), setBy: principal.userId };
    await deps.retention.setPolicy(policy);
    await recordAdministration(c, {
      action: 'procedure.retention_changed',
      target: { kind: 'procedure', id: key },
      before: before ? { years: before.years, mode: before.mode } : { ...DEFAULT_RETENTION, default: true },
      after: { years, mode },
    });
    return c.json({ ...policy, setAt: iso(policy.setAt)! }, 200);
  });

  routes.openapi(runRoute, async (c) => {
    const principal = principalOf(c);
    assertAllowed(principal, 'retention.manage');
    const { limit } = c.req.valid('json');
    // One batch at a time per process: two would race for the same dossiers (each would still be done once).
    if (running) throw new HttpProblem({ status: 409, code: 'RETENTION_RUNNING', title: 'A retention run is going on', detail: 'Wait for the running batch to end.' });
    running = true;
    try {
      const result = await runRetentionBatch(deps, { limit, actorId: principal.userId });
      await recordAdministration(c, {
        action: 'retention.ran',
        target: { kind: 'setting', id: 'retention' },
        after: { expired: result.expired.map((dossier) => ({ dossierCode: dossier.dossierCode, mode: dossier.mode, sha256: dossier.archive?.sha256 })), remaining: result.remaining },
      });
      return c.json(result, 200);
    } finally {
      running = false;
    }
  });

  return routes;
}
