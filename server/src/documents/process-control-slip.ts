/**
 * @module process-control-slip — form 05 of Circular 01/2018/TT-VPCP, the process control slip (Phiếu kiểm soát
 * quá trình giải quyết hồ sơ) that travels with the dossier: one row per hand-over between units, with the time and
 * whether the step just finished was early, on time or overdue (DOMAIN.md "Early, on time, overdue").
 */
import { LINE_BREAK, paragraph, type FormContent, type IssuingAgency } from './form-content';
import { renderFormPage } from './form-page';
import { formatShortDateTime, formatVietnameseDateTime } from './vietnamese-date-time';

export type StepResult = 'early' | 'onTime' | 'overdue';

const STEP_RESULTS: Record<StepResult, string> = { early: 'Trước hạn', onTime: 'Đúng hạn', overdue: 'Quá hạn' };

export interface HandOver {
  from: { unit: string; person?: string };
  to: { unit: string; person?: string };
  at: number;
  /** How the step that ended with this hand-over went; absent when it had no budget. */
  previousStepResult?: StepResult;
  note?: string;
}

export interface ProcessControlSlipView {
  agency: IssuingAgency;
  documentNumber?: string;
  place: string;
  issuedAt: number;
  dossierCode: string;
  applicant: { name: string };
  requestedMatter: string;
  receivedAt: number;
  appointmentAt: number;
  /** The lead agency (cơ quan chủ trì) and the coordinating agencies (cơ quan phối hợp). */
  leadAgency: string;
  coordinatingAgencies: string[];
  handOvers: HandOver[];
}

/** Form 05's content, printed by form-page.ts (HTML) and form-pdf.ts (PDF). */
export function toProcessControlSlipContent(view: ProcessControlSlipView): FormContent {
  const party = (side: { unit: string; person?: string }) => `${side.unit}${side.person ? ` (${side.person})` : ''}`;
  return {
    formNumber: '05',
    title: 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
    agency: view.agency,
    ...(view.documentNumber ? { documentNumber: view.documentNumber } : {}),
    place: view.place,
    issuedAt: view.issuedAt,
    dossierCode: view.dossierCode,
    blocks: [
      paragraph(`(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả, mã hồ sơ ${view.dossierCode})`),
      paragraph('Người nộp hồ sơ: ', { text: view.applicant.name, strong: true, className: 'applicant' }),
      paragraph(`Nội dung yêu cầu giải quyết: ${view.requestedMatter}`),
      paragraph(`Thời gian nhận hồ sơ: ${formatVietnameseDateTime(view.receivedAt)}; hẹn trả kết quả: ${formatVietnameseDateTime(view.appointmentAt)}`),
      paragraph(`Cơ quan (bộ phận) giải quyết hồ sơ: ${view.leadAgency}`),
      paragraph(`Cơ quan phối hợp giải quyết hồ sơ: ${view.coordinatingAgencies.length > 0 ? view.coordinatingAgencies.join('; ') : 'Không'}`),
      {
        kind: 'table',
        className: 'hand-overs',
        head: ['Tên cơ quan', 'Thời gian giao, nhận hồ sơ', 'Kết quả giải quyết hồ sơ (trước hạn/đúng hạn/quá hạn)', 'Ghi chú'],
        columnWidths: [6, 3, 4, 3],
        rows: view.handOvers.map((handOver, index) => ({
          className: 'hand-over',
          cells: [
            { runs: [`${index + 1}. Giao: ${party(handOver.from)}`, LINE_BREAK, `Nhận: ${party(handOver.to)}`] },
            { runs: [formatShortDateTime(handOver.at)] },
            { runs: [handOver.previousStepResult ? STEP_RESULTS[handOver.previousStepResult] : ''], className: 'result' },
            { runs: [handOver.note ?? ''] },
          ],
        })),
      },
      { kind: 'paragraph', className: 'note', runs: ['Người giao và người nhận ký vào bản giấy khi giao, nhận hồ sơ giấy.'] },
    ],
  };
}

/** Form 05 as a printable HTML page. */
export function renderProcessControlSlip(view: ProcessControlSlipView): string {
  return renderFormPage(toProcessControlSlipContent(view));
}
