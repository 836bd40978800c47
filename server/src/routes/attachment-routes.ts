/**
 * @module attachment-routes — dossier attachments over HTTP: upload (multipart/form-data, field `file`, optional
 * `componentCode`) by an official or head of a unit the dossier is routed to; listing and download for whoever may
 * read the dossier. Every refusal is a problem, checked before anything is stored: 413 too large (per file, per
 * dossier), 415 type not allowed (extension and magic bytes), 404, 403. A PDF's signatures are checked on upload (the verdict
 * is kept beside it; a result, `kind=result`, must verify or is refused) and again on download (upload-signature-check.ts).
 */
import { Readable } from 'node:stream';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Clock } from '../../../engine/src/index';
import type { DossierRecord, DossierStore } from '../stores';
import { assertAllowed, forbidden, principalOf } from '../access/auth-middleware';
import type { Unit } from '../access/authorize';
import { DEFAULT_ATTACHMENT_LIMITS, type AttachmentLimits } from '../attachments/attachment-limits';
import { attachmentBytes } from '../attachments/attachment-bytes';
import type { AttachmentStore } from '../attachments/attachment-store';
import { storeCheckedUpload } from '../attachments/checked-upload';
import { KeyedMutex } from '../attachments/keyed-mutex';
import { createApiRouter } from '../http/api-router';
import { HttpProblem } from '../http/http-problem';
import { SignatureError } from '../signatures/signature-error';
import { problemResponse } from '../http/problem-schema';
import { validationProblem } from '../http/validation-hook';
import type { SigningDeps } from '../signatures/signing-deps';
import { inspectUploadedSignatures, storedVerdictOf } from '../signatures/upload-signature-check';
import { verifyPdfSignatures } from '../signatures/verify-pdf-signatures';
import { PageQuery } from './route-schemas';

export interface AttachmentRoutesDeps {
  dossiers: Pick<DossierStore, 'get'>;
  attachments: AttachmentStore;
  clock: Clock;
  limits?: AttachmentLimits;
  /** One upload at a time per dossier; share it with the citizen's uploads so both count against one total. */
  perDossier?: KeyedMutex;
  /** Ký số: the trust list a PDF's signatures are checked against on upload and on download; none, no check. */
  signing?: SigningDeps;
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

/** The verdict on a PDF's signatures: valid or not, the Vietnamese reason, and each signature's signer and time. */
export const SignatureVerdictSchema = z
  .object({
    valid: z.boolean(),
    code: z.string().optional(),
    message: z.string(),
    signatures: z.array(z.object({ valid: z.boolean(), code: z.string().optional(), message: z.string(), signer: z.string().optional(), signingTime: z.string().optional() })),
    checkedAt: z.number().int().describe('Epoch milliseconds'),
  })
  .openapi('SignatureVerdict');

export const AttachmentSchema = z
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
    kind: z.enum(['result']).optional().describe('result: the dossier\'s signed result (kết quả giải quyết)'),
    signature: SignatureVerdictSchema.optional().describe('A signed PDF: the verdict on its signatures when it was stored'),
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
      body: {
        content: {
          'multipart/form-data': {
            schema: z.object({
              file: z.string().describe('the file (binary)'),
              componentCode: z.string().optional(),
              kind: z.enum(['result']).optional().describe('result: the dossier\'s result, a PDF whose signatures must verify'),
            }),
          },
        },
      },
    },
    responses: {
      201: { description: 'Stored, with its size and SHA-256', content: { 'application/json': { schema: AttachmentSchema } } },
      ...problems,
      413: problemResponse('Larger than 20 MB, or the dossier would pass 100 MB'),
      415: problemResponse('Not PDF, JPEG, PNG, DOCX, XLSX or XML by extension and content'),
      422: problemResponse('A result whose signatures do not verify (tampered, expired certificate, untrusted issuer) or that is not signed'),
    },
  });
  routes.openAPIRegistry.registerPath({
    method: 'get',
    path: '/attachments/{id}/signatures',
    request: { params: DossierIdParam },
    responses: {
      200: { description: 'The verdict on the PDF\'s signatures, checked now against the trust list (NOT_SIGNED when it has none)', content: { 'application/json': { schema: SignatureVerdictSchema } } },
      ...problems,
      409: problemResponse('Not a PDF'),
      503: problemResponse('Signing is not configured on this server'),
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
    responses: { 200: { description: 'The content, with Content-Disposition and Repr-Digest; a signed PDF with X-Signature-Valid (and X-Signature-Code) as checked now' }, ...problems },
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
      inspect: inspectUploadedSignatures(deps.signing, deps.clock.now(), { resultAllowed: true }),
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

  // Verified on download too: the file as stored now, against the trust list as configured now.
  routes.get('/attachments/:id/signatures', async (c) => {
    const id = c.req.param('id');
    principalOf(c);
    const info = await deps.attachments.info(id);
    if (!info) throw new HttpProblem({ status: 404, code: 'ATTACHMENT_NOT_FOUND', title: 'No such attachment', detail: `No attachment with id ${id}` });
    await readableDossier(c, info.dossierId);
    if (!deps.signing) throw new SignatureError({ code: 'SIGNING_NOT_CONFIGURED', message: 'Máy chủ chưa được cấu hình ký số.' });
    const content = info.contentType === 'application/pdf' ? await attachmentBytes(deps.attachments, id) : undefined;
    if (!content) throw new HttpProblem({ status: 409, code: 'NOT_A_PDF', title: 'Chỉ kiểm tra được chữ ký số của tệp PDF.' });
    const now = deps.clock.now();
    const report = verifyPdfSignatures(content, { trustAnchors: deps.signing.trustAnchors, now: new Date(now) });
    c.header('cache-control', 'private, no-store');
    return c.json({ ...report, checkedAt: now }, 200);
  });

  routes.get('/attachments/:id', async (c) => {
    const id = c.req.param('id');
    const notFound = new HttpProblem({ status: 404, code: 'ATTACHMENT_NOT_FOUND', title: 'No such attachment', detail: `No attachment with id ${id}` });
    principalOf(c);
    const info = await deps.attachments.info(id);
    if (!info) throw notFound;
    await readableDossier(c, info.dossierId);
    // A signed PDF is checked again as it leaves, and the verdict goes with it (the dossier page and the citizen read it).
    const signedBytes = info.signature && deps.signing ? await attachmentBytes(deps.attachments, id) : undefined;
    const verdict = signedBytes && storedVerdictOf(signedBytes, deps.signing, deps.clock.now());
    const found = signedBytes ? { content: [new Uint8Array(signedBytes)] } : await deps.attachments.get(id);
    if (!found) throw notFound;
    const body = Readable.toWeb(Readable.from(found.content)) as ReadableStream<Uint8Array>;
    return new Response(body, {
      status: 200,
      headers: {
        ...(verdict ? { 'x-signature-valid': String(verdict.valid), ...(verdict.code ? { 'x-signature-code': verdict.code } : {}) } : {}),
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
