/**
 * @module durationText — the words of the measured durations on the heatmap, Vietnamese first with English selectable:
 * what the two figures on each step are (median and 90th percentile, in working days, pauses for the citizen left
 * out), how many completed steps they rest on, and which steps are marked slowest. Kept beside the page that uses them.
 */
import { currentLocale } from '../../i18n/locale';

const vi = {
  title: 'Thời gian xử lý đo được',
  period: 'Hồ sơ tiếp nhận từ {from} đến {to}, tính theo ngày làm việc trên lịch của cơ quan xử lý, không tính thời gian chờ công dân bổ sung.',
  badge: 'Trung vị {p50} · P90 {p90} ngày',
  sample: 'n = {count}',
  noSample: 'chưa có số liệu',
  tooltip: '{name}: một nửa số lần xử lý xong trong {p50} ngày làm việc, 90% xong trong {p90} ngày làm việc ({count} lần hoàn thành)',
  slowest: 'Chậm #{rank}',
  legendFigures: 'Trung vị · P90 (ngày làm việc), n = số lần hoàn thành',
  legendSlowest: 'Viền đỏ: {count} bước có P90 dài nhất',
  csv: 'Tải CSV thời gian xử lý',
  fewSamples: 'Ít mẫu (dưới 30): số liệu chỉ mang tính tham khảo',
} as const;

export type DurationTextKey = keyof typeof vi;

const en: Record<DurationTextKey, string> = {
  title: 'Measured processing time',
  period: 'Dossiers received from {from} to {to}, in working days on the handling agency\'s calendar, without the time spent waiting for the citizen.',
  badge: 'Median {p50} · P90 {p90} days',
  sample: 'n = {count}',
  noSample: 'no data yet',
  tooltip: '{name}: half were done within {p50} working days, 90% within {p90} working days ({count} completed)',
  slowest: 'Slowest #{rank}',
  legendFigures: 'Median · P90 (working days), n = times completed',
  legendSlowest: 'Red outline: the {count} steps with the longest P90',
  csv: 'Download processing times (CSV)',
  fewSamples: 'Few samples (under 30): figures are indicative only',
};

/** The durations string for `key` in the current language, with `{name}` placeholders filled. */
export function durationText(key: DurationTextKey, replacements: Record<string, string | number> = {}): string {
  const table: Record<DurationTextKey, string> = currentLocale() === 'en' ? en : vi;
  return table[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in replacements ? String(replacements[name]) : whole));
}
