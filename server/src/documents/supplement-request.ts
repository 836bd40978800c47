/**
 * @module supplement-request — form 02 of Circular 01/2018/TT-VPCP, the request to supplement and complete a dossier
 * (Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ). The request is made once, in writing, listing every missing component
 * (DOMAIN.md "Supplements"), so the view takes the whole list.
 */
import { renderFormPage, renderSignatures, type IssuingAgency } from './form-page';
import { html } from './safe-html';
import { formatVietnameseDate } from './vietnamese-date-time';

export interface SupplementRequestView {
  agency: IssuingAgency;
  receivingSection: string;
  documentNumber?: string;
  place: string;
  issuedAt: number;
  dossierCode: string;
  applicant: { name: string; address?: string };
  requestedMatter: string;
  receivedAt: number;
  /** Every component to add or correct, with what is wrong with it. */
  missingComponents: { name: string; detail?: string }[];
  reason: string;
  /** Whom the citizen may ask while completing the dossier. */
  contactOfficial: { name: string; unit?: string; phone?: string; email?: string };
  /** The official who gives the guidance and signs. */
  guidingOfficial: string;
}

export function renderSupplementRequest(view: SupplementRequestView): string {
  const contact = view.contactOfficial;
  const body = html`
<p>${view.receivingSection} ${view.agency.name}</p>
<p>Tiếp nhận hồ sơ của: <strong class="applicant">${view.applicant.name}</strong></p>
${view.applicant.address ? html`<p>Địa chỉ: ${view.applicant.address}</p>` : ''}
<p>Nội dung yêu cầu giải quyết: ${view.requestedMatter}</p>
<p>Ngày tiếp nhận hồ sơ: ${formatVietnameseDate(view.receivedAt)}.</p>
<p>Qua xem xét, ${view.receivingSection} yêu cầu Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:</p>
<ol class="missing">${view.missingComponents.map(
    (component) => html`<li><span class="component">${component.name}</span>${component.detail ? html`: ${component.detail}` : ''}</li>`,
  )}</ol>
<p>Lý do: <span class="reason">${view.reason}</span></p>
<p>Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với ${contact.name}${contact.unit ? html`, ${contact.unit}` : ''}${
    contact.phone ? html`, số điện thoại ${contact.phone}` : ''
  }${contact.email ? html`, email ${contact.email}` : ''} để được hướng dẫn.</p>
${renderSignatures([
  undefined,
  { role: 'Người hướng dẫn', note: 'Ký và ghi rõ họ tên', name: view.guidingOfficial },
])}`;
  return renderFormPage({
    formNumber: '02',
    title: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
    agency: view.agency,
    documentNumber: view.documentNumber,
    place: view.place,
    issuedAt: view.issuedAt,
    dossierCode: view.dossierCode,
    body,
  });
}
