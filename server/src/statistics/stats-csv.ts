/**
 * @module stats-csv — the Vietnamese column headers of each dashboard table as exported to CSV (`format=csv`), in
 * the words of the Decision 766/QĐ-TTg reports: received, received or in process (the rate's denominator), early, on
 * time, overdue, in process.
 */
import type { CsvColumn } from './to-csv';

const rate = (value: number | null | undefined): string => (value === null || value === undefined ? '' : (value * 100).toFixed(2));
const days = (value: number | null | undefined): string => (value === null || value === undefined ? '' : value.toFixed(2));

type Counts = {
  received: number; processed: number; finishedEarly: number; finishedOnTime: number; finishedOverdue: number;
  inProcessInTime: number; inProcessOverdue: number; nearlyDueSteps: number; overdueSteps: number;
  onTimeRate: number | null; averageProcessingDays: number | null;
};

const countColumns = <T extends Counts>(): CsvColumn<T>[] => [
  { header: 'Tiếp nhận', value: (row) => row.received },
  // Decision 766's denominator: received in the period or still in process in it, not "finished".
  { header: 'Tiếp nhận hoặc đang xử lý trong kỳ (mẫu số)', value: (row) => row.processed },
  { header: 'Hoàn thành trước hạn', value: (row) => row.finishedEarly },
  { header: 'Hoàn thành đúng hạn', value: (row) => row.finishedOnTime },
  { header: 'Hoàn thành quá hạn', value: (row) => row.finishedOverdue },
  { header: 'Đang xử lý trong hạn', value: (row) => row.inProcessInTime },
  { header: 'Đang xử lý quá hạn', value: (row) => row.inProcessOverdue },
  { header: 'Bước sắp đến hạn', value: (row) => row.nearlyDueSteps },
  { header: 'Bước quá hạn', value: (row) => row.overdueSteps },
  { header: 'Tỷ lệ đúng hạn (%)', value: (row) => rate(row.onTimeRate) },
  { header: 'Thời gian xử lý trung bình (ngày làm việc)', value: (row) => days(row.averageProcessingDays) },
];

export type SummaryCsvRow = Counts & {
  period: { from: string; to: string }; pausedInTime: number; pausedOverdue: number;
  onlineRate: number | null; digitisationRate: number | null; orphanedSteps: number;
  finished: number; inProcess: number; onTime: number;
};

export const SUMMARY_COLUMNS: CsvColumn<SummaryCsvRow>[] = [
  { header: 'Từ ngày', value: (row) => row.period.from },
  { header: 'Đến ngày', value: (row) => row.period.to },
  ...countColumns<SummaryCsvRow>(),
  { header: 'Tạm dừng trong hạn', value: (row) => row.pausedInTime },
  { header: 'Tạm dừng quá hạn', value: (row) => row.pausedOverdue },
  { header: 'Tỷ lệ nộp trực tuyến (%)', value: (row) => rate(row.onlineRate) },
  { header: 'Tỷ lệ số hóa (%)', value: (row) => rate(row.digitisationRate) },
  { header: 'Bước không ai xử lý được', value: (row) => row.orphanedSteps },
  { header: 'Đã hoàn thành trong kỳ', value: (row) => row.finished },
  { header: 'Chưa hoàn thành cuối kỳ', value: (row) => row.inProcess },
  { header: 'Đúng hạn (tử số)', value: (row) => row.onTime },
];

export type BreakdownCsvRow = Counts & { key: string; label: string };

export const BREAKDOWN_COLUMNS: CsvColumn<BreakdownCsvRow>[] = [
  { header: 'Mã', value: (row) => row.key },
  { header: 'Tên', value: (row) => row.label },
  ...countColumns<BreakdownCsvRow>(),
];

export const TREND_COLUMNS: CsvColumn<{ periodStart: string; received: number; finished: number; onTimeRate: number | null }>[] = [
  { header: 'Kỳ (bắt đầu)', value: (row) => row.periodStart },
  { header: 'Tiếp nhận', value: (row) => row.received },
  { header: 'Hoàn thành', value: (row) => row.finished },
  { header: 'Tỷ lệ đúng hạn (%)', value: (row) => rate(row.onTimeRate) },
];

export const DELAY_COLUMNS: CsvColumn<{ agencyId: string; label: string; dossiersDelayed: number; overrunWorkingHours: number; apologiesIssued: number }>[] = [
  { header: 'Mã cơ quan', value: (row) => row.agencyId },
  { header: 'Cơ quan', value: (row) => row.label },
  { header: 'Số hồ sơ gây chậm', value: (row) => row.dossiersDelayed },
  { header: 'Số giờ làm việc vượt', value: (row) => row.overrunWorkingHours },
  { header: 'Số thư xin lỗi đã phát hành', value: (row) => row.apologiesIssued },
];

type StepRow = { dossierCode: string; procedureKey: string; stepName: string; agencyId?: string; departmentId?: string; assigneeId?: string; startedAt: string; dueAt?: string; mark: string };
const MARKS: Record<string, string> = { nearlyDue: 'Sắp đến hạn', overdue: 'Quá hạn', due: 'Trong hạn', paused: 'Tạm dừng' };

export const STEP_COLUMNS: CsvColumn<StepRow>[] = [
  { header: 'Mã hồ sơ', value: (row) => row.dossierCode },
  { header: 'Thủ tục', value: (row) => row.procedureKey },
  { header: 'Bước xử lý', value: (row) => row.stepName },
  { header: 'Cơ quan', value: (row) => row.agencyId },
  { header: 'Phòng ban', value: (row) => row.departmentId },
  { header: 'Cán bộ', value: (row) => row.assigneeId },
  { header: 'Bắt đầu', value: (row) => row.startedAt },
  { header: 'Hạn xử lý', value: (row) => row.dueAt },
  { header: 'Trạng thái hạn', value: (row) => MARKS[row.mark] ?? row.mark },
];

type DossierRow = { dossierCode: string; procedureKey: string; status: number; receivedAt?: string; appointmentAt?: string; finishedAt?: string; classification: string };
const CLASSES: Record<string, string> = {
  early: 'Hoàn thành trước hạn', onTime: 'Hoàn thành đúng hạn', overdue: 'Hoàn thành quá hạn', inTime: 'Đang xử lý trong hạn',
  inProcessOverdue: 'Đang xử lý quá hạn', pausedInTime: 'Tạm dừng trong hạn', pausedOverdue: 'Tạm dừng quá hạn',
};

export const DOSSIER_COLUMNS: CsvColumn<DossierRow>[] = [
  { header: 'Mã hồ sơ', value: (row) => row.dossierCode },
  { header: 'Thủ tục', value: (row) => row.procedureKey },
  { header: 'Trạng thái', value: (row) => row.status },
  { header: 'Ngày tiếp nhận', value: (row) => row.receivedAt },
  { header: 'Ngày hẹn trả', value: (row) => row.appointmentAt },
  { header: 'Ngày hoàn thành', value: (row) => row.finishedAt },
  { header: 'Phân loại', value: (row) => CLASSES[row.classification] ?? row.classification },
];
