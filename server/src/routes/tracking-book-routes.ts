/**
 * @module tracking-book-routes — `GET /api/agencies/{id}/tracking-book` and `…/tracking-book/pdf`: form 06 of
 * Circular 01/2018/TT-VPCP, the dossier tracking book of an agency's one-stop section over a period (at most a year,
 * at most 2,000 dossiers), as printable HTML or PDF/A, for those who read that agency's dossiers.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Clock } from '../../../engine/src/index';
import { assertAllowed, principalOf } from '../access/auth-middleware';
import type { AgencyStore } from '../access/agency-store';
import { toDocumentResponse, toPdfResponse } from '../documents/document-response';
import { toDossierTrackingBookContent, type TrackingBookEntry } from '../documents/dossier-tracking-book';
import { renderFormPage } from '../documents/form-page';
import { formContentDigest, toFormPdf } from '../documents/form-pdf';
import { createApiRouter } from '../http/api-router';
import { HttpProblem } from '../http/http-problem';
import type { Stores } from '../stores';
import { problem } from './route-schemas';

const DAY_MS = 86_400_000;
const MAX_PERIOD_MS = 366 * DAY_MS;
const MAX_ROWS = 2_000;

const request = {
  params: z.object({ id: z.string().min(1).max(200) }),
  query: z.object({
    /** ISO 8601 instants; the last 7 days by default. */
    from: z.string().datetime({ offset: true }).optional(),
    to: z.string().datetime({ offset: true }).optional(),
  }),
};
const refusals = {
  400: problem('A period longer than a year or ending before it starts'),
  401: problem('Not signed in'),
  403: problem('Not your agency'),
  413: problem('More than 2,000 dossiers in the period'),
};

const htmlRoute = createRoute({
  method: 'get',
  path: '/{id}/tracking-book',
  request,
  responses: { 200: { description: 'Form 06 as printable HTML', content: { 'text/html': { schema: z.string() } } }, ...refusals },
});

const pdfRoute = createRoute({
  method: 'get',
  path: '/{id}/tracking-book/pdf',
  request,
  responses: { 200: { description: 'Form 06 as PDF/A-2b', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } }, ...refusals },
});

interface Deps {
  stores: Stores;
  agencies: AgencyStore;
  clock: Clock;
}

async function contentOf(deps: Deps, agencyId: string, query: { from?: string; to?: string }) {
  const to = query.to ? Date.parse(query.to) : deps.clock.now();
  const from = query.from ? Date.parse(query.from) : to - 7 * DAY_MS;
  if (to < from || to - from > MAX_PERIOD_MS) throw new HttpProblem({ status: 400, code: 'PERIOD_INVALID', title: 'Khoảng thời gian phải từ 0 đến 366 ngày.' });
  const page = await deps.stores.dossiers.list({ agencyId, receivedFrom: from, receivedTo: to }, { offset: 0, limit: MAX_ROWS });
  if (page.total > MAX_ROWS) throw new HttpProblem({ status: 413, code: 'TOO_MANY_DOSSIERS', title: `Quá ${MAX_ROWS} hồ sơ trong khoảng thời gian; hãy chọn khoảng ngắn hơn.` });
  const names = new Map<string, string>();
  const agencyName = async (id: string) => {
    if (!names.has(id)) names.set(id, (await deps.agencies.get(id))?.name ?? id);
    return names.get(id)!;
  };
  const entries: TrackingBookEntry[] = [];
  for (const dossier of [...page.items].sort((a, b) => (a.receivedAt ?? 0) - (b.receivedAt ?? 0))) {
    if (dossier.receivedAt === undefined) continue;
    const procedure = await deps.stores.procedures.get(dossier.procedureKey, dossier.procedureVersion);
    entries.push({
      dossierCode: dossier.dossierCode,
      procedureName: procedure?.name ?? dossier.procedureKey,
      applicant: { name: dossier.applicant.name, ...(dossier.applicant.address ? { address: dossier.applicant.address } : {}), ...(dossier.applicant.phone ? { phone: dossier.applicant.phone } : {}) },
      leadAgency: await agencyName(procedure?.definition.procedure?.leadAgencyId ?? dossier.agencyId),
      receivedAt: dossier.receivedAt,
      appointmentAt: dossier.appointmentAt ?? dossier.receivedAt,
      ...(dossier.returnedAt !== undefined ? { returnedAt: dossier.returnedAt } : {}),
    });
  }
  return toDossierTrackingBookContent({ agency: { name: await agencyName(agencyId) }, place: 'Demo', issuedAt: deps.clock.now(), period: { from, to }, entries });
}

export function createTrackingBookRoutes(deps: Deps): OpenAPIHono {
  const routes = createApiRouter();
  const handler = (pdf: boolean) =>
    (async (c: Parameters<typeof principalOf>[0]) => {
      const req = c.req as unknown as { valid(t: 'param'): { id: string }; valid(t: 'query'): { from?: string; to?: string } };
      const { id } = req.valid('param');
      assertAllowed(principalOf(c), 'dossier.read', { agencyId: id });
      const content = await contentOf(deps, id, req.valid('query'));
      return pdf ? toPdfResponse(await toFormPdf(content), { fileName: `so-theo-doi-ho-so-${id}.pdf`, contentDigest: formContentDigest(content) }) : toDocumentResponse(renderFormPage(content));
    }) as never;
  routes.openapi(htmlRoute, handler(false));
  routes.openapi(pdfRoute, handler(true));
  return routes;
}
