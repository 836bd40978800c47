/**
 * @module procedure-routes — upload, validate and deploy BPMN procedures as new versions; list versions; fetch the
 * XML and metadata. Running dossiers stay on the version they started with (they store procedureVersion).
 *
 * A procedure the law abolishes or replaces (a decision publishing the list of procedures, Decree 63/2010/NĐ-CP
 * Art. 15 as amended *(verify)*) is retired with a reason, and can be restored: the whole key at once, every version,
 * since what is abolished is the procedure, not one drawing of it; and a new dossier always starts on the latest
 * version, so retiring only that one would let none start anyway, while leaving the list to say otherwise. A retired
 * procedure takes no new dossier (receive-dossier.ts `pinProcedure`), leaves the catalogue, stays listed here with its
 * retirement; dossiers under way go on to the end. A new version is not deployed over a retirement: restore first.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { createApiRouter } from '../http/api-router';
import { parseProcedure, validateBudgets, type Clock, type ProcedureDefinition, type ValidationIssue } from '../../../engine/src/index';
import type { ProcedureRetirement, ProcedureStore, Stores } from '../stores';
import { loadDeployedCallees } from '../procedures/deployed-callees';
import { procedureRetired } from '../procedures/procedure-retired';
import { HttpProblem } from '../http/http-problem';
import { recordAdministration } from '../audit/admin-audit-trail';
import { formSchemaIssues } from '../dossiers/validate-form';
import { loadDirectory, routingCoverageIssues } from '../access/routing-coverage';
import type { AgencyStore } from '../access/agency-store';
import type { UserStore } from '../access/user-store';

export interface ProcedureRouteDeps {
  procedures: ProcedureStore;
  clock: Clock;
  /** The directory every user task's unit must reach (`access/routing-coverage.ts`). */
  directory: { agencies: AgencyStore; users: UserStore };
  /** Who is deploying (the signed-in analyst); 'anonymous' only in tests that do not sign in. */
  actorOf(c: { get(key: never): unknown }): string;
  /** A unit of work over the procedures, so a retirement and its audit record commit together; without it they are written one after the other. */
  transaction?: Stores['transaction'];
}

/** Largest BPMN document accepted (bytes of XML text). Real procedure models are a few hundred KB at most. */
export const MAX_PROCEDURE_XML_BYTES = 2 * 1024 * 1024;

const IssueSchema = z
  .object({
    elementId: z.string(),
    code: z.string(),
    message: z.string(),
    severity: z.enum(['error', 'warning']),
    variant: z.string().optional().describe('Which of the code’s findings (a budget overrun: statutory, extended, share, unchecked)'),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional().describe('The finding’s figures (working days as numbers), for wording it in another language'),
  })
  .openapi('ValidationIssue');
const SummarySchema = z
  .object({
    key: z.string(),
    version: z.number().int(),
    name: z.string(),
    procedureCode: z.string().optional(),
    deployedAt: z.string().describe('ISO 8601 instant'),
    deployedBy: z.string(),
    deployedByName: z.string().optional().describe('The display name of the analyst who deployed it, from the directory'),
    retirement: z
      .object({ at: z.string().describe('ISO 8601 instant'), by: z.string(), byName: z.string().optional(), reason: z.string() })
      .optional()
      .describe('Present while the procedure is retired ("Đã ngừng áp dụng"): it accepts no new dossier'),
  })
  .openapi('ProcedureSummary');
const VersionSchema = SummarySchema.extend({ xml: z.string() }).openapi('ProcedureVersion');
const KeySchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'lower-case letters, digits and dashes, 2–64 characters');
const XmlSchema = z.string().min(1).max(MAX_PROCEDURE_XML_BYTES);
const ProblemSchema = z.object({ type: z.string(), title: z.string(), status: z.number(), code: z.string(), detail: z.string().optional() }).passthrough().openapi('Problem');
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ProblemSchema } } });

const validateRoute = createRoute({
  method: 'post',
  path: '/validate',
  request: { body: { required: true, content: { 'application/json': { schema: z.object({ xml: XmlSchema }) } } } },
  responses: {
    200: { description: 'Every validation issue at once', content: { 'application/json': { schema: z.object({ valid: z.boolean(), issues: z.array(IssueSchema) }) } } },
    400: problem('Malformed request'),
  },
});

