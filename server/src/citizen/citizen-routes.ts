/**
 * @module citizen-routes — what a citizen without an account may do to their own dossier, with the token the online
 * submission or the lookup gave them (citizen-tokens.ts, header `X-Citizen-Token`):
 *
 * - `POST /api/citizen/dossiers/{id}/attachments` — upload a component while the dossier is in status 1 (submitted
 *   online, not yet accepted), or a missing component while it is in status 5 (asked to supplement);
 * - `GET  /api/citizen/dossiers/{id}/attachments` — the files the citizen uploaded (names, sizes, SHA-256), nothing else;
 * - `POST /api/citizen/dossiers/{id}/supplements` — "I have supplemented": records the supplement (status 5 → 4) with
 *   the files uploaded since the request, and the clocks resume or restart per the procedure's policy.
 *
 * The token is checked first, by `citizenGate` beside the access gate, before the body is parsed, and a token for
 * another dossier, an expired or forged one and an unknown dossier id all answer the same 401. Then the per-address
 * limit, then the status. Uploads have the
 * counter's limits, types and hashes (checked-upload.ts), and at most `maxFilesPerDossier` come from the citizen.
 * No official route reads this token, and these routes read no session.
 */
import { z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import type { DossierRecord } from '../stores';
import type { AttachmentInfo, AttachmentStore } from '../attachments/attachment-store';
import type { AttachmentLimits } from '../attachments/attachment-limits';
import { storeCheckedUpload } from '../attachments/checked-upload';
import { SignatureVerdictSchema } from '../routes/attachment-routes';
import type { SigningDeps } from '../signatures/signing-deps';
import { inspectUploadedSignatures } from '../signatures/upload-signature-check';
import { KeyedMutex } from '../attachments/keyed-mutex';
import type { Actor, DossierDeps } from '../dossiers/dossier-deps';
import { dossierStateOf, type ReceivedDocument } from '../../../engine/src/index';
import { recordSupplement } from '../dossiers/dossier-commands';
import { createApiRouter } from '../http/api-router';
import { clientAddress, type TrustProxy } from '../http/client-address';
import { HttpProblem } from '../http/http-problem';
import { problemResponse } from '../http/problem-schema';
import { rateLimit } from '../http/rate-limit';
import { RateLimiter } from '../http/rate-limiter';
import { validationProblem } from '../http/validation-hook';
import { CITIZEN_TOKEN_HEADER, type CitizenTokens } from './citizen-tokens';

export interface CitizenLimits {
  /** Citizen uploads and supplements per client address per window; 60 per 10 minutes by default. */
  actions: { limit: number; windowMs: number };
  /** Files a citizen may upload to one dossier, over its whole life; 30 by default. */
  maxFilesPerDossier: number;
}

export const DEFAULT_CITIZEN_LIMITS: CitizenLimits = { actions: { limit: 60, windowMs: 10 * 60_000 }, maxFilesPerDossier: 30 };

export interface CitizenRoutesDeps extends DossierDeps {
  attachments: AttachmentStore;
  attachmentLimits: AttachmentLimits;
  citizenTokens: CitizenTokens;
  limits?: Partial<CitizenLimits>;
  trustProxy?: TrustProxy;
  /** The attachment routes' per-dossier lock, so officials' and citizens' uploads count against one total. */
  perDossier?: KeyedMutex;
  /** Ký số: a signed PDF the citizen uploads is checked against the trust list and kept with its verdict. */
  signing?: SigningDeps;
}

/** Where citizens upload, for the HTTP safety layer's upload routes (multipart, the attachments' size limit). */
export const CITIZEN_UPLOAD_PATH = /^\/api\/citizen\/dossiers\/[^/]+\/attachments$/;

/** Uploaded by the citizen: `uploadedBy` of their files, as the online submission names them. */
const CITIZEN_PREFIX = 'citizen:';
const citizenActor = (dossier: DossierRecord): Actor => ({ id: `${CITIZEN_PREFIX}${dossier.applicant.idNumber}`, name: dossier.applicant.name });
const isCitizens = (attachment: AttachmentInfo) => attachment.uploadedBy.startsWith(CITIZEN_PREFIX);

declare module 'hono' {
  interface ContextVariableMap {
    /** The dossier the citizen's valid token names (set by the citizen routes' guard). */
    citizenDossier?: DossierRecord;
  }
}

function notNow(dossier: DossierRecord, what: string): HttpProblem {
  return new HttpProblem({
    status: 409,
    code: 'CITIZEN_ACTION_NOT_ALLOWED',
    title: 'Not possible in the dossier\'s current status',
    detail: `${what} The dossier is in status ${dossier.status}.`,
    extensions: { status: dossier.status },
  });
}

function componentRefused(detail: string, allowed: string[]): HttpProblem {
  return new HttpProblem({ status: 400, code: 'COMPONENT_UNKNOWN', title: 'Which component is this file?', detail, extensions: { allowed } });
}

const CitizenAttachmentSchema = z
  .object({
    id: z.string(),
    filename: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    uploadedAt: z.number().int(),
    componentCode: z.string().optional(),
    signature: SignatureVerdictSchema.optional().describe('A signed PDF: the verdict on its signatures (a bad one is kept and flagged for the official)'),
  })
  .openapi('CitizenAttachment');
const SupplementBody = z.object({ note: z.string().trim().max(1000).optional() }).strict();

const citizenView = (a: AttachmentInfo) => ({
  id: a.id,
  filename: a.filename,
  contentType: a.contentType,
  size: a.size,
  sha256: a.sha256,
  uploadedAt: a.uploadedAt,
  ...(a.componentCode ? { componentCode: a.componentCode } : {}),
  ...(a.signature ? { signature: a.signature } : {}),
});

function describeRoutes(routes: ReturnType<typeof createApiRouter>): void {
  const params = z.object({ id: z.string() });
  const header = z.object({ [CITIZEN_TOKEN_HEADER]: z.string().describe('The token of the submission or of the lookup') });
  const refusals = { 401: problemResponse('No valid token for this dossier'), 429: problemResponse('Too many uploads from this address') };
  routes.openAPIRegistry.registerPath({
    method: 'post',
    path: '/citizen/dossiers/{id}/attachments',
    request: {
      params,
      headers: header,
      body: { content: { 'multipart/form-data': { schema: z.object({ file: z.string().describe('the file (binary)'), componentCode: z.string().optional() }) } } },
    },
    responses: {
      201: { description: 'Stored, with its size and SHA-256', content: { 'application/json': { schema: CitizenAttachmentSchema } } },
      400: problemResponse('No file, or a component the procedure (status 1) or the supplement request (status 5) does not list'),
      ...refusals,
      409: problemResponse('The dossier is not in status 1 or 5, or the citizen has uploaded as many files as allowed'),
      413: problemResponse('Larger than 20 MB, or the dossier would pass 100 MB'),
      415: problemResponse('Not PDF, JPEG, PNG, DOCX, XLSX or XML by extension and content'),
    },
  });
  routes.openAPIRegistry.registerPath({
    method: 'get',
    path: '/citizen/dossiers/{id}/attachments',
    request: { params, headers: header },
    responses: { 200: { description: 'The files the citizen uploaded, oldest first', content: { 'application/json': { schema: z.object({ items: z.array(CitizenAttachmentSchema) }) } } }, ...refusals },
  });
  routes.openAPIRegistry.registerPath({
    method: 'post',
    path: '/citizen/dossiers/{id}/supplements',
    request: { params, headers: header, body: { content: { 'application/json': { schema: SupplementBody } } } },
    responses: {
      200: { description: 'Recorded: the dossier is back in process (status 4)', content: { 'application/json': { schema: z.object({ dossierCode: z.string(), status: z.number().int() }) } } },
      400: problemResponse('A malformed body'),
      ...refusals,
      409: problemResponse('The dossier is not waiting for a supplement, or no file was uploaded since the request'),
    },
  });
}

const CITIZEN_DOSSIER_PATH = /^\/api\/citizen\/dossiers\/([^/]+)(?:\/|$)/;

/**
 * The citizen routes' gate, run with the access gate (installAccess `citizenGate`) so that nothing about the body,
 * the dossier or the limits is told to a caller without the dossier's token: 401 before the body is parsed.
 */
export function citizenGate(deps: { dossiers: Pick<DossierDeps['stores']['dossiers'], 'get'>; citizenTokens: CitizenTokens }): MiddlewareHandler {
  return async (c, next) => {
    const match = CITIZEN_DOSSIER_PATH.exec(c.req.path);
    if (!match || c.req.method === 'OPTIONS') return next();
    const dossier = await deps.dossiers.get(decodeURIComponent(match[1]!));
    await deps.citizenTokens.verify(c.req.header(CITIZEN_TOKEN_HEADER), dossier);
    c.set('citizenDossier', dossier);
    return next();
  };
}

export function createCitizenRoutes(deps: CitizenRoutesDeps) {
  const limits = { ...DEFAULT_CITIZEN_LIMITS, ...deps.limits };
  const limiter = new RateLimiter({ ...limits.actions, clock: deps.clock });
  const perDossier = deps.perDossier ?? new KeyedMutex();
  const routes = createApiRouter();
  describeRoutes(routes);

  // Mounted without its gate, the routes still check the token themselves.
  const gate = citizenGate({ dossiers: deps.stores.dossiers, citizenTokens: deps.citizenTokens });
  routes.use('/citizen/dossiers/:id/*', (c, next) => (c.get('citizenDossier') ? next() : gate(c, next)));
  const perAddress = rateLimit({ limiter, keyOf: (c) => `citizen:${clientAddress(c, { trustProxy: deps.trustProxy })}` });
  routes.on('POST', '/citizen/dossiers/:id/*', perAddress);

  const dossierOf = (c: Context): DossierRecord => c.get('citizenDossier')!;

  routes.post('/citizen/dossiers/:id/attachments', async (c) => {
    const dossier = dossierOf(c);
    const procedure = await deps.stores.procedures.get(dossier.procedureKey, dossier.procedureVersion);
    const request = dossierStateOf(dossier).supplementRequests?.at(-1);
    let componentCode: (value: string | undefined) => string | undefined;
    if (dossier.status === 1) {
      // The procedure's published components, when it lists them; a file of another component is refused.
      const ids = (procedure?.definition.procedure?.components ?? []).map((component) => component.id);
      componentCode = (value) => {
        if (value !== undefined && ids.length > 0 && !ids.includes(value)) throw componentRefused(`"${value}" is not a component of this procedure.`, ids);
        return value?.slice(0, 200);
      };
    } else if (dossier.status === 5 && request) {
      // Only what form 02 asked for, named as it named it.
      const names = request.missingComponents.map((component) => component.name);
      componentCode = (value) => {
        if (value === undefined || !names.includes(value)) throw componentRefused('Name the missing component this file supplements, as the request lists it.', names);
        return value;
      };
    } else {
      throw notNow(dossier, 'Files are uploaded online while the dossier waits for acceptance (status 1) or for a supplement (status 5).');
    }
    const info = await storeCheckedUpload(c, { attachments: deps.attachments, limits: deps.attachmentLimits, perDossier }, {
      dossierId: dossier.id,
      uploadedAt: deps.clock.now(),
      uploadedBy: citizenActor(dossier).id,
      componentCode,
      // The citizen's signed documents are checked and flagged, never refused: only officials issue the result.
      inspect: inspectUploadedSignatures(deps.signing, deps.clock.now(), { resultAllowed: false }),
      beforeStore: (stored) => {
        if (stored.filter(isCitizens).length >= limits.maxFilesPerDossier) {
          throw new HttpProblem({
            status: 409,
            code: 'ATTACHMENT_COUNT_EXCEEDED',
            title: 'Too many files for this dossier',
            detail: `A citizen may upload at most ${limits.maxFilesPerDossier} files to a dossier.`,
            extensions: { maxFiles: limits.maxFilesPerDossier },
          });
        }
      },
    });
    return c.json(citizenView(info), 201);
  });

  routes.get('/citizen/dossiers/:id/attachments', async (c) => {
    const dossier = dossierOf(c);
    c.header('cache-control', 'no-store');
    return c.json({ items: (await deps.attachments.listByDossier(dossier.id)).filter(isCitizens).map(citizenView) });
  });

  routes.post('/citizen/dossiers/:id/supplements', async (c) => {
    const dossier = dossierOf(c);
    const parsed = SupplementBody.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) throw validationProblem('json', parsed.error.issues);
    const request = dossierStateOf(dossier).supplementRequests?.at(-1);
    if (dossier.status !== 5 || !request) throw notNow(dossier, 'A supplement is recorded while the dossier waits for one (status 5).');
    const files = (await deps.attachments.listByDossier(dossier.id)).filter((a) => isCitizens(a) && a.uploadedAt >= request.at);
    if (files.length === 0) {
      throw new HttpProblem({ status: 409, code: 'SUPPLEMENT_FILES_MISSING', title: 'Nothing uploaded yet', detail: 'Upload the missing components before sending the supplement.' });
    }
    // Form 01's "documents received": one line per component, electronic, with how many files came for it.
    const documents: ReceivedDocument[] = [];
    for (const file of files) {
      const name = file.componentCode ?? file.filename;
      const line = documents.find((document) => document.name === name);
      if (line) line.quantity += 1;
      else documents.push({ name, copyType: 'electronic', quantity: 1 });
    }
    const recorded = await recordSupplement(deps, dossier.id, { documents, ...(parsed.data.note ? { note: parsed.data.note } : {}) }, citizenActor(dossier));
    return c.json({ dossierCode: recorded.dossierCode, status: recorded.status }, 200);
  });

  return routes;
}
