/**
 * @module explanation-entry — why a due date is where it is: each non-working day skipped and why, make-up
 * working days counted, and moves of the start (cut-off, out of hours) or of the end (Civil Code 2015 Art. 148).
 * Every entry carries Vietnamese and English text, for the receipt and for the supervisor's screen.
 */
import { formatLocalDay, formatLocalInstant } from './format-local-day';
import { localDayOf, startOfLocalDay, type LocalDay } from './local-day';
import type { CalendarLayer, CalendarLevel, DayKind, LocalizedText, ResolvedDay, WorkingCalendar } from './working-calendar';

export type ExplanationKind =
  | 'weekend'
  | DayKind
  | 'outsideHours'
  | 'cutOff'
  | 'periodEndMoved'
  | 'proposedYear'
  | 'calendarChanged';

export interface ExplanationEntry {
  kind: ExplanationKind;
  /** The local day concerned, `YYYY-MM-DD`. */
  date?: string;
  /** The instant concerned and where it was moved to (start moves). */
  at?: number;
  movedTo?: number;
  /** The calendar layer whose entry decided this day. */
  layerId?: string;
  /** That layer's level and name, on entries that say why a deadline moved (issue 18: the explanation names the layer). */
  layer?: ExplanationLayer;
  source?: string;
  text: LocalizedText;
}

/** The calendar layer an entry names: national, a province's or an agency's, with its name. */
export interface ExplanationLayer {
  id: string;
  level: CalendarLevel;
  name: LocalizedText;
}

const LEVEL_TEXT: Record<CalendarLevel, LocalizedText> = {
  national: { vi: 'lịch quốc gia', en: 'national calendar' },
  province: { vi: 'lịch cấp tỉnh', en: 'province calendar' },
  agency: { vi: 'lịch riêng của cơ quan', en: 'agency calendar' },
};

export function toExplanationLayer(layer: CalendarLayer): ExplanationLayer {
  return { id: layer.id, level: layer.level, name: { vi: layer.name.vi, en: layer.name.en } };
}

/** "lịch riêng của cơ quan “Sở Tư pháp”": the level, then the layer's own name. */
export function describeLayer(layer: ExplanationLayer, language: 'vi' | 'en'): string {
  return `${LEVEL_TEXT[layer.level][language]} “${layer.name[language]}”`;
}

/** A day's entry is the same in every explanation: built once per resolved day, frozen, and shared. */
const explainedDays = new WeakMap<ResolvedDay, ExplanationEntry | null>();

/** The entry for a day that is non-working or has a calendar entry; undefined for an ordinary working day. */
export function explainDay(calendar: WorkingCalendar, resolved: ResolvedDay): ExplanationEntry | undefined {
  if (resolved.entry === undefined && resolved.periods.length > 0) return undefined;
  let explained = explainedDays.get(resolved);
  if (explained === undefined) {
    const built = buildDayEntry(calendar, resolved);
    explained = built ? Object.freeze({ ...built, text: Object.freeze({ ...built.text }) }) : null;
    explainedDays.set(resolved, explained);
  }
  return explained ?? undefined;
}

function buildDayEntry(calendar: WorkingCalendar, resolved: ResolvedDay): ExplanationEntry | undefined {
  const day = resolved.day;
  const vi = formatLocalDay(day, 'vi');
  const en = formatLocalDay(day, 'en');
  const { entry } = resolved;
  if (!entry) {
    if (resolved.periods.length > 0) return undefined;
    return { kind: 'weekend', date: resolved.date, text: { vi: `${vi}: nghỉ hằng tuần`, en: `${en}: weekly rest day` } };
  }
  const layer = calendar.layers.find((l) => l.id === resolved.layerId);
  const common = { kind: entry.kind, date: resolved.date, ...(resolved.layerId ? { layerId: resolved.layerId } : {}),
    ...(entry.source ? { source: entry.source } : {}) };
  switch (entry.kind) {
    case 'makeUpWorkingDay':
      return { ...common, text: {
        vi: `${vi}: ngày làm bù, được tính là ngày làm việc (${entry.reason.vi})`,
        en: `${en}: make-up working day, counted as a working day (${entry.reason.en})`,
      } };
    case 'localClosure':
      return { ...common, text: {
        vi: `${vi}: ${entry.reason.vi} (nghỉ riêng của ${layer?.name.vi ?? resolved.layerId})`,
        en: `${en}: ${entry.reason.en} (local closure of ${layer?.name.en ?? resolved.layerId})`,
      } };
    default:
      return { ...common, text: { vi: `${vi}: ${entry.reason.vi}`, en: `${en}: ${entry.reason.en}` } };
  }
}

