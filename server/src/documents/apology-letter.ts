/**
 * @module apology-letter — form 04 of Circular 01/2018/TT-VPCP, the apology with a new appointment (Phiếu xin lỗi
 * và hẹn lại ngày trả kết quả). It is issued by the agency that caused the delay and signed by its head
 * (DOMAIN.md "Overdue consequences").
 */
import { paragraph, type FormContent, type IssuingAgency } from './form-content';
import { renderFormPage } from './form-page';
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

/** Form 04's content, printed by form-page.ts (HTML) and form-pdf.ts (PDF). */
export function toApologyLetterContent(view: ApologyLetterView): FormContent {
  const agencyName = view.agency.name;
  return {
    formNumber: '04',
    title: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
    agency: view.agency,
    ...(view.documentNumber ? { documentNumber: view.documentNumber } : {}),
    place: view.place,
    issuedAt: view.issuedAt,
    dossierCode: view.dossierCode,
    blocks: [
      { kind: 'paragraph', className: 'addressee', runs: ['Kính gửi: ', { text: view.applicant.name, strong: true, className: 'applicant' }] },
      ...(view.applicant.address ? [paragraph(`Địa chỉ: ${view.applicant.address}`)] : []),
      paragraph(`${agencyName} tiếp nhận giải quyết hồ sơ của Ông/Bà ${formatVietnameseDate(view.receivedAt)}, mã hồ sơ ${view.dossierCode}.`),
      paragraph(`Nội dung yêu cầu giải quyết: ${view.requestedMatter}`),
      paragraph('Thời hẹn trả kết quả giải quyết hồ sơ: ', { text: formatVietnameseDateTime(view.originalAppointmentAt), className: 'original-appointment' }, '.'),
      paragraph(`Tuy nhiên đến nay, ${agencyName} chưa trả kết quả giải quyết hồ sơ của Ông/Bà.`),
      paragraph('Lý do: ', { text: view.reason, className: 'reason' }),
      paragraph(
        `Sự chậm trễ này đã gây phiền hà cho Ông/Bà. ${agencyName} xin lỗi Ông/Bà và sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào `,
        { text: formatVietnameseDateTime(view.newAppointmentAt), strong: true, className: 'new-appointment' },
        '.',
      ),
      paragraph('Xin trân trọng cảm ơn./.'),
      { kind: 'signatures', signatures: [undefined, { role: view.headOfAgency.title, note: 'Ký, ghi rõ họ tên và đóng dấu', name: view.headOfAgency.name }] },
    ],
  };
}

/** Form 04 as a printable HTML page. */
export function renderApologyLetter(view: ApologyLetterView): string {
  return renderFormPage(toApologyLetterContent(view));
}
