/**
 * @module form-routes — `GET /api/dossiers/{id}/forms/{01..05}`: the forms of Circular 01/2018/TT-VPCP as printable
 * HTML, and `…/forms/{01..05}/pdf` as PDF/A with embedded fonts and the content's SHA-256 digest; both from the same
 * form content (server/src/documents), with the dossier code as a QR code, drawn from the dossier's own records (receipt, supplement requests,
 * refusal, apology letters, hand-overs). A form the dossier has no data for yet is a 409 problem.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { DossierLifecycleContext, StepClockContext } from '../../../engine/src/index';
import type { DossierRecord } from '../stores';
import { assertAllowed, principalOf } from '../access/auth-middleware';
import type { AgencyStore } from '../access/agency-store';
import { toApologyLetterContent } from '../documents/apology-letter';
import { toDocumentResponse, toPdfResponse } from '../documents/document-response';
import type { FormContent } from '../documents/form-content';
import { renderFormPage } from '../documents/form-page';
import { formContentDigest, toFormPdf } from '../documents/form-pdf';
import { toProcessControlSlipContent, type StepResult } from '../documents/process-control-slip';
import { toReceiptSlipContent } from '../documents/receipt-slip';
import { toRefusalNoticeContent } from '../documents/refusal-notice';
import { toSupplementRequestContent } from '../documents/supplement-request';
import { createOfficialSigner } from '../signatures/create-official-signer';
import { signPdf } from '../signatures/sign-pdf';
import { SignatureError } from '../signatures/signature-error';
import type { SigningDeps } from '../signatures/signing-deps';
import { verifyPdfSignatures } from '../signatures/verify-pdf-signatures';
import { createApiRouter } from '../http/api-router';
import { HttpProblem } from '../http/http-problem';
import type { DossierDeps } from '../dossiers/dossier-deps';
import { dossierStateOf, type DossierStateRecord } from '../../../engine/src/index';
import { dossierNotFound } from '../dossiers/run-dossier-change';
import { dossierResource } from './dossier-access';
import { problem } from './route-schemas';

const PLACE = 'Demo';
const RESULTS: Record<string, StepResult> = { early: 'early', onTime: 'onTime', overdue: 'overdue' };

const formRoute = createRoute({
  method: 'get',
  path: '/{id}/forms/{form}',
  request: { params: z.object({ id: z.string().min(1).max(200), form: z.enum(['01', '02', '03', '04', '05']) }) },
  responses: {
    200: { description: 'Printable HTML', content: { 'text/html': { schema: z.string() } } },
    401: problem('Not signed in'),
    403: problem('Not routed to your unit'),
    404: problem('No such dossier'),
    409: problem('The dossier has no data for this form yet'),
  },
});

const formPdfRoute = createRoute({
  method: 'get',
  path: '/{id}/forms/{form}/pdf',
  request: { params: z.object({ id: z.string().min(1).max(200), form: z.enum(['01', '02', '03', '04', '05']) }) },
  responses: {
    200: { description: 'The form as PDF/A-2b', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } },
    401: problem('Not signed in'),
    403: problem('Not routed to your unit'),
    404: problem('No such dossier'),
    409: problem('The dossier has no data for this form yet'),
  },
});

const signedPdfRoute = createRoute({
  method: 'post',
  path: '/{id}/forms/{form}/signed-pdf',
  request: {
    params: z.object({ id: z.string().min(1).max(200), form: z.enum(['01', '02', '03', '04', '05']) }),
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            /** The official's uploaded certificate, or a credential at the remote signing service (HSM, phone). */
            signWith: z.enum(['certificate', 'remote']),
            credentialId: z.string().min(1).max(200).optional(),
          }),
        },
      },
    },
  },
  responses: {
    200: { description: 'The form as PDF/A-2b with the official\'s PAdES signature, verified before it is sent', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } },
    401: problem('Not signed in'),
    403: problem('Not routed to your unit'),
    404: problem('No such dossier'),
    409: problem('The dossier has no data for this form yet, or no certificate was uploaded'),
    422: problem('The signature does not verify: certificate expired or untrusted'),
    502: problem('The remote signing service did not sign'),
    503: problem('Signing is not configured on this server'),
  },
});

/** Form 01 item 6: where the applicant asked to receive the result. */
function resultPlace(delivery: DossierStateRecord['resultDelivery'], agencyName: string, applicant: DossierRecord['applicant']): string {
  if (delivery === 'post') return `Qua dịch vụ bưu chính công ích, đến địa chỉ ${applicant.address ?? '(chưa ghi địa chỉ)'}`;
  if (delivery === 'online') return `Trực tuyến, trên Cổng Dịch vụ công${applicant.email ? ` (thư điện tử ${applicant.email})` : ''}`;
  return `Bộ phận Một cửa, ${agencyName}`;
}