/** Entries for every notable day from `fromDay` to `toDay` inclusive, then a note per year not officially confirmed. */
export function explainDays(calendar: WorkingCalendar, fromDay: LocalDay, toDay: LocalDay): ExplanationEntry[] {
  const entries: ExplanationEntry[] = [];
  const years = new Map<number, ResolvedDay['yearStatus']>();
  for (let day = fromDay; day <= toDay; day += 1) {
    const resolved = calendar.resolveDay(day);
    // A year has one status: note it on the range's first day and on each 1 January.
    if (day === fromDay || resolved.date.endsWith('-01-01')) years.set(Number(resolved.date.slice(0, 4)), resolved.yearStatus);
    const entry = explainDay(calendar, resolved);
    if (entry) entries.push(entry);
  }
  for (const [year, status] of years) {
    if (status === 'proposed') {
      entries.push({ kind: 'proposedYear', text: {
        vi: `Lịch nghỉ lễ năm ${year} là lịch đề xuất, chưa được xác nhận chính thức`,
        en: `The ${year} holiday schedule is proposed, not yet confirmed as official`,
      } });
    } else if (status === 'none') {
      entries.push({ kind: 'proposedYear', text: {
        vi: `Chưa có lịch nghỉ lễ năm ${year}: chỉ tính ngày nghỉ hằng tuần`,
        en: `No holiday schedule entered for ${year}: only weekly rest days are counted`,
      } });
    }
  }
  return entries;
}

/** Entry for a start moved to the next working period or day; `cutOffMs` since local midnight. */
export function explainStartMove(kind: 'outsideHours' | 'cutOff', at: number, movedTo: number, cutOffMs: number): ExplanationEntry {
  const minutes = cutOffMs / 60_000;
  const cutOff = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  const [fromVi, fromEn, toVi, toEn] = [formatLocalInstant(at, 'vi'), formatLocalInstant(at, 'en'),
    formatLocalInstant(movedTo, 'vi'), formatLocalInstant(movedTo, 'en')];
  const text = kind === 'cutOff'
    ? { vi: `Nhận lúc ${fromVi}, sau ${cutOff}: tính từ ngày làm việc tiếp theo, ${toVi}`,
        en: `Received ${fromEn}, after the ${cutOff} cut-off: counted from the next working day, ${toEn}` }
    : { vi: `Nhận lúc ${fromVi}, ngoài giờ làm việc: tính từ ${toVi}`,
        en: `Received ${fromEn}, outside working hours: counted from ${toEn}` };
  return { kind, at, movedTo, text };
}

/** Entry for a calendar-day period whose last day was not a working day (Civil Code 2015 Art. 148(2)). */
export function explainPeriodEndMove(lastDay: LocalDay, dueAt: number): ExplanationEntry {
  const endDay = localDayOf(dueAt - 1);
  const [fromVi, fromEn, toVi, toEn] = [formatLocalDay(lastDay, 'vi'), formatLocalDay(lastDay, 'en'),
    formatLocalDay(endDay, 'vi'), formatLocalDay(endDay, 'en')];
  return { kind: 'periodEndMoved', at: startOfLocalDay(lastDay), movedTo: dueAt, text: {
    vi: `Ngày cuối của thời hạn (${fromVi}) là ngày nghỉ: thời hạn kết thúc vào cuối ngày làm việc tiếp theo, ${toVi} (Bộ luật Dân sự 2015, Điều 148)`,
    en: `The period's last day (${fromEn}) is not a working day: it ends at the end of the next working day, ${toEn} (Civil Code 2015, Art. 148)`,
  } };
}
