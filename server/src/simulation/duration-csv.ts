/**
 * @module duration-csv — the Vietnamese columns of the measured step durations as exported to CSV (`format=csv`):
 * one row per procedure version, step, agency and department, in working days of the step's agency (the work, claimed →
 * completed, beside the wait for an official, opened → claimed), with the sample
 * size each figure rests on and the rank of the slowest steps (by p90) of the version on the heatmap.
 */
import type { FittedDuration } from '../../../engine/src/index';
import type { CsvColumn } from '../statistics/to-csv';
import type { DurationRow } from './measure-procedure-durations';

export type DurationCsvRow = DurationRow & { agencyName?: string; departmentName?: string; slowestRank?: number };

const METHODS: Record<FittedDuration['method'], string> = {
  empirical: 'Phân phối thực nghiệm',
  lognormal: 'Lognormal (ít mẫu)',
  single: 'Một mẫu duy nhất',
  fallback: 'Không có mẫu (dùng thời hạn của bước)',
};
const days = (value: number | undefined): string => (value === undefined ? '' : value.toFixed(2));
const percent = (value: number): string => (value * 100).toFixed(1);

export const DURATION_COLUMNS: CsvColumn<DurationCsvRow>[] = [
  { header: 'Phiên bản', value: (row) => row.procedureVersion },
  { header: 'Mã bước', value: (row) => row.elementId },
  { header: 'Tên bước', value: (row) => row.stepName },
  { header: 'Cơ quan', value: (row) => row.agencyName ?? row.agencyId },
  { header: 'Phòng ban', value: (row) => row.departmentName ?? row.departmentId },
  { header: 'Số lần hoàn thành (cỡ mẫu)', value: (row) => row.count },
  { header: 'Trung vị (ngày làm việc)', value: (row) => days(row.p50WorkingDays) },
  { header: 'P90 (ngày làm việc)', value: (row) => days(row.p90WorkingDays) },
  { header: 'Chờ nhận xử lý: trung vị (ngày làm việc)', value: (row) => days(row.waiting.p50WorkingDays) },
  { header: 'Chờ nhận xử lý: P90 (ngày làm việc)', value: (row) => days(row.waiting.p90WorkingDays) },
  { header: 'Số lần chờ nhận đo được', value: (row) => row.waiting.sampleSize },
  { header: 'Số lần không ghi thời điểm nhận (tính cả vào xử lý)', value: (row) => row.unclaimedCount },
  { header: 'Phân phối dùng để mô phỏng', value: (row) => METHODS[row.fitted.method] },
  { header: 'Tỷ lệ yêu cầu bổ sung (%)', value: (row) => percent(row.supplementShare) },
  { header: 'Tỷ lệ trả lại (%)', value: (row) => percent(row.returnShare) },
  { header: 'Hạng chậm nhất (theo P90)', value: (row) => row.slowestRank },
];
