/**
 * @module catalogue-routes — the public procedure catalogue (danh mục thủ tục hành chính): `GET /api/catalogue` lists
 * the current deployed version of every procedure with what intake needs — name, national code, statutory deadline,
 * lead agency, supplement policy, legal basis, the e-form's JSON Schema (parsed) and the required components — and
 * `GET /api/catalogue/{key}` answers one. The counter and the citizen portal pick a procedure from it. `?q=` matches
 * the name or the code without regard to case or Vietnamese diacritics; a signed-in official sees the procedures of
 * their own agency first. No dossier data: anyone may read it.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ProcedureDefinition } from '../../../engine/src/index';
import type { ProcedureRecord, ProcedureStore } from '../stores';
import type { AgencyStore } from '../access/agency-store';
import type { Principal } from '../access/principal';
import { foldSearchText } from '../dossiers/fold-search-text';
import { createApiRouter } from '../http/api-router';
import { HttpProblem } from '../http/http-problem';
import { procedureRetired } from '../procedures/procedure-retired';
import { problem } from './route-schemas';

export interface CatalogueRoutesDeps {
  procedures: ProcedureStore;
  agencies: AgencyStore;
}

const BudgetSchema = z.object({ value: z.number(), unit: z.enum(['workingDays', 'workingHours', 'calendarDays', 'sameDay']) });
const ComponentSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    copyType: z.enum(['original', 'certifiedCopy', 'copy', 'electronic']),
    quantity: z.number().int(),
    required: z.boolean(),
    condition: z.string().optional(),
    legalBasis: z.string().optional(),
  })
  .openapi('RequiredComponent');
const CatalogueEntrySchema = z
  .object({
    key: z.string(),
    version: z.number().int(),
    name: z.string(),
    procedureCode: z.string(),
    statutoryBudget: BudgetSchema.optional(),
    leadAgency: z.object({ id: z.string(), name: z.string() }).optional(),
    supplementPolicy: z.object({ kind: z.enum(['restart', 'pause', 'boundedWait']), waitBudget: BudgetSchema.optional() }),
    legalBasis: z.string().optional(),
    formSchema: z.object({}).passthrough().optional().describe('The e-form as JSON Schema (lt:formSchema), parsed'),
    components: z.array(ComponentSchema),
    /** Whether a step of the route (or the lead) is the signed-in official's agency's; absent for anonymous readers. */
    ownAgency: z.boolean().optional(),
  })
  .openapi('CatalogueEntry');

const KeyParam = z.object({ key: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/) });

const listRoute = createRoute({
  method: 'get',
  path: '/',
  request: {
    query: z.object({
      q: z.string().max(100).optional().describe('Part of the name or the national code; case and diacritics are ignored'),
      limit: z.coerce.number().int().min(1).max(100).default(100),
    }),
  },
  responses: {
    200: {
      description: 'The current version of each matching procedure: the signed-in official\'s agency\'s first, then by name',
      content: { 'application/json': { schema: z.object({ items: z.array(CatalogueEntrySchema), total: z.number().int() }) } },
    },
    400: problem('A query over 100 characters, or a limit over 100'),
  },
});

const oneRoute = createRoute({
  method: 'get',
  path: '/{key}',
  request: { params: KeyParam },
  responses: {
    200: { description: 'The current version of one procedure', content: { 'application/json': { schema: CatalogueEntrySchema } } },
    400: problem('Malformed key'),
    404: problem('No such procedure'),
    409: problem('The procedure is retired and takes no new dossier (PROCEDURE_RETIRED)'),
  },
});

/** Every agency a step, lane or process of the route is assigned to, with the lead agency. */
function agenciesOf(definition: ProcedureDefinition): Set<string> {
  const found = new Set<string>();
  if (definition.procedure?.leadAgencyId) found.add(definition.procedure.leadAgencyId);
  for (const process of definition.processes) {
    if (process.assignment) found.add(process.assignment.agencyId);
    for (const lane of Object.values(process.lanes)) if (lane.assignment) found.add(lane.assignment.agencyId);
    for (const node of Object.values(process.nodes)) if (node.assignment) found.add(node.assignment.agencyId);
  }
  return found;
}

function parseSchema(text: string | undefined): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined; // the parser reported it at deploy; the catalogue shows the procedure without its e-form
  }
}

async function toEntry(record: ProcedureRecord, agencies: AgencyStore, principal: Principal | undefined) {
  const metadata = record.definition.procedure;
  const lead = metadata?.leadAgencyId;
  const formSchema = parseSchema(metadata?.formSchema);
  return {
    key: record.key,
    version: record.version,
    name: record.name,
    procedureCode: record.procedureCode ?? metadata?.procedureCode ?? '',
    ...(metadata?.statutoryBudget ? { statutoryBudget: metadata.statutoryBudget } : {}),
    ...(lead ? { leadAgency: { id: lead, name: (await agencies.get(lead))?.name ?? lead } } : {}),
    supplementPolicy: metadata?.supplementPolicy ?? { kind: 'pause' as const },
    ...(metadata?.legalBasis ? { legalBasis: metadata.legalBasis } : {}),
    ...(formSchema ? { formSchema } : {}),
    components: metadata?.components ?? [],
    ...(principal ? { ownAgency: agenciesOf(record.definition).has(principal.agencyId) } : {}),
  };
}

const notFound = (key: string) => new HttpProblem({ status: 404, code: 'PROCEDURE_NOT_FOUND', title: 'No such procedure', detail: `No procedure with key ${key}` });

export function createCatalogueRoutes(deps: CatalogueRoutesDeps): OpenAPIHono {
  const routes = createApiRouter();
  // Public: the principal is there only when the caller sent a valid token (authenticate lets anonymous callers pass).
  const principalIfAny = (c: Context): Principal | undefined => c.get('principal');

  routes.openapi(listRoute, async (c) => {
    const { q, limit } = c.req.valid('query');
    const principal = principalIfAny(c);
    const needle = q ? foldSearchText(q) : '';
    // A retired procedure takes no new dossier: the counter and the citizen no longer find it here.
    const summaries = (await deps.procedures.listLatest()).filter(
      (summary) => !summary.retirement && (needle === '' || foldSearchText(summary.name).includes(needle) || foldSearchText(summary.procedureCode ?? '').includes(needle)),
    );
    const records = (await Promise.all(summaries.map((summary) => deps.procedures.get(summary.key, summary.version)))).filter((r): r is ProcedureRecord => r !== undefined);
    const entries = await Promise.all(records.map((record) => toEntry(record, deps.agencies, principal)));
    entries.sort((a, b) => Number(b.ownAgency ?? false) - Number(a.ownAgency ?? false) || a.name.localeCompare(b.name, 'vi'));
    return c.json({ items: entries.slice(0, limit), total: entries.length }, 200);
  });

  routes.openapi(oneRoute, async (c) => {
    const { key } = c.req.valid('param');
    const record = await deps.procedures.latest(key);
    if (!record) throw notFound(key);
    if (record.retirement) throw procedureRetired(key, record.retirement);
    return c.json(await toEntry(record, deps.agencies, principalIfAny(c)), 200);
  });

  return routes;
}
