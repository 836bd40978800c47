/**
 * @module due-date-text — the one-paragraph explanation of a due date in Vietnamese and English, as printed on a
 * receipt or shown to a supervisor: the due instant, the budget and where it counted from, then the days not
 * counted (weekly rest days grouped, every holiday or closure named) and the make-up days counted.
 */
import type { Budget } from '../model/procedure-definition';
import type { ExplanationEntry } from './explanation-entry';
import { formatLocalDay, formatLocalInstant, type Language } from './format-local-day';
import { localDayOf } from './local-day';
import type { LocalizedText } from './working-calendar';

function number(value: number, language: Language): string {
  return language === 'vi' ? String(value).replace('.', ',') : String(value);
}

function budgetText(budget: Budget, language: Language): string {
  const v = number(budget.value, language);
  const plural = budget.value === 1 ? '' : 's';
  switch (budget.unit) {
    case 'workingDays': return language === 'vi' ? `${v} ngày làm việc` : `${v} working day${plural}`;
    case 'workingHours': return language === 'vi' ? `${v} giờ làm việc` : `${v} working hour${plural}`;
    case 'calendarDays': return language === 'vi' ? `${v} ngày` : `${v} calendar day${plural}`;
    case 'sameDay': return language === 'vi' ? 'trong ngày' : 'same day';
  }
}

const SKIPPED = new Set(['holiday', 'compensatory', 'swappedDayOff', 'localClosure']);

function paragraph(budget: Budget, dueAt: number, startAt: number, entries: ExplanationEntry[], language: Language): string {
  const vi = language === 'vi';
  const from = budget.unit === 'calendarDays' ? formatLocalDay(localDayOf(startAt), language) : formatLocalInstant(startAt, language);
  const parts = [vi
    ? `Hạn: ${formatLocalInstant(dueAt, language, true)} — ${budgetText(budget, language)}, tính từ ${from}.`
    : `Due ${formatLocalInstant(dueAt, language, true)} — ${budgetText(budget, language)}, from ${from}.`];
  for (const move of entries.filter((e) => e.kind === 'cutOff' || e.kind === 'outsideHours')) parts.push(`${move.text[language]}.`);
  const weekends = entries.filter((e) => e.kind === 'weekend').length;
  const skipped = entries.filter((e) => SKIPPED.has(e.kind)).map((e) => e.text[language]);
  if (weekends > 0) skipped.unshift(vi ? `${weekends} ngày nghỉ hằng tuần` : `${weekends} weekly rest day${weekends === 1 ? '' : 's'}`);
  // In a calendar-day period every day counts: the non-working days listed are those that pushed its end.
  const label = budget.unit === 'calendarDays'
    ? (vi ? 'Ngày nghỉ kéo dài thời hạn' : 'Non-working days extending the period')
    : (vi ? 'Không tính' : 'Not counted');
  if (skipped.length > 0) parts.push(`${label}: ${skipped.join('; ')}.`);
  const counted = entries.filter((e) => e.kind === 'makeUpWorkingDay').map((e) => e.text[language]);
  if (counted.length > 0) parts.push(`${vi ? 'Có tính' : 'Counted'}: ${counted.join('; ')}.`);
  for (const note of entries.filter((e) => e.kind === 'periodEndMoved' || e.kind === 'proposedYear' || e.kind === 'calendarChanged')) {
    parts.push(`${note.text[language]}.`);
  }
  return parts.join(' ');
}

/** Both languages of the paragraph. */
export function dueDateText(budget: Budget, dueAt: number, startAt: number, entries: ExplanationEntry[]): LocalizedText {
  return { vi: paragraph(budget, dueAt, startAt, entries, 'vi'), en: paragraph(budget, dueAt, startAt, entries, 'en') };
}
