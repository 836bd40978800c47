/**
 * @module refusal-notice — form 03 of Circular 01/2018/TT-VPCP, the refusal to receive and process a dossier
 * (Phiếu từ chối tiếp nhận giải quyết hồ sơ), given with the reason (national status 3, "Không được tiếp nhận").
 */
import { renderFormPage, renderSignatures, type IssuingAgency } from './form-page';
import { html } from './safe-html';

export interface RefusalNoticeView {
  agency: IssuingAgency;
  receivingSection: string;
  documentNumber?: string;
  place: string;
  issuedAt: number;
  /** The code of the refused submission, when it had one (an online submission does). */
  dossierCode: string;
  applicant: { name: string; address?: string };
  requestedMatter: string;
  reason: string;
  /** The rule the refusal rests on, e.g. "Điều 9 Nghị định 01/2021/NĐ-CP"; optional. */
  legalBasis?: string;
  receivingOfficial: string;
}

export function renderRefusalNotice(view: RefusalNoticeView): string {
  const body = html`
<p>${view.receivingSection} ${view.agency.name} tiếp nhận hồ sơ của: <strong class="applicant">${view.applicant.name}</strong></p>
${view.applicant.address ? html`<p>Địa chỉ: ${view.applicant.address}</p>` : ''}
<p>Nội dung yêu cầu giải quyết: ${view.requestedMatter}</p>
<p>Sau khi xem xét hồ sơ${view.legalBasis ? html`, căn cứ ${view.legalBasis}` : ''}, ${view.receivingSection} không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:</p>
<p class="reason">${view.reason}</p>
<p>Xin thông báo cho Ông/Bà được biết và thực hiện./.</p>
${renderSignatures([undefined, { role: 'Người tiếp nhận', note: 'Ký và ghi rõ họ tên', name: view.receivingOfficial }])}`;
  return renderFormPage({
    formNumber: '03',
    title: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
    agency: view.agency,
    documentNumber: view.documentNumber,
    place: view.place,
    issuedAt: view.issuedAt,
    dossierCode: view.dossierCode,
    body,
  });
}
