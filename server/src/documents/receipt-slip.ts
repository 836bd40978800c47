/**
 * @module receipt-slip — form 01 of Circular 01/2018/TT-VPCP, the receipt and appointment slip (Giấy tiếp nhận hồ
 * sơ và hẹn trả kết quả): what the one-stop section received, when, and when and where the result is returned.
 */
import { renderFormPage, renderSignatures, type IssuingAgency } from './form-page';
import { formatProcessingTime, type ProcessingTime } from './processing-time';
import { html } from './safe-html';
import { formatVietnameseDateTime } from './vietnamese-date-time';

/** How a document was handed in (the "Hình thức" column). */
export type CopyType = 'original' | 'certifiedCopy' | 'copy' | 'electronic';

const COPY_TYPES: Record<CopyType, string> = {
  original: 'Bản chính',
  certifiedCopy: 'Bản sao có chứng thực',
  copy: 'Bản sao hoặc bản chụp',
  electronic: 'Bản điện tử',
};

export interface ReceiptSlipView {
  agency: IssuingAgency;
  /** The section that received the dossier, e.g. "Bộ phận Một cửa". */
  receivingSection: string;
  documentNumber?: string;
  place: string;
  dossierCode: string;
  applicant: { name: string; address?: string; phone?: string; email?: string };
  /** The procedure asked for (nội dung yêu cầu giải quyết). */
  requestedMatter: string;
  documents: { name: string; copyType: CopyType; quantity: number }[];
  /** Number of dossier sets handed in; 1 by default. */
  dossierSets?: number;
  legalProcessingTime: ProcessingTime;
  receivedAt: number;
  appointmentAt: number;
  /** Where the result is returned, e.g. "Bộ phận Một cửa, Trung tâm Phục vụ hành chính công tỉnh". */
  resultReturnedAt: string;
  /** The entry in the dossier tracking book (form 06). */
  register: { book: string; number: string };
  receivingOfficial: string;
}

export function renderReceiptSlip(view: ReceiptSlipView): string {
  const { applicant } = view;
  const body = html`
<p>${view.receivingSection} ${view.agency.name}</p>
<p>Tiếp nhận hồ sơ của: <strong class="applicant">${applicant.name}</strong></p>
${applicant.address ? html`<p>Địa chỉ: ${applicant.address}</p>` : ''}
<p>Số điện thoại: ${applicant.phone ?? '……'} &nbsp; Email: ${applicant.email ?? '……'}</p>
<p>Nội dung yêu cầu giải quyết: ${view.requestedMatter}</p>
<p>1. Thành phần hồ sơ nộp gồm:</p>
<table class="grid documents">
<thead><tr><th>TT</th><th>Tên loại giấy tờ</th><th>Hình thức (bản chính, bản sao hoặc bản chụp)</th><th>Số lượng</th></tr></thead>
<tbody>${view.documents.map(
    (document, index) =>
      html`<tr><td class="number">${index + 1}</td><td>${document.name}</td><td>${COPY_TYPES[document.copyType]}</td><td class="number">${String(document.quantity).padStart(2, '0')}</td></tr>`,
  )}</tbody>
</table>
<p>2. Số lượng hồ sơ: ${String(view.dossierSets ?? 1).padStart(2, '0')} (bộ)</p>
<p>3. Thời gian giải quyết hồ sơ theo quy định là: ${formatProcessingTime(view.legalProcessingTime)}</p>
<p>4. Thời gian nhận hồ sơ: <span class="received-at">${formatVietnameseDateTime(view.receivedAt)}</span></p>
<p>5. Thời gian trả kết quả giải quyết hồ sơ: <strong class="appointment-at">${formatVietnameseDateTime(view.appointmentAt)}</strong></p>
<p>6. Đăng ký nhận kết quả tại: ${view.resultReturnedAt}</p>
<p>Vào Sổ theo dõi hồ sơ, Quyển số: ${view.register.book}, Số thứ tự: ${view.register.number}</p>
${renderSignatures([
  { role: 'Người nộp hồ sơ', note: 'Ký và ghi rõ họ tên', name: applicant.name },
  { role: 'Người tiếp nhận hồ sơ', note: 'Ký và ghi rõ họ tên', name: view.receivingOfficial },
])}`;
  return renderFormPage({
    formNumber: '01',
    title: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
    agency: view.agency,
    documentNumber: view.documentNumber,
    place: view.place,
    issuedAt: view.receivedAt,
    dossierCode: view.dossierCode,
    body,
  });
}
