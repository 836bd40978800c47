/**
 * @module apology-letter — form 04 of Circular 01/2018/TT-VPCP, the apology with a new appointment (Phiếu xin lỗi
 * và hẹn lại ngày trả kết quả). It is issued by the agency that caused the delay and signed by its head
 * (DOMAIN.md "Overdue consequences").
 */
import { renderFormPage, renderSignatures, type IssuingAgency } from './form-page';
import { html } from './safe-html';
import { formatVietnameseDate, formatVietnameseDateTime } from './vietnamese-date-time';

export interface ApologyLetterView {
  /** The agency that caused the delay and apologises. */
  agency: IssuingAgency;
  documentNumber?: string;
  place: string;
  issuedAt: number;
  dossierCode: string;
  applicant: { name: string; address?: string };
  requestedMatter: string;
  receivedAt: number;
  originalAppointmentAt: number;
  reason: string;
  newAppointmentAt: number;
  /** Who signs for the agency: title (e.g. "Giám đốc") and name. */
  headOfAgency: { title: string; name: string };
}

export function renderApologyLetter(view: ApologyLetterView): string {
  const agencyName = view.agency.name;
  const body = html`
<p class="addressee">Kính gửi: <strong class="applicant">${view.applicant.name}</strong></p>
${view.applicant.address ? html`<p>Địa chỉ: ${view.applicant.address}</p>` : ''}
<p>${agencyName} tiếp nhận giải quyết hồ sơ của Ông/Bà ${formatVietnameseDate(view.receivedAt)}, mã hồ sơ ${view.dossierCode}.</p>
<p>Nội dung yêu cầu giải quyết: ${view.requestedMatter}</p>
<p>Thời hẹn trả kết quả giải quyết hồ sơ: <span class="original-appointment">${formatVietnameseDateTime(view.originalAppointmentAt)}</span>.</p>
<p>Tuy nhiên đến nay, ${agencyName} chưa trả kết quả giải quyết hồ sơ của Ông/Bà.</p>
<p>Lý do: <span class="reason">${view.reason}</span></p>
<p>Sự chậm trễ này đã gây phiền hà cho Ông/Bà. ${agencyName} xin lỗi Ông/Bà và sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào
<strong class="new-appointment">${formatVietnameseDateTime(view.newAppointmentAt)}</strong>.</p>
<p>Xin trân trọng cảm ơn./.</p>
${renderSignatures([undefined, { role: view.headOfAgency.title, note: 'Ký, ghi rõ họ tên và đóng dấu', name: view.headOfAgency.name }])}`;
  return renderFormPage({
    formNumber: '04',
    title: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
    agency: view.agency,
    documentNumber: view.documentNumber,
    place: view.place,
    issuedAt: view.issuedAt,
    dossierCode: view.dossierCode,
    body,
  });
}