function noData(form: string, detail: string): HttpProblem {
  return new HttpProblem({ status: 409, code: 'FORM_NOT_AVAILABLE', title: `Form ${form} is not available`, detail });
}

export function createFormRoutes(deps: DossierDeps & { agencies: AgencyStore; signing?: SigningDeps }): OpenAPIHono {
  const routes = createApiRouter();

  routes.openapi(formRoute, (async (c: Parameters<typeof principalOf>[0]) => {
    const { id, form } = (c.req as unknown as { valid(t: 'param'): { id: string; form: string } }).valid('param');
    const dossier = await deps.stores.dossiers.get(id);
    if (!dossier) throw dossierNotFound(id);
    assertAllowed(principalOf(c), 'dossier.read', dossierResource(dossier));
    return toDocumentResponse(renderFormPage(await contentOf(deps, dossier, form)));
  }) as never);

  routes.openapi(formPdfRoute, (async (c: Parameters<typeof principalOf>[0]) => {
    const { id, form } = (c.req as unknown as { valid(t: 'param'): { id: string; form: string } }).valid('param');
    const dossier = await deps.stores.dossiers.get(id);
    if (!dossier) throw dossierNotFound(id);
    assertAllowed(principalOf(c), 'dossier.read', dossierResource(dossier));
    const content = await contentOf(deps, dossier, form);
    return toPdfResponse(await toFormPdf(content), { fileName: `mau-${form}-${dossier.dossierCode}.pdf`, contentDigest: formContentDigest(content) });
  }) as never);

  // Ký số: the official who acts on the dossier signs the form; the signed PDF is verified (trust list, validity,
  // byte ranges) before it leaves, so a signature that would not verify is refused with its reason, never sent.
  routes.openapi(signedPdfRoute, (async (c: Parameters<typeof principalOf>[0]) => {
    const req = c.req as unknown as { valid(t: 'param'): { id: string; form: string }; valid(t: 'json'): { signWith: 'certificate' | 'remote'; credentialId?: string } };
    const { id, form } = req.valid('param');
    const body = req.valid('json');
    if (!deps.signing) throw new SignatureError({ code: 'SIGNING_NOT_CONFIGURED', message: 'Máy chủ chưa được cấu hình ký số.' });
    const dossier = await deps.stores.dossiers.get(id);
    if (!dossier) throw dossierNotFound(id);
    const principal = principalOf(c);
    // Those who act on dossiers sign (the access gate checks the role); the dossier must be routed to their unit.
    if (principal.role !== 'official' && principal.role !== 'headOfUnit') throw new HttpProblem({ status: 403, code: 'FORBIDDEN', title: 'Chỉ cán bộ xử lý hồ sơ mới ký số.' });
    assertAllowed(principal, 'dossier.read', dossierResource(dossier));
    const content = await contentOf(deps, dossier, form);
    const method = body.signWith === 'remote' ? { kind: 'remote' as const, credentialId: body.credentialId ?? principal.userId } : { kind: 'certificate' as const };
    const signer = await createOfficialSigner(deps.signing, principal.userId, method);
    const now = new Date(deps.clock.now());
    const signed = await signPdf(await toFormPdf(content), {
      signer,
      signingTime: now,
      reason: `Ký số ${content.title}, hồ sơ ${dossier.dossierCode}`,
      name: principal.displayName,
      location: deps.signing.location,
    });
    const report = verifyPdfSignatures(signed, { trustAnchors: deps.signing.trustAnchors, now });
    if (!report.valid) throw new SignatureError({ code: report.code ?? 'SIGNATURE_INVALID', message: report.message });
    return toPdfResponse(signed, { fileName: `mau-${form}-${dossier.dossierCode}-da-ky.pdf`, contentDigest: formContentDigest(content) });
  }) as never);

  return routes;
}

