/**
 * @module dossier-tracking-book — form 06 of Circular 01/2018/TT-VPCP, the dossier tracking book (Sổ theo dõi hồ
 * sơ) that the one-stop section keeps: one row per dossier received in a period, from receipt and appointment to the
 * result handed back. A landscape register with no dossier code of its own; printed as HTML and PDF like forms 01–05.
 */
import type { FormContent, IssuingAgency } from './form-content';
import { renderFormPage } from './form-page';
import { formatShortDateTime, formatVietnameseDate } from './vietnamese-date-time';

export interface TrackingBookEntry {
  dossierCode: string;
  procedureName: string;
  /** Number of dossier sets handed in; 1 by default. */
  sets?: number;
  applicant: { name: string; address?: string; phone?: string };
  leadAgency: string;
  receivedAt: number;
  appointmentAt: number;
  /** When the result was handed back, if it was. */
  returnedAt?: number;
  note?: string;
}

export interface DossierTrackingBookView {
  agency: IssuingAgency;
  place: string;
  issuedAt: number;
  period: { from: number; to: number };
  entries: TrackingBookEntry[];
}

/** Form 06's content, printed by form-page.ts (HTML) and form-pdf.ts (PDF). */
export function toDossierTrackingBookContent(view: DossierTrackingBookView): FormContent {
  return {
    formNumber: '06',
    title: 'Sổ theo dõi hồ sơ',
    agency: view.agency,
    place: view.place,
    issuedAt: view.issuedAt,
    landscape: true,
    blocks: [
      { kind: 'paragraph', className: 'period', runs: [`Từ ${formatVietnameseDate(view.period.from)} đến ${formatVietnameseDate(view.period.to)}`] },
      {
        kind: 'table',
        className: 'tracking-book',
        head: ['TT', 'Mã hồ sơ', 'Tên thủ tục hành chính', 'Số lượng hồ sơ (bộ)', 'Tên tổ chức, cá nhân', 'Địa chỉ, số điện thoại', 'Cơ quan chủ trì giải quyết', 'Nhận hồ sơ', 'Hẹn trả kết quả', 'Trả kết quả', 'Ghi chú'],
        columnWidths: [2, 6, 7, 3, 5, 6, 5, 4, 4, 4, 4],
        rows: view.entries.map((entry, index) => ({
          className: 'entry',
          cells: [
            { runs: [String(index + 1)], className: 'number' },
            { runs: [entry.dossierCode] },
            { runs: [entry.procedureName] },
            { runs: [String(entry.sets ?? 1).padStart(2, '0')], className: 'number' },
            { runs: [entry.applicant.name] },
            { runs: [[entry.applicant.address, entry.applicant.phone].filter(Boolean).join(', ')] },
            { runs: [entry.leadAgency] },
            { runs: [formatShortDateTime(entry.receivedAt)] },
            { runs: [formatShortDateTime(entry.appointmentAt)] },
            { runs: [entry.returnedAt === undefined ? '' : formatShortDateTime(entry.returnedAt)], className: 'returned-at' },
            { runs: [entry.note ?? ''] },
          ],
        })),
      },
      { kind: 'paragraph', className: 'count', runs: [`Tổng số hồ sơ: ${view.entries.length}`] },
    ],
  };
}

/** Form 06 as a printable HTML page. */
export function renderDossierTrackingBook(view: DossierTrackingBookView): string {
  return renderFormPage(toDossierTrackingBookContent(view));
}
