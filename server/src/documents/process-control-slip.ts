/**
 * @module process-control-slip — form 05 of Circular 01/2018/TT-VPCP, the process control slip (Phiếu kiểm soát
 * quá trình giải quyết hồ sơ) that travels with the dossier: one row per hand-over between units, with the time and
 * whether the step just finished was early, on time or overdue (DOMAIN.md "Early, on time, overdue").
 */
import { renderFormPage, type IssuingAgency } from './form-page';
import { html } from './safe-html';
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

export function renderProcessControlSlip(view: ProcessControlSlipView): string {
  const body = html`
<p>(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả, mã hồ sơ ${view.dossierCode})</p>
<p>Người nộp hồ sơ: <strong class="applicant">${view.applicant.name}</strong></p>
<p>Nội dung yêu cầu giải quyết: ${view.requestedMatter}</p>
<p>Thời gian nhận hồ sơ: ${formatVietnameseDateTime(view.receivedAt)}; hẹn trả kết quả: ${formatVietnameseDateTime(view.appointmentAt)}</p>
<p>Cơ quan (bộ phận) giải quyết hồ sơ: ${view.leadAgency}</p>
<p>Cơ quan phối hợp giải quyết hồ sơ: ${view.coordinatingAgencies.length > 0 ? view.coordinatingAgencies.join('; ') : 'Không'}</p>
<table class="grid hand-overs">
<thead><tr><th>Tên cơ quan</th><th>Thời gian giao, nhận hồ sơ</th><th>Kết quả giải quyết hồ sơ (trước hạn/đúng hạn/quá hạn)</th><th>Ghi chú</th></tr></thead>
<tbody>${view.handOvers.map(
    (handOver, index) => html`<tr class="hand-over">
<td>${index + 1}. Giao: ${handOver.from.unit}${handOver.from.person ? html` (${handOver.from.person})` : ''}<br>Nhận: ${handOver.to.unit}${
      handOver.to.person ? html` (${handOver.to.person})` : ''
    }</td>
<td>${formatShortDateTime(handOver.at)}</td>
<td class="result">${handOver.previousStepResult ? STEP_RESULTS[handOver.previousStepResult] : ''}</td>
<td>${handOver.note ?? ''}</td>
</tr>`,
  )}</tbody>
</table>
<p class="note">Người giao và người nhận ký vào bản giấy khi giao, nhận hồ sơ giấy.</p>`;
  return renderFormPage({
    formNumber: '05',
    title: 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
    agency: view.agency,
    documentNumber: view.documentNumber,
    place: view.place,
    issuedAt: view.issuedAt,
    dossierCode: view.dossierCode,
    body,
  });
}
