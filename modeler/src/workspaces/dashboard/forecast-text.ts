/**
 * @module forecastText — the words of the dashboard's forecast ("what if arrivals double next month", issue 19),
 * Vietnamese first with English selectable: every predicted figure is called a prediction, with its 95 % interval,
 * beside the measured rate it must not be mistaken for. Kept beside the panel that uses them.
 */
import { currentLocale } from '../../i18n/locale';

const vi = {
  title: 'Dự báo: nếu lượng hồ sơ thay đổi',
  intro: 'Mô phỏng lại quy trình với thời gian xử lý đo được của từng bước, trên lịch làm việc thật (ngày lễ, ngày làm bù), để dự báo tỷ lệ hồ sơ đúng hạn.',
  procedure: 'Thủ tục',
  factor: 'Lượng hồ sơ so với hiện nay (×)',
  from: 'Từ ngày (trống: tháng sau)',
  to: 'Đến ngày',
  staffing: 'Số cán bộ xử lý của từng cơ quan (không bắt buộc)',
  staffingHint: 'Cơ quan để trống không phải xếp hàng: thời gian chờ cán bộ nhận xử lý lấy theo số đo thực tế. Cơ quan có nhập số cán bộ: thời gian chờ do hàng chờ tính ra, thay cho số đo đó.',
  officials: 'cán bộ',
  run: 'Chạy dự báo',
  running: 'Đang mô phỏng…',
  pickProcedure: 'Chọn một thủ tục để dự báo',
  disclaimer: 'Đây là DỰ BÁO từ mô phỏng, không phải số liệu thực tế. Kết quả phụ thuộc số liệu đã đo và có sai số (khoảng tin cậy 95%).',
  period: 'Kỳ dự báo: {from} – {to}; thời gian xử lý đo trên hồ sơ tiếp nhận từ {historyFrom} đến {historyTo} ({received} hồ sơ, bình quân {perDay} hồ sơ/ngày làm việc).',
  measured: 'Tỷ lệ đúng hạn đo được (QĐ 766)',
  measuredNote: 'thực tế, từ {from} đến {to}: {onTime} / {processed} hồ sơ',
  noMeasured: 'Không có số liệu thống kê trong phạm vi của bạn',
  predicted: 'Dự báo đúng hạn với lượng hồ sơ ×{factor}',
  predictedNote: 'khoảng tin cậy 95%: {low} – {high}; mô phỏng {runs} lần, bình quân {dossiers} hồ sơ mỗi lần',
  incomplete: 'Mô phỏng dừng sớm vì quá thời gian cho phép: kết quả chỉ tính các lần và hồ sơ đã mô phỏng xong.',
  lower: 'Với lượng hồ sơ ×{factor}, tỷ lệ đúng hạn dự báo thấp hơn {points} điểm phần trăm so với lượng hồ sơ như hiện nay.',
  lowerWithinNoise: 'Với lượng hồ sơ ×{factor}, tỷ lệ đúng hạn dự báo thấp hơn {points} điểm phần trăm, nhưng chênh lệch nằm trong sai số của mô phỏng.',
  equal: 'Với lượng hồ sơ ×{factor}, tỷ lệ đúng hạn dự báo bằng với lượng hồ sơ như hiện nay: các cơ quan đủ người, hồ sơ không phải chờ.',
  higherWithinNoise: 'Với lượng hồ sơ ×{factor}, tỷ lệ đúng hạn dự báo cao hơn {points} điểm phần trăm; chênh lệch nằm trong sai số của mô phỏng, không phải cải thiện thật.',
  higher: 'Với lượng hồ sơ ×{factor}, tỷ lệ đúng hạn dự báo cao hơn {points} điểm phần trăm so với lượng hồ sơ như hiện nay.',
  responsible: 'Cơ quan gây trễ hạn nhiều nhất (dự báo): {agency}, chịu trách nhiệm {share} số hồ sơ trễ',
  noLate: 'Dự báo không có hồ sơ trễ hạn.',
  units: 'Mức bận của từng đơn vị (dự báo)',
  'col.unit': 'Đơn vị',
  'col.officials': 'Số cán bộ',
  'col.baseline': 'Mức bận, như hiện nay',
  'col.scenario': 'Mức bận, ×{factor}',
  'col.waiting': 'Chờ đến lượt bình quân, ×{factor} (giờ làm việc)',
  unlimited: 'đủ người',
} as const;

export type ForecastTextKey = keyof typeof vi;

const en: Record<ForecastTextKey, string> = {
  title: 'Forecast: if the number of dossiers changes',
  intro: 'Simulates the procedure again with each step\'s measured processing time, on the real working calendar (holidays, make-up days), to forecast the share of dossiers on time.',
  procedure: 'Procedure',
  factor: 'Dossiers compared with now (×)',
  from: 'From (empty: next month)',
  to: 'To',
  staffing: 'Officials handling steps at each agency (optional)',
  staffingHint: 'An agency left empty never queues: it keeps the measured wait for an official. An agency with officials stated gets its wait from its queue instead.',
  officials: 'officials',
  run: 'Run forecast',
  running: 'Simulating…',
  pickProcedure: 'Choose a procedure to forecast',
  disclaimer: 'This is a FORECAST from a simulation, not measured data. It depends on the measured history and has an error margin (95 % interval).',
  period: 'Forecast period: {from} – {to}; processing times measured on dossiers received from {historyFrom} to {historyTo} ({received} dossiers, {perDay} per working day on average).',
  measured: 'Measured on-time rate (Decision 766)',
  measuredNote: 'actual, from {from} to {to}: {onTime} / {processed} dossiers',
  noMeasured: 'No statistics within your scope',
  predicted: 'Forecast on-time share at ×{factor} dossiers',
  predictedNote: '95 % interval: {low} – {high}; {runs} runs, {dossiers} dossiers each on average',
  incomplete: 'The simulation stopped early at its time limit: the figures count the dossiers simulated to the end.',
  lower: 'At ×{factor} dossiers the forecast on-time share is {points} percentage points lower than at today\'s number.',
  lowerWithinNoise: 'At ×{factor} dossiers the forecast on-time share is {points} percentage points lower, within the simulation\'s error margin.',
  equal: 'At ×{factor} dossiers the forecast on-time share is the same as today: the agencies are fully staffed and nothing queues.',
  higherWithinNoise: 'At ×{factor} dossiers the forecast on-time share is {points} percentage points higher; the difference is within the simulation\'s error margin, not a real improvement.',
  higher: 'At ×{factor} dossiers the forecast on-time share is {points} percentage points higher than at today\'s number.',
  responsible: 'Agency causing most lateness (forecast): {agency}, responsible for {share} of the late dossiers',
  noLate: 'No dossier is forecast to be late.',
  units: 'How busy each unit is (forecast)',
  'col.unit': 'Unit',
  'col.officials': 'Officials',
  'col.baseline': 'Busy, as today',
  'col.scenario': 'Busy, ×{factor}',
  'col.waiting': 'Mean wait for an official, ×{factor} (working hours)',
  unlimited: 'fully staffed',
};

/** The forecast string for `key` in the current language, with `{name}` placeholders filled. */
export function forecastText(key: ForecastTextKey, replacements: Record<string, string | number> = {}): string {
  const table: Record<ForecastTextKey, string> = currentLocale() === 'en' ? en : vi;
  return table[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in replacements ? String(replacements[name]) : whole));
}
