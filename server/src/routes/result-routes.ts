/**
 * @module result-routes — the dossier's result (kết quả giải quyết thủ tục hành chính) as a signed electronic document
 * (Decree 45/2020/NĐ-CP; Law on Electronic Transactions 2023): `GET /api/dossiers/{id}/result/pdf` draws it from the
 * procedure's declaration and the dossier (result-document.ts) for the official to read before signing, and
 * `POST /api/dossiers/{id}/result` signs it (their certificate or the remote signing service), verifies the
 * signature against the trust list and keeps the signed PDF as the dossier's result, with the verdict beside it. The
 * citizen downloads it from the lookup (lookup-result-routes.ts). An official may also upload a result signed
 * elsewhere (`kind=result` on the attachment upload), refused unless its signatures verify.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { DossierRecord } from '../stores';
import { assertAllowed, principalOf } from '../access/auth-middleware';
import type { AgencyStore } from '../access/agency-store';
import type { AttachmentStore } from '../attachments/attachment-store';
import { toPdfResponse } from '../documents/document-response';
import { formContentDigest, toFormPdf } from '../documents/form-pdf';
import { toResultDocumentContent } from '../documents/result-document';
import type { DossierDeps } from '../dossiers/dossier-deps';
import { dossierNotFound } from '../dossiers/run-dossier-change';
import { createApiRouter } from '../http/api-router';
import { HttpProblem } from '../http/http-problem';
import { createOfficialSigner } from '../signatures/create-official-signer';
import { signPdf } from '../signatures/sign-pdf';
import { SignatureError } from '../signatures/signature-error';
import { SIGNING_LIMITS, type SigningDeps } from '../signatures/signing-deps';
import { assertValidResult, storedVerdictOf } from '../signatures/upload-signature-check';
import { AttachmentSchema } from './attachment-routes';
import { assertMayActOnDossier, dossierResource } from './dossier-access';
import { problem } from './route-schemas';

/** In process (4) or finished (9): the last unit issues the result before the counter hands it over. */
const RESULT_STATUSES = new Set([4, 9]);
const IdParam = z.object({ id: z.string().min(1).max(200) });

const draftRoute = createRoute({
  method: 'get',
  path: '/{id}/result/pdf',
  request: { params: IdParam },
  responses: {
    200: { description: 'The result as PDF/A-2b, not signed yet: what the official reads before signing', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } },
    401: problem('Not signed in'),
    403: problem('Not routed to your unit'),
    404: problem('No such dossier'),
    409: problem('The dossier is not in process or finished'),
  },
});

const signRoute = createRoute({
  method: 'post',
  path: '/{id}/result',
  request: {
    params: IdParam,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({ signWith: z.enum(['certificate', 'remote']), credentialId: z.string().min(1).max(200).optional() }),
        },
      },
    },
  },
  responses: {
    201: { description: 'The signed result, kept as the dossier\'s result, with the verdict on its signature', content: { 'application/json': { schema: AttachmentSchema } } },
    401: problem('Not signed in'),
    403: problem('Not routed to your unit'),
    404: problem('No such dossier'),
    409: problem('The dossier is not in process or finished, or no certificate was uploaded'),
    422: problem('The signature does not verify: certificate expired or untrusted'),
    502: problem('The remote signing service did not sign'),
    503: problem('Signing is not configured on this server'),
  },
});

export interface ResultRoutesDeps extends DossierDeps {
  agencies: AgencyStore;
  attachments: AttachmentStore;
  signing?: SigningDeps;
}

function notAvailable(dossier: DossierRecord): HttpProblem {
  return new HttpProblem({
    status: 409,
    code: 'RESULT_NOT_AVAILABLE',
    title: 'Chưa thể ban hành kết quả.',
    detail: `Hồ sơ ${dossier.dossierCode} đang ở trạng thái ${dossier.status}: kết quả chỉ ban hành khi hồ sơ đang xử lý hoặc đã xử lý xong.`,
  });
}

