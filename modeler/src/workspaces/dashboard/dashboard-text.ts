/**
 * @module dashboardText — the words of the dashboard's figures, Vietnamese first with English selectable: each label
 * says exactly what it counts, in the words of Decision 766/QĐ-TTg (received, finished, in process, the rate's
 * denominator), and each "—" says why there is no figure. Kept beside the page that uses them.
 */
import { currentLocale } from '../../i18n/locale';

const vi = {
  onTimeRate: 'Tỷ lệ đúng hạn (QĐ 766)',
  rateFormula: '{onTime} hồ sơ đúng hạn ÷ {processed} hồ sơ tiếp nhận hoặc đang xử lý trong kỳ',
  noRateReason: 'Chưa tính được: không có hồ sơ nào tiếp nhận hoặc đang xử lý trong kỳ',
  'part.finishedEarly': 'Hoàn thành trước hạn',
  'part.finishedOnTime': 'Hoàn thành đúng hạn',
  'part.inProcessInTime': 'Đang xử lý trong hạn (kể cả chờ bổ sung)',
  'part.finishedOverdue': 'Hoàn thành quá hạn',
  'part.inProcessOverdue': 'Đang xử lý quá hạn (kể cả chờ bổ sung)',
  received: 'Hồ sơ tiếp nhận trong kỳ',
  receivedNote: '{processed} hồ sơ tiếp nhận hoặc đang xử lý trong kỳ: {finished} đã hoàn thành, {inProcess} chưa hoàn thành cuối kỳ',
  averageTime: 'Thời gian xử lý trung bình',
  averageUnit: 'ngày làm việc mỗi hồ sơ hoàn thành trong kỳ',
  noAverageReason: 'Chưa tính được: không có hồ sơ nào hoàn thành trong kỳ',
  onlineRate: 'Tỷ lệ hồ sơ nộp trực tuyến',
  onlineNote: 'trên số hồ sơ tiếp nhận trong kỳ',
  noOnlineReason: 'Chưa tính được: không có hồ sơ nào tiếp nhận trong kỳ',
  orphanedSteps: 'Bước không ai thấy',
  orphanedNote: 'Đơn vị không có cán bộ nào được xử lý — bấm để xem',
  orphanedList: 'Bước không ai thấy ({count})',
  'col.received': 'Tiếp nhận trong kỳ',
  'col.processed': 'Tiếp nhận hoặc đang xử lý (mẫu số)',
  'col.finishedOnTime': 'Hoàn thành trước / đúng hạn',
  'col.inProcessInTime': 'Đang xử lý trong hạn',
  'col.finishedOverdue': 'Hoàn thành quá hạn',
  'col.inProcessOverdue': 'Đang xử lý quá hạn',
  noRateCell: 'Không có hồ sơ trong kỳ',
  'steps.col.received': 'Bước nhận trong kỳ',
  'steps.col.processed': 'Bước nhận hoặc đang xử lý (mẫu số)',
  'steps.col.finishedOnTime': 'Bước xong trước / đúng hạn',
  'steps.col.inProcessInTime': 'Bước đang xử lý trong hạn',
  'steps.col.finishedOverdue': 'Bước xong quá hạn',
  'steps.col.inProcessOverdue': 'Bước đang xử lý quá hạn',
  stepsNote: 'Theo cán bộ: đếm các bước xử lý được giao cho từng cán bộ, không đếm hồ sơ cán bộ đã tiếp nhận hay chuyển.',
} as const;

export type DashboardTextKey = keyof typeof vi;

const en: Record<DashboardTextKey, string> = {
  onTimeRate: 'On-time rate (Decision 766)',
  rateFormula: '{onTime} dossiers on time ÷ {processed} dossiers received or in process in the period',
  noRateReason: 'Not computed: no dossier was received or in process in the period',
  'part.finishedEarly': 'Finished early',
  'part.finishedOnTime': 'Finished on time',
  'part.inProcessInTime': 'In process within time (waiting for a supplement included)',
  'part.finishedOverdue': 'Finished late',
  'part.inProcessOverdue': 'In process overdue (waiting for a supplement included)',
  received: 'Dossiers received in the period',
  receivedNote: '{processed} dossiers received or in process in the period: {finished} finished, {inProcess} not finished at its end',
  averageTime: 'Average processing time',
  averageUnit: 'working days per dossier finished in the period',
  noAverageReason: 'Not computed: no dossier was finished in the period',
  onlineRate: 'Share of dossiers submitted online',
  onlineNote: 'of the dossiers received in the period',
  noOnlineReason: 'Not computed: no dossier was received in the period',
  orphanedSteps: 'Steps nobody can see',
  orphanedNote: 'Their unit has no official to act — click to list',
  orphanedList: 'Steps nobody can see ({count})',
  'col.received': 'Received in the period',
  'col.processed': 'Received or in process (denominator)',
  'col.finishedOnTime': 'Finished early / on time',
  'col.inProcessInTime': 'In process within time',
  'col.finishedOverdue': 'Finished late',
  'col.inProcessOverdue': 'In process overdue',
  noRateCell: 'No dossier in the period',
  'steps.col.received': 'Steps taken in the period',
  'steps.col.processed': 'Steps taken or in process (denominator)',
  'steps.col.finishedOnTime': 'Steps finished early / on time',
  'steps.col.inProcessInTime': 'Steps in process within time',
  'steps.col.finishedOverdue': 'Steps finished late',
  'steps.col.inProcessOverdue': 'Steps in process overdue',
  stepsNote: 'Per official: the steps assigned to each official are counted, not the dossiers they received or handed on.',
};

/** The dashboard string for `key` in the current language, with `{name}` placeholders filled. */
export function dashboardText(key: DashboardTextKey, replacements: Record<string, string | number> = {}): string {
  const table: Record<DashboardTextKey, string> = currentLocale() === 'en' ? en : vi;
  return table[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in replacements ? String(replacements[name]) : whole));
}
