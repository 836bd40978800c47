/**
 * @module reproject-deadlines — when a calendar changes (a holiday declared after intake, a local closure, a swapped
 * Saturday), finds the open deadlines whose due instant moves and says why (DOMAIN.md "Time": open deadlines are
 * re-projected). The server records each change on its dossier.
 */
import type { Budget } from '../model/procedure-definition';
import { budgetWorkingMs, computeDueDate, resolveDueDate, type DueDateOptions } from './due-date';
import { describeLayer, toExplanationLayer, type ExplanationEntry, type ExplanationLayer } from './explanation-entry';
import { formatLocalDay, formatLocalInstant, type Language } from './format-local-day';
import { localDayOf, type LocalDay } from './local-day';
import type { LocalizedText, ResolvedDay, WorkingCalendar } from './working-calendar';
import { workingTimeBetween } from './working-time-between';

export interface OpenDeadline {
  id: string;
  /** When the current run of the clock started (receipt, or resumption after a pause). */
  startAt: number;
  budget: Budget;
  /** Working time used in earlier runs, before a pause (working units only). */
  consumedMs?: number;
  /** Set while the clock is paused (waiting for the citizen): there is no due instant, only remaining time. */
  pausedAt?: number;
}

export interface ReprojectedDeadline {
  id: string;
  /** null while paused. */
  previousDueAt: number | null;
  dueAt: number | null;
  /** Paused deadlines: working time left, under the previous and the new calendar. */
  previousRemainingMs?: number;
  remainingMs?: number;
  /** The days whose status changed between the two calendars in this deadline's window. */
  changes: ExplanationEntry[];
  /** The new due date's explanation (running deadlines) followed by the changes. */
  explanation: ExplanationEntry[];
  text: LocalizedText;
}

const samePeriods = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((v, i) => v === b[i]);

function describeChange(before: ResolvedDay, after: ResolvedDay, layer: ExplanationLayer | undefined, language: Language): string {
  const day = formatLocalDay(after.day, language);
  const vi = language === 'vi';
  const by = layer ? (vi ? `, theo ${describeLayer(layer, language)}` : `, by the ${describeLayer(layer, language)}`) : '';
  if (after.periods.length === 0) {
    const reason = after.entry?.reason[language] ?? (vi ? 'nghỉ hằng tuần' : 'weekly rest day');
    return vi ? `${day} nay là ngày nghỉ (${reason})${by}` : `${day} is now a non-working day (${reason})${by}`;
  }
  if (before.periods.length === 0) {
    // A day off withdrawn: the layer that had it decided the change.
    const reason = after.entry ? ` (${after.entry.reason[language]})` : before.entry ? (vi ? ` (bỏ ${before.entry.reason.vi})` : ` (${before.entry.reason.en} withdrawn)`) : '';
    return vi ? `${day} nay là ngày làm việc${reason}${by}` : `${day} is now a working day${reason}${by}`;
  }
  return vi ? `${day}: giờ làm việc thay đổi${by}` : `${day}: office hours changed${by}`;
}

/** The layer that decided a changed day: the one with an entry after the change, else the one whose entry was withdrawn. */
function layerOfChange(previous: WorkingCalendar, calendar: WorkingCalendar, before: ResolvedDay, after: ResolvedDay): ExplanationLayer | undefined {
  const found = (after.layerId ? calendar.layers.find((l) => l.id === after.layerId) : undefined)
    ?? (before.layerId ? previous.layers.find((l) => l.id === before.layerId) : undefined);
  return found ? toExplanationLayer(found) : undefined;
}

