/**
 * @module workspaceFormat — how the workspaces write instants, working durations, national statuses and inbox marks:
 * in the office's time zone (UTC+7) and in the chosen language, counting 8 working hours a day (DOMAIN.md "Time").
 */
import { currentLocale, t, type MessageKey } from '../../i18n/locale';
import type { InboxMark } from './workspace-api';

const HOUR_MS = 3_600_000;
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** "05/03/2025 14:30" in Vietnam's time (day first, 24 hours, in both languages), whatever the browser's zone. */
export function formatDateTime(iso: string | number | undefined): string {
  const parts = dateParts(iso);
  return parts ? `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}` : '';
}

/** "14:30:05" in Vietnam's time. */
export function formatTime(at: number): string {
  const parts = dateParts(at);
  return parts ? `${parts.hour}:${parts.minute}:${parts.second}` : '';
}

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function dateParts(iso: string | number | undefined): Record<string, string> | undefined {
  if (iso === undefined || iso === '') return undefined;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  return Object.fromEntries(PARTS.formatToParts(date).map((part) => [part.type, part.value]));
}

/** "05/03/2025" in Vietnam's time. */
export function formatDate(iso: string | number | undefined): string {
  return formatDateTime(iso).split(' ')[0] ?? '';
}

/** Working time in words, 8 working hours a day: "1 ngày 2 giờ làm việc". */
export function workingDuration(ms: number): string {
  if (Math.abs(ms) < HOUR_MS) return t('ws.duration.minutes', { minutes: Math.max(1, Math.round(Math.abs(ms) / 60_000)) });
  const hours = Math.round(Math.abs(ms) / HOUR_MS);
  const days = Math.floor(hours / 8);
  const rest = hours % 8;
  if (days === 0) return t(rest === 1 ? 'ws.duration.hour' : 'ws.duration.hours', { hours: rest });
  if (rest === 0) return t(days === 1 ? 'ws.duration.day' : 'ws.duration.days', { days });
  return t(days === 1 ? 'ws.duration.dayHours' : 'ws.duration.daysHours', { days, hours: rest });
}

/** "còn 3 giờ làm việc" or "quá hạn 1 ngày 2 giờ làm việc"; paused steps say how much budget they keep. */
export function remainingText(mark: InboxMark, remainingMs: number | undefined): string {
  if (remainingMs === undefined) return '';
  if (mark === 'paused') return t('ws.remaining.paused', { duration: workingDuration(remainingMs) });
  return remainingMs < 0 ? t('ws.remaining.overdue', { duration: workingDuration(remainingMs) }) : t('ws.remaining.left', { duration: workingDuration(remainingMs) });
}

/** The national status label (DOMAIN.md: statuses 1–10). */
export function statusLabel(status: number): string {
  return status >= 1 && status <= 10 ? t(`ws.status.${status}` as MessageKey) : String(status);
}

/** A badge element for an inbox mark: Quá hạn / Sắp đến hạn / Trong hạn / Tạm dừng. */
export function markBadge(mark: InboxMark): HTMLElement {
  const badge = document.createElement('span');
  badge.className = `ws-badge ws-badge-${mark}`;
  badge.textContent = t(`ws.mark.${mark}` as MessageKey);
  return badge;
}

/** 12,5 % in Vietnamese, 12.5% in English; a dash when there is nothing to divide. */
export function formatPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return '—';
  return new Intl.NumberFormat(currentLocale() === 'en' ? 'en-GB' : 'vi-VN', { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
}

export function formatNumber(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return new Intl.NumberFormat(currentLocale() === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: digits }).format(value);
}
