/**
 * @module receipt-slip — form 01 of Circular 01/2018/TT-VPCP, the receipt and appointment slip (Giấy tiếp nhận hồ
 * sơ và hẹn trả kết quả): what the one-stop section received, when, and when and where the result is returned.
 */
import { paragraph, type FormContent, type IssuingAgency } from './form-content';
import { renderFormPage } from './form-page';
import { formatProcessingTime, type ProcessingTime } from './processing-time';
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

/** Form 01's content, printed by form-page.ts (HTML) and form-pdf.ts (PDF). */
export function toReceiptSlipContent(view: ReceiptSlipView): FormContent {
  const { applicant } = view;
  return {
    formNumber: '01',
    title: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
    agency: view.agency,
    ...(view.documentNumber ? { documentNumber: view.documentNumber } : {}),
    place: view.place,
    issuedAt: view.receivedAt,
    dossierCode: view.dossierCode,
    blocks: [
      paragraph(`${view.receivingSection} ${view.agency.name}`),
      paragraph('Tiếp nhận hồ sơ của: ', { text: applicant.name, strong: true, className: 'applicant' }),
      ...(applicant.address ? [paragraph(`Địa chỉ: ${applicant.address}`)] : []),
      paragraph(`Số điện thoại: ${applicant.phone ?? '……'}   Email: ${applicant.email ?? '……'}`),
      paragraph(`Nội dung yêu cầu giải quyết: ${view.requestedMatter}`),
      paragraph('1. Thành phần hồ sơ nộp gồm:'),
      {
        kind: 'table',
        className: 'documents',
        head: ['TT', 'Tên loại giấy tờ', 'Hình thức (bản chính, bản sao hoặc bản chụp)', 'Số lượng'],
        columnWidths: [1, 6, 4, 2],
        rows: view.documents.map((document, index) => ({
          cells: [
            { runs: [String(index + 1)], className: 'number' },
            { runs: [document.name] },
            { runs: [COPY_TYPES[document.copyType]] },
            { runs: [String(document.quantity).padStart(2, '0')], className: 'number' },
          ],
        })),
      },
      paragraph(`2. Số lượng hồ sơ: ${String(view.dossierSets ?? 1).padStart(2, '0')} (bộ)`),
      paragraph(`3. Thời gian giải quyết hồ sơ theo quy định là: ${formatProcessingTime(view.legalProcessingTime)}`),
      paragraph('4. Thời gian nhận hồ sơ: ', { text: formatVietnameseDateTime(view.receivedAt), className: 'received-at' }),
      paragraph('5. Thời gian trả kết quả giải quyết hồ sơ: ', { text: formatVietnameseDateTime(view.appointmentAt), strong: true, className: 'appointment-at' }),
      paragraph(`6. Đăng ký nhận kết quả tại: ${view.resultReturnedAt}`),
      paragraph(`Vào Sổ theo dõi hồ sơ, Quyển số: ${view.register.book}, Số thứ tự: ${view.register.number}`),
      {
        kind: 'signatures',
        signatures: [
          { role: 'Người nộp hồ sơ', note: 'Ký và ghi rõ họ tên', name: applicant.name },
          { role: 'Người tiếp nhận hồ sơ', note: 'Ký và ghi rõ họ tên', name: view.receivingOfficial },
        ],
      },
    ],
  };
}

/** Form 01 as a printable HTML page. */
export function renderReceiptSlip(view: ReceiptSlipView): string {
  return renderFormPage(toReceiptSlipContent(view));
}