const deployRoute = createRoute({
  method: 'post',
  path: '/',
  request: { body: { required: true, content: { 'application/json': { schema: z.object({ key: KeySchema, xml: XmlSchema }) } } } },
  responses: {
    201: { description: 'Deployed as a new version', content: { 'application/json': { schema: SummarySchema } } },
    400: problem('Malformed request'),
    409: problem('The procedure is retired (PROCEDURE_RETIRED): restore it before deploying a new version'),
    422: problem('The model has errors; `issues` lists every one'),
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/',
  responses: { 200: { description: 'Latest version of every procedure', content: { 'application/json': { schema: z.array(SummarySchema) } } } },
});

const versionsRoute = createRoute({
  method: 'get',
  path: '/{key}/versions',
  request: { params: z.object({ key: KeySchema }) },
  responses: {
    200: { description: 'Every version, newest first', content: { 'application/json': { schema: z.array(SummarySchema) } } },
    404: problem('No such procedure'),
  },
});

const versionRoute = createRoute({
  method: 'get',
  path: '/{key}/versions/{version}',
  request: { params: z.object({ key: KeySchema, version: z.coerce.number().int().positive() }) },
  responses: {
    200: { description: 'One version with its XML', content: { 'application/json': { schema: VersionSchema } } },
    404: problem('No such procedure version'),
  },
});

const retireRoute = createRoute({
  method: 'put',
  path: '/{key}/retirement',
  request: {
    params: z.object({ key: KeySchema }),
    body: { required: true, content: { 'application/json': { schema: z.object({ reason: z.string().trim().min(1).max(2000).describe('Why, e.g. the decision that abolished it') }) } } },
  },
  responses: {
    200: { description: 'Retired (or its reason changed): the latest version with its retirement', content: { 'application/json': { schema: SummarySchema } } },
    400: problem('Malformed request'),
    404: problem('No such procedure'),
  },
});

const restoreRoute = createRoute({
  method: 'delete',
  path: '/{key}/retirement',
  request: { params: z.object({ key: KeySchema }) },
  responses: {
    200: { description: 'In use again (or was not retired): the latest version', content: { 'application/json': { schema: SummarySchema } } },
    404: problem('No such procedure'),
  },
});

const iso = (at: number): string => new Date(at).toISOString();
const summary = (r: { key: string; version: number; name: string; procedureCode?: string; deployedAt: number; deployedBy: string; retirement?: ProcedureRetirement }) => ({
  key: r.key,
  version: r.version,
  name: r.name,
  ...(r.procedureCode ? { procedureCode: r.procedureCode } : {}),
  deployedAt: iso(r.deployedAt),
  deployedBy: r.deployedBy,
  ...(r.retirement ? { retirement: { at: iso(r.retirement.at), by: r.retirement.by, reason: r.retirement.reason } } : {}),
});

const procedureNotFound = (key: string) => new HttpProblem({ status: 404, code: 'PROCEDURE_NOT_FOUND', title: 'No such procedure', detail: `No procedure with key ${key}` });

function invalid(issues: ValidationIssue[]): HttpProblem {
  const errors = issues.filter((issue) => issue.severity === 'error');
  return new HttpProblem({
    status: 422,
    code: 'PROCEDURE_INVALID',
    title: 'The procedure model has errors',
    detail: `${errors.length} error(s): ${errors.slice(0, 3).map((issue) => issue.message).join('; ')}${errors.length > 3 ? '; …' : ''}`,
    extensions: { issues },
  });
}

export function createProcedureRoutes(deps: ProcedureRouteDeps): OpenAPIHono {
  const routes = createApiRouter();
  /** The rules that need the server: e-form schemas it can compile, units with people to act (issue 16). */
  const serverIssues = async (definition: ProcedureDefinition): Promise<ValidationIssue[]> => [
    ...formSchemaIssues(definition),
    ...routingCoverageIssues(definition, await loadDirectory(deps.directory)),
  ];
  /**
   * The parser's issues with the budget rule run again knowing the deployed procedures the call activities name, then
   * the server's own rules. Without them a call to a deployed procedure would count 0 days.
   */
  const allIssues = async (xml: string) => {
    const parsed = await parseProcedure(xml);
    const { definition } = parsed;
    if (!definition) return { definition, issues: parsed.issues };
    const budgets = validateBudgets(definition, { deployed: await loadDeployedCallees(definition, deps.procedures) });
    const issues = [...parsed.issues.filter((issue) => !issue.code.startsWith('BUDGET_EXCEEDS_')), ...budgets, ...(await serverIssues(definition))];
    return { definition, issues };
  };

  routes.openapi(validateRoute, async (c) => {
    const { xml } = c.req.valid('json');
    const { issues } = await allIssues(xml);
    return c.json({ valid: !issues.some((issue) => issue.severity === 'error'), issues }, 200);
  });

  routes.openapi(deployRoute, async (c) => {
    const { key, xml } = c.req.valid('json');
    const { definition, issues } = await allIssues(xml);
    if (!definition || issues.some((issue) => issue.severity === 'error')) throw invalid(issues);
    const retirement = (await deps.procedures.latest(key))?.retirement;
    if (retirement) throw procedureRetired(key, retirement);
    const record = await deps.procedures.deploy({
      key,
      procedureCode: definition.procedure?.procedureCode,
      name: definition.procedure?.name ?? definition.name ?? definition.processes[0]?.name ?? key,
      xml,
      definition,
      deployedAt: deps.clock.now(),
      deployedBy: deps.actorOf(c as never),
    });
    await recordAdministration(c, { action: 'procedure.deployed', target: { kind: 'procedure', id: `${record.key}@${record.version}` }, after: summary(record) });
    return c.json(summary(record), 201);
  });

  /** Each summary with the name of who deployed it (the directory's display name; none for a user since removed). */
  const named = async (records: Parameters<typeof summary>[0][]) => {
    const names = new Map<string, string | undefined>();
    for (const id of new Set(records.map((record) => record.deployedBy))) names.set(id, (await deps.directory.users.get(id))?.displayName);
    for (const id of new Set(records.flatMap((record) => (record.retirement ? [record.retirement.by] : [])))) {
      if (!names.has(id)) names.set(id, (await deps.directory.users.get(id))?.displayName);
    }
    return records.map((record) => {
      const name = names.get(record.deployedBy);
      const listed = { ...summary(record), ...(name ? { deployedByName: name } : {}) };
      const retiredBy = record.retirement && names.get(record.retirement.by);
      return listed.retirement && retiredBy ? { ...listed, retirement: { ...listed.retirement, byName: retiredBy } } : listed;
    });
  };

  routes.openapi(listRoute, async (c) => c.json(await named(await deps.procedures.listLatest()), 200));

  routes.openapi(versionsRoute, async (c) => {
    const { key } = c.req.valid('param');
    const versions = await deps.procedures.listVersions(key);
    if (versions.length === 0) throw procedureNotFound(key);
    return c.json(await named(versions), 200);
  });

  routes.openapi(versionRoute, async (c) => {
    const { key, version } = c.req.valid('param');
    const record = await deps.procedures.get(key, version);
    if (!record) throw new HttpProblem({ status: 404, code: 'PROCEDURE_NOT_FOUND', title: 'No such procedure version', detail: `No version ${version} of ${key}` });
    return c.json({ ...(await named([record]))[0]!, xml: record.xml }, 200);
  });

  /** Sets or clears the retirement of every version of `key`, with its audit record; the latest version after. */
  const changeRetirement = async (c: Parameters<typeof recordAdministration>[0], key: string, retirement: ProcedureRetirement | undefined) => {
    const before = await deps.procedures.latest(key);
    if (!before) throw procedureNotFound(key);
    // Restoring what is in use changes nothing and leaves no record; a new reason is a change.
    if (!retirement && !before.retirement) return before;
    const after = { ...before, ...(retirement ? { retirement } : {}) };
    if (!retirement) delete after.retirement;
    const change = { action: retirement ? 'procedure.retired' : 'procedure.restored', target: { kind: 'procedure', id: key }, before: summary(before), after: summary(after) } as const;
    if (deps.transaction) {
      await deps.transaction(async (tx) => {
        await tx.procedures.setRetirement(key, retirement);
        await recordAdministration(c, change, tx.unit);
      });
    } else {
      await deps.procedures.setRetirement(key, retirement);
      await recordAdministration(c, change);
    }
    return after;
  };

  routes.openapi(retireRoute, async (c) => {
    const { key } = c.req.valid('param');
    const { reason } = c.req.valid('json');
    const after = await changeRetirement(c as never, key, { at: deps.clock.now(), by: deps.actorOf(c as never), reason });
    return c.json((await named([after]))[0]!, 200);
  });

  routes.openapi(restoreRoute, async (c) => {
    const { key } = c.req.valid('param');
    const after = await changeRetirement(c as never, key, undefined);
    return c.json((await named([after]))[0]!, 200);
  });

  return routes;
}