/** The days from `fromDay` to `toDay` whose working periods differ between the calendars. */
function calendarChanges(previous: WorkingCalendar, calendar: WorkingCalendar, fromDay: LocalDay, toDay: LocalDay): ExplanationEntry[] {
  const changes: ExplanationEntry[] = [];
  for (let day = fromDay; day <= toDay; day += 1) {
    const before = previous.resolveDay(day);
    const after = calendar.resolveDay(day);
    if (samePeriods(before.periods, after.periods)) continue;
    const layer = layerOfChange(previous, calendar, before, after);
    changes.push({
      kind: 'calendarChanged',
      date: after.date,
      ...(layer ? { layerId: layer.id, layer } : {}),
      ...(after.entry?.source ? { source: after.entry.source } : {}),
      text: { vi: describeChange(before, after, layer, 'vi'), en: describeChange(before, after, layer, 'en') },
    });
  }
  return changes;
}

function movedText(changes: ExplanationEntry[], fromAt: number | null, toAt: number | null, remaining?: [number, number]): LocalizedText {
  const line = (language: Language): string => {
    const why = changes.map((c) => c.text[language]).join('; ');
    if (fromAt === null || toAt === null) {
      const [before, after] = (remaining ?? [0, 0]).map((ms) => (ms / 3_600_000).toFixed(2));
      return language === 'vi' ? `${why}: thời gian còn lại đổi từ ${before} giờ sang ${after} giờ làm việc.`
        : `${why}: remaining time changed from ${before} to ${after} working hours.`;
    }
    const [a, b] = [formatLocalInstant(fromAt, language, true), formatLocalInstant(toAt, language, true)];
    return language === 'vi' ? `${why}: hạn chuyển từ ${a} sang ${b}.` : `${why}: due moved from ${a} to ${b}.`;
  };
  return { vi: line('vi'), en: line('en') };
}

/**
 * The deadlines among `deadlines` whose due instant (or, paused, remaining working time) differs under `calendar`
 * from under `previous`, each with the calendar days that changed in its window.
 * @example reprojectDeadlines(before, after, openSteps).map((r) => r.text.vi)
 * // ["Thứ Sáu 2/5/2025 nay là ngày nghỉ (…): hạn chuyển từ … sang …."]
 */
export function reprojectDeadlines(
  previous: WorkingCalendar,
  calendar: WorkingCalendar,
  deadlines: readonly OpenDeadline[],
  options: DueDateOptions = {},
): ReprojectedDeadline[] {
  const moved: ReprojectedDeadline[] = [];
  for (const deadline of deadlines) {
    const runOptions = { ...options, consumedMs: deadline.consumedMs ?? 0 };
    if (deadline.pausedAt !== undefined) {
      const budgetMs = budgetWorkingMs(calendar, deadline.budget);
      if (budgetMs === undefined) continue;
      const remaining = (c: WorkingCalendar): number => {
        const { effectiveStartAt } = resolveDueDate(c, deadline.startAt, deadline.budget, runOptions);
        return Math.max(0, budgetMs - runOptions.consumedMs - workingTimeBetween(c, effectiveStartAt, deadline.pausedAt!));
      };
      const [before, after] = [remaining(previous), remaining(calendar)];
      if (before === after) continue;
      const changes = calendarChanges(previous, calendar, localDayOf(deadline.startAt), localDayOf(deadline.pausedAt));
      moved.push({ id: deadline.id, previousDueAt: null, dueAt: null, previousRemainingMs: before, remainingMs: after,
        changes, explanation: changes, text: movedText(changes, null, null, [before, after]) });
      continue;
    }
    const before = resolveDueDate(previous, deadline.startAt, deadline.budget, runOptions).dueAt;
    const after = computeDueDate(calendar, deadline.startAt, deadline.budget, runOptions);
    if (before === after.dueAt) continue;
    const changes = calendarChanges(previous, calendar, localDayOf(deadline.startAt), localDayOf(Math.max(before, after.dueAt)));
    moved.push({ id: deadline.id, previousDueAt: before, dueAt: after.dueAt, changes,
      explanation: [...after.explanation, ...changes], text: movedText(changes, before, after.dueAt) });
  }
  return moved;
}
