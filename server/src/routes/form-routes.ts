/**
 * @module form-routes — `GET /api/dossiers/{id}/forms/{01..05}`: the forms of Circular 01/2018/TT-VPCP as printable
 * HTML with the dossier code as a QR code, drawn from the dossier's own records (receipt, supplement requests,
 * refusal, apology letters, hand-overs). A form the dossier has no data for yet is a 409 problem.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { DossierLifecycleContext, StepClockContext } from '../../../engine/src/index';
import type { DossierRecord } from '../stores';
import { assertAllowed, principalOf } from '../access/auth-middleware';
import type { AgencyStore } from '../access/agency-store';
import { renderApologyLetter } from '../documents/apology-letter';
import { toDocumentResponse } from '../documents/document-response';
import { renderProcessControlSlip, type StepResult } from '../documents/process-control-slip';
import { renderReceiptSlip } from '../documents/receipt-slip';
import { renderRefusalNotice } from '../documents/refusal-notice';
import { renderSupplementRequest } from '../documents/supplement-request';
import { createApiRouter } from '../http/api-router';
import { HttpProblem } from '../http/http-problem';
import type { DossierDeps } from '../dossiers/dossier-deps';
import { dossierStateOf, type DossierState } from '../dossiers/dossier-state';
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

/** Form 01 item 6: where the applicant asked to receive the result. */
function resultPlace(delivery: DossierState['resultDelivery'], agencyName: string, applicant: DossierRecord['applicant']): string {
  if (delivery === 'post') return `Qua dịch vụ bưu chính công ích, đến địa chỉ ${applicant.address ?? '(chưa ghi địa chỉ)'}`;
  if (delivery === 'online') return `Trực tuyến, trên Cổng Dịch vụ công${applicant.email ? ` (thư điện tử ${applicant.email})` : ''}`;
  return `Bộ phận Một cửa, ${agencyName}`;
}

function noData(form: string, detail: string): HttpProblem {
  return new HttpProblem({ status: 409, code: 'FORM_NOT_AVAILABLE', title: `Form ${form} is not available`, detail });
}

export function createFormRoutes(deps: DossierDeps & { agencies: AgencyStore }): OpenAPIHono {
  const routes = createApiRouter();

  routes.openapi(formRoute, (async (c: Parameters<typeof principalOf>[0]) => {
    const { id, form } = (c.req as unknown as { valid(t: 'param'): { id: string; form: string } }).valid('param');
    const dossier = await deps.stores.dossiers.get(id);
    if (!dossier) throw dossierNotFound(id);
    assertAllowed(principalOf(c), 'dossier.read', dossierResource(dossier));
    return toDocumentResponse(await render(deps, dossier, form));
  }) as never);

  return routes;
}

async function render(deps: DossierDeps & { agencies: AgencyStore }, dossier: DossierRecord, form: string): Promise<string> {
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
      return renderReceiptSlip({
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
      return renderSupplementRequest({
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
      return renderRefusalNotice({ ...base, receivingSection: 'Bộ phận Một cửa', issuedAt: refusal.at, reason: refusal.reason ?? '', receivingOfficial: official });
    }
    case '04': {
      const letter = lifecycle.reappointments.at(-1);
      if (!letter) throw noData(form, 'No new appointment was given.');
      return renderApologyLetter({
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
      return renderProcessControlSlip({
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