async function contentOf(deps: DossierDeps & { agencies: AgencyStore }, dossier: DossierRecord, form: string): Promise<FormContent> {
  const state = dossierStateOf(dossier);
  const procedure = await deps.stores.procedures.get(dossier.procedureKey, dossier.procedureVersion);
  const requestedMatter = procedure?.name ?? dossier.procedureKey;
  const agencyName = async (agencyId: string | undefined) => (agencyId ? ((await deps.agencies.get(agencyId))?.name ?? agencyId) : '');
  const agency = { name: await agencyName(dossier.agencyId) };
  const applicant = { name: dossier.applicant.name, ...(dossier.applicant.address ? { address: dossier.applicant.address } : {}) };
  const official = state.receivingOfficial?.name ?? '';
  const now = deps.clock.now();
  const base = { agency, place: PLACE, dossierCode: dossier.dossierCode, requestedMatter, applicant };
  const lifecycle = (state.lifecycle as { context: DossierLifecycleContext }).context;

  switch (form) {
    case '01': {
      if (dossier.receivedAt === undefined || dossier.appointmentAt === undefined) throw noData(form, 'The dossier has not been received yet.');
      // A supplement asked for at the counter (receive-dossier.ts) is form 02, not a receipt: processing has not started.
      if (dossier.instance === undefined) throw noData(form, 'The counter asked for a supplement; the dossier is received when it is complete.');
      const budget = procedure?.definition.procedure?.statutoryBudget ?? { value: 0, unit: 'sameDay' as const };
      return toReceiptSlipContent({
        ...base,
        applicant: { ...applicant, ...(dossier.applicant.phone ? { phone: dossier.applicant.phone } : {}), ...(dossier.applicant.email ? { email: dossier.applicant.email } : {}) },
        receivingSection: 'Bộ phận Một cửa',
        documents: state.documents,
        legalProcessingTime: { amount: budget.value, unit: budget.unit },
        receivedAt: dossier.receivedAt,
        appointmentAt: lifecycle.originalAppointmentAt ?? dossier.appointmentAt,
        resultReturnedAt: resultPlace(state.resultDelivery, agency.name, dossier.applicant),
        register: { book: 'Sổ theo dõi hồ sơ', number: dossier.dossierCode.split('-').at(-1) ?? '' },
        receivingOfficial: official,
      });
    }
    case '02': {
      const request = state.supplementRequests.at(-1);
      if (!request) throw noData(form, 'No supplement was requested.');
      return toSupplementRequestContent({
        ...base,
        receivingSection: 'Bộ phận Một cửa',
        issuedAt: request.at,
        receivedAt: dossier.receivedAt ?? dossier.createdAt,
        missingComponents: request.missingComponents,
        reason: request.reason,
        contactOfficial: request.contactOfficial,
        guidingOfficial: request.contactOfficial.name,
      });
    }
    case '03': {
      const refusal = state.refusal ?? state.stop;
      if (!refusal) throw noData(form, 'The dossier was not refused.');
      return toRefusalNoticeContent({ ...base, receivingSection: 'Bộ phận Một cửa', issuedAt: refusal.at, reason: refusal.reason ?? '', receivingOfficial: official });
    }
    case '04': {
      const letter = lifecycle.reappointments.at(-1);
      if (!letter) throw noData(form, 'No new appointment was given.');
      return toApologyLetterContent({
        ...base,
        agency: { name: await agencyName(letter.agencyId ?? dossier.agencyId) },
        issuedAt: letter.at,
        receivedAt: dossier.receivedAt ?? dossier.createdAt,
        originalAppointmentAt: letter.previousAppointmentAt,
        reason: letter.reason,
        newAppointmentAt: letter.newAppointmentAt,
        headOfAgency: { title: 'Thủ trưởng cơ quan', name: '' },
      });
    }
    default: {
      const { items } = await deps.stores.steps.list({ dossierId: dossier.id }, { offset: 0, limit: 1000 });
      const handOvers = [];
      for (let i = 1; i < items.length; i += 1) {
        const previous = items[i - 1]!;
        const next = items[i]!;
        const classification = (previous.clock as { context?: StepClockContext } | undefined)?.context?.classification;
        const result = classification ? RESULTS[classification] : undefined;
        handOvers.push({
          from: { unit: await agencyName(previous.agencyId), ...(previous.assigneeId ? { person: previous.assigneeId } : {}) },
          to: { unit: await agencyName(next.agencyId) },
          at: next.startedAt,
          ...(result ? { previousStepResult: result } : {}),
          note: next.name,
        });
      }
      const agencies = [...new Set(items.map((s) => s.agencyId).filter((a): a is string => a !== undefined))];
      const lead = procedure?.definition.procedure?.leadAgencyId ?? dossier.agencyId;
      return toProcessControlSlipContent({
        ...base,
        issuedAt: now,
        receivedAt: dossier.receivedAt ?? dossier.createdAt,
        appointmentAt: dossier.appointmentAt ?? now,
        leadAgency: await agencyName(lead),
        coordinatingAgencies: await Promise.all(agencies.filter((a) => a !== lead).map(agencyName)),
        handOvers,
      });
    }
  }
}
