/**
 * @module attachment-routes — dossier attachments over HTTP: upload (multipart/form-data, field `file`, optional
 * `componentCode`) by an official or head of a unit the dossier is routed to; listing and download for whoever may
 * read the dossier. Every refusal is a problem, checked before anything is stored: 413 too large (per file, per
 * dossier), 415 type not allowed (extension and magic bytes), 404, 403.
 */
import { Readable } from 'node:stream';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Clock } from '../../../engine/src/index';
import type { DossierRecord, DossierStore } from '../stores';
import { assertAllowed, forbidden, principalOf } from '../access/auth-middleware';
import type { Unit } from '../access/authorize';
import { DEFAULT_ATTACHMENT_LIMITS, type AttachmentLimits } from '../attachments/attachment-limits';
import type { AttachmentStore } from '../attachments/attachment-store';
import { storeCheckedUpload } from '../attachments/checked-upload';
import { KeyedMutex } from '../attachments/keyed-mutex';
import { createApiRouter } from '../http/api-router';
import { HttpProblem } from '../http/http-problem';
import { problemResponse } from '../http/problem-schema';
import { validationProblem } from '../http/validation-hook';
import { PageQuery } from './route-schemas';

export interface AttachmentRoutesDeps {
  dossiers: Pick<DossierStore, 'get'>;
  attachments: AttachmentStore;
  clock: Clock;
  limits?: AttachmentLimits;
  /** One upload at a time per dossier; share it with the citizen's uploads so both count against one total. */
  perDossier?: KeyedMutex;
}

/** Where uploads arrive, for the HTTP safety layer's upload routes (their own body limit, no JSON checks). */
export const ATTACHMENT_UPLOAD_PATH = /^\/api\/dossiers\/[^/]+\/attachments$/;

const dossierNotFound = (id: string) =>
  new HttpProblem({ status: 404, code: 'DOSSIER_NOT_FOUND', title: 'No such dossier', detail: `No dossier with id ${id}` });

function resourceOf(dossier: DossierRecord) {
  return { agencyId: dossier.agencyId, routedTo: ((dossier.state as { routedTo?: Unit[] }).routedTo ?? []) };
}

/** RFC 6266 with an RFC 8187 UTF-8 name, and an ASCII fallback for old clients. */
function contentDisposition(filename: string): string {
  const fallback = filename.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

const AttachmentSchema = z
  .object({
    id: z.string(),
    dossierId: z.string(),
    filename: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string().describe('Lower-case hex SHA-256 of the content, as the portal sync carries it'),
    uploadedAt: z.number().int().describe('Epoch milliseconds'),
    uploadedBy: z.string(),
    componentCode: z.string().optional(),
  })
  .openapi('Attachment');
const DossierIdParam = z.object({ id: z.string() });

/** The routes in the OpenAPI document; multipart bodies are checked by hand (size, then type), not by a schema. */
function describeRoutes(routes: ReturnType<typeof createApiRouter>): void {
  const problems = { 403: problemResponse('Not a unit the dossier is routed to'), 404: problemResponse('No such dossier or attachment') };
  routes.openAPIRegistry.registerPath({
    method: 'post',
    path: '/dossiers/{id}/attachments',
    request: {
      params: DossierIdParam,
      body: { content: { 'multipart/form-data': { schema: z.object({ file: z.string().describe('the file (binary)'), componentCode: z.string().optional() }) } } },
    },
    responses: {
      201: { description: 'Stored, with its size and SHA-256', content: { 'application/json': { schema: AttachmentSchema } } },
      ...problems,
      413: problemResponse('Larger than 20 MB, or the dossier would pass 100 MB'),
      415: problemResponse('Not PDF, JPEG, PNG, DOCX, XLSX or XML by extension and content'),
    },
  });
  routes.openAPIRegistry.registerPath({
    method: 'get',
    path: '/dossiers/{id}/attachments',
    request: { params: DossierIdParam, query: PageQuery },
    responses: {
      200: { description: 'Oldest first, at most 100 a page', content: { 'application/json': { schema: z.object({ items: z.array(AttachmentSchema), total: z.number().int() }) } } },
      400: problemResponse('A malformed page, or a limit over 100'),
      ...problems,
    },
  });
  routes.openAPIRegistry.registerPath({
    method: 'get',
    path: '/attachments/{id}',
    request: { params: DossierIdParam },
    responses: { 200: { description: 'The content, with Content-Disposition and Repr-Digest' }, ...problems },
  });
}

export function createAttachmentRoutes(deps: AttachmentRoutesDeps) {
  const limits = deps.limits ?? DEFAULT_ATTACHMENT_LIMITS;
  const routes = createApiRouter();
  const perDossier = deps.perDossier ?? new KeyedMutex();
  describeRoutes(routes);

  async function readableDossier(c: Context, id: string): Promise<DossierRecord> {
    const principal = principalOf(c);
    const dossier = await deps.dossiers.get(id);
    if (!dossier) throw dossierNotFound(id);
    assertAllowed(principal, 'dossier.read', resourceOf(dossier));
    return dossier;
  }

  routes.post('/dossiers/:id/attachments', async (c) => {
    const principal = principalOf(c);
    const dossier = await readableDossier(c, c.req.param('id'));
    if (principal.role !== 'official' && principal.role !== 'headOfUnit') throw forbidden('Only officials of a unit the dossier is routed to add attachments.');
    const info = await storeCheckedUpload(c, { attachments: deps.attachments, limits, perDossier }, {
      dossierId: dossier.id,
      uploadedAt: deps.clock.now(),
      uploadedBy: principal.userId,
      componentCode: (value) => value?.slice(0, 100),
    });
    c.header('location', `/api/attachments/${encodeURIComponent(info.id)}`);
    return c.json(info, 201);
  });

  routes.get('/dossiers/:id/attachments', async (c) => {
    const dossier = await readableDossier(c, c.req.param('id'));
    const page = PageQuery.safeParse(c.req.query());
    if (!page.success) throw validationProblem('query', page.error.issues);
    const { offset, limit } = page.data;
    const all = await deps.attachments.listByDossier(dossier.id);
    return c.json({ items: all.slice(offset, offset + limit), total: all.length });
  });

  routes.get('/attachments/:id', async (c) => {
    const id = c.req.param('id');
    const notFound = new HttpProblem({ status: 404, code: 'ATTACHMENT_NOT_FOUND', title: 'No such attachment', detail: `No attachment with id ${id}` });
    principalOf(c);
    const info = await deps.attachments.info(id);
    if (!info) throw notFound;
    await readableDossier(c, info.dossierId);
    const found = await deps.attachments.get(id);
    if (!found) throw notFound;
    const body = Readable.toWeb(Readable.from(found.content)) as ReadableStream<Uint8Array>;
    return new Response(body, {
      status: 200,
      headers: {
        'content-type': info.contentType,
        'content-length': String(info.size),
        'content-disposition': contentDisposition(info.filename),
        // RFC 9530: lets the client check what it received against the hash the portal sync carries.
        'repr-digest': `sha-256=:${Buffer.from(info.sha256, 'hex').toString('base64')}:`,
        etag: `"${info.sha256}"`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      },
    });
  });

  return routes;
}
