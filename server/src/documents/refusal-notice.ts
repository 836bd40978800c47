/**
 * @module refusal-notice — form 03 of Circular 01/2018/TT-VPCP, the refusal to receive and process a dossier
 * (Phiếu từ chối tiếp nhận giải quyết hồ sơ), given with the reason (national status 3, "Không được tiếp nhận").
 */
import { paragraph, type FormContent, type IssuingAgency } from './form-content';
import { renderFormPage } from './form-page';

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

/** Form 03's content, printed by form-page.ts (HTML) and form-pdf.ts (PDF). */
export function toRefusalNoticeContent(view: RefusalNoticeView): FormContent {
  return {
    formNumber: '03',
    title: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
    agency: view.agency,
    ...(view.documentNumber ? { documentNumber: view.documentNumber } : {}),
    place: view.place,
    issuedAt: view.issuedAt,
    dossierCode: view.dossierCode,
    blocks: [
      paragraph(`${view.receivingSection} ${view.agency.name} tiếp nhận hồ sơ của: `, { text: view.applicant.name, strong: true, className: 'applicant' }),
      ...(view.applicant.address ? [paragraph(`Địa chỉ: ${view.applicant.address}`)] : []),
      paragraph(`Nội dung yêu cầu giải quyết: ${view.requestedMatter}`),
      paragraph(
        `Sau khi xem xét hồ sơ${view.legalBasis ? `, căn cứ ${view.legalBasis}` : ''}, ${view.receivingSection} không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`,
      ),
      { kind: 'paragraph', className: 'reason', runs: [view.reason] },
      paragraph('Xin thông báo cho Ông/Bà được biết và thực hiện./.'),
      { kind: 'signatures', signatures: [undefined, { role: 'Người tiếp nhận', note: 'Ký và ghi rõ họ tên', name: view.receivingOfficial }] },
    ],
  };
}

/** Form 03 as a printable HTML page. */
export function renderRefusalNotice(view: RefusalNoticeView): string {
  return renderFormPage(toRefusalNoticeContent(view));
}