async function resultPdf(deps: ResultRoutesDeps, dossier: DossierRecord, signerName?: string) {
  const procedure = await deps.stores.procedures.get(dossier.procedureKey, dossier.procedureVersion);
  const metadata = procedure?.definition.procedure;
  const agencyId = metadata?.leadAgencyId ?? dossier.agencyId;
  const agency = { name: (await deps.agencies.get(agencyId))?.name ?? agencyId };
  const content = toResultDocumentContent({
    ...(metadata?.result ? { declaration: metadata.result } : {}),
    agency,
    place: deps.signing?.location ?? 'Việt Nam',
    issuedAt: deps.clock.now(),
    dossierCode: dossier.dossierCode,
    procedure: { name: procedure?.name ?? dossier.procedureKey, code: metadata?.procedureCode ?? '', ...(metadata?.legalBasis ? { legalBasis: metadata.legalBasis } : {}) },
    applicant: dossier.applicant,
    ...(dossier.receivedAt === undefined ? {} : { receivedAt: dossier.receivedAt }),
    form: dossier.form,
    ...(signerName ? { signerName } : {}),
  });
  return { content, pdf: await toFormPdf(content) };
}

export function createResultRoutes(deps: ResultRoutesDeps): OpenAPIHono {
  const routes = createApiRouter();

  async function dossierOf(id: string): Promise<DossierRecord> {
    const dossier = await deps.stores.dossiers.get(id);
    if (!dossier) throw dossierNotFound(id);
    return dossier;
  }

  routes.openapi(draftRoute, (async (c: Parameters<typeof principalOf>[0]) => {
    const { id } = (c.req as unknown as { valid(t: 'param'): { id: string } }).valid('param');
    const dossier = await dossierOf(id);
    assertAllowed(principalOf(c), 'dossier.read', dossierResource(dossier));
    if (!RESULT_STATUSES.has(dossier.status)) throw notAvailable(dossier);
    const { content, pdf } = await resultPdf(deps, dossier);
    return toPdfResponse(pdf, { fileName: `ket-qua-${dossier.dossierCode}-ban-du-thao.pdf`, contentDigest: formContentDigest(content) });
  }) as never);

  routes.openapi(signRoute, (async (c: Parameters<typeof principalOf>[0]) => {
    const req = c.req as unknown as { valid(t: 'param'): { id: string }; valid(t: 'json'): { signWith: 'certificate' | 'remote'; credentialId?: string } };
    const { id } = req.valid('param');
    const body = req.valid('json');
    const principal = principalOf(c);
    const dossier = await dossierOf(id);
    assertMayActOnDossier(principal, dossier);
    if (!deps.signing) throw new SignatureError({ code: 'SIGNING_NOT_CONFIGURED', message: 'Máy chủ chưa được cấu hình ký số.' });
    if (!RESULT_STATUSES.has(dossier.status)) throw notAvailable(dossier);
    const method = body.signWith === 'remote' ? { kind: 'remote' as const, credentialId: body.credentialId ?? principal.userId } : { kind: 'certificate' as const };
    const signer = await createOfficialSigner(deps.signing, principal.userId, method);
    const { content, pdf } = await resultPdf(deps, dossier, principal.displayName);
    const now = deps.clock.now();
    const signed = await signPdf(pdf, {
      signer,
      signingTime: new Date(now),
      reason: `Ký số ${content.title.toLocaleLowerCase('vi')}, hồ sơ ${dossier.dossierCode}`,
      name: principal.displayName,
      location: deps.signing.location,
    });
    // Verified before it is kept: a certificate expired or outside the trust list is refused with its reason.
    const verdict = storedVerdictOf(signed, deps.signing, now);
    assertValidResult(verdict, deps.signing);
    const info = await deps.attachments.put(
      signed,
      { dossierId: dossier.id, filename: `ket-qua-${dossier.dossierCode}.pdf`, contentType: 'application/pdf', uploadedAt: now, uploadedBy: principal.userId, kind: 'result', signature: verdict! },
      { maxBytes: SIGNING_LIMITS.maxPdfBytes },
    );
    c.header('location', `/api/attachments/${encodeURIComponent(info.id)}`);
    return c.json(info, 201);
  }) as never);

  return routes;
}
