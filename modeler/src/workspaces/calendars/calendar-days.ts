/**
 * @module calendarDays — the days of one month as the administrator sees them on a layer's calendar: the lunar date
 * under each day (Vietnamese calendar, UTC+7), and what decides the day — the national schedule, the province's layer
 * or the layer being edited (DOMAIN.md "Holidays": per-year administrator data, lunar dates only to propose). The
 * engine's own calendar arithmetic resolves the days, so the page shows what the deadlines count on.
 */
import {
  createVietnamWorkingCalendar, localDayFromDate, toIsoDate, toLunarDate, weekdayOf,
  type CalendarDayEntry, type CalendarLayer, type CalendarYear, type DayKind, type LocalDay,
} from '../../../../engine/src/time/index';

export type DaySource = 'national' | 'province' | 'own';

export interface MonthDay {
  date: string;
  day: number;
  /** Lunar day/month, `N` after a leap month's number. */
  lunar: string;
  weekend: boolean;
  working: boolean;
  kind?: DayKind;
  reason?: string;
  source?: DaySource;
}

export interface CalendarLayers {
  /** Years stored for the national layer (scope `VN`): confirmed schedules. */
  nationalYears: readonly CalendarYear[];
  /** The province layers (when the edited layer is an agency's). */
  province: readonly CalendarLayer[];
  /** The layer being edited. */
  own: CalendarLayer;
}

function lunarText(day: LocalDay): string {
  const lunar = toLunarDate(day);
  return `${lunar.day}/${lunar.month}${lunar.leap ? 'N' : ''}`;
}

/** The month's days in weeks from Monday: `null` before the 1st and after the last day. */
export function monthDays(year: number, month: number, layers: CalendarLayers): (MonthDay | null)[] {
  const local = [...layers.province.filter((l) => l.id !== layers.own.id), ...(layers.own.level === 'national' ? [] : [layers.own])];
  const calendar = createVietnamWorkingCalendar(local, layers.nationalYears);
  const first = localDayFromDate(year, month, 1);
  const next = month === 12 ? localDayFromDate(year + 1, 1, 1) : localDayFromDate(year, month + 1, 1);
  const cells: (MonthDay | null)[] = Array.from({ length: (weekdayOf(first) + 6) % 7 }, () => null);
  for (let day = first; day < next; day += 1) {
    const resolved = calendar.resolveDay(day);
    const weekday = weekdayOf(day);
    const source: DaySource | undefined = resolved.entry === undefined ? undefined
      : resolved.layerId === 'VN' ? 'national' : resolved.layerId === layers.own.id ? 'own' : 'province';
    cells.push({
      date: toIsoDate(day),
      day: day - first + 1,
      lunar: lunarText(day),
      weekend: weekday === 0 || weekday === 6,
      working: resolved.periods.length > 0,
      ...(resolved.entry ? { kind: resolved.entry.kind, reason: resolved.entry.reason.vi, source } : {}),
    });
  }
  while (cells.length % 7 !== 0) cells.push(null);
  return cells;
}

/** The national layer's entries of `year` (confirmed, published, or else computed) and that year's status. */
export function nationalHolidays(year: number, nationalYears: readonly CalendarYear[]): { status: 'official' | 'proposed' | 'none'; days: CalendarDayEntry[] } {
  const calendar = createVietnamWorkingCalendar([], nationalYears);
  const days: CalendarDayEntry[] = [];
  const end = localDayFromDate(year + 1, 1, 1);
  for (let day = localDayFromDate(year, 1, 1); day < end; day += 1) {
    const resolved = calendar.resolveDay(day);
    if (resolved.entry && resolved.layerId === 'VN') days.push(resolved.entry);
  }
  return { status: calendar.yearStatus(year), days };
}

/** The edited layer with `date` marked as `entry` (or unmarked when `entry` is undefined), in its official year. */
export function markDay(layer: CalendarLayer, date: string, entry: CalendarDayEntry | undefined): CalendarLayer {
  const year = Number(date.slice(0, 4));
  const years = [...(layer.years ?? [])];
  let index = years.findIndex((y) => y.year === year && y.status === 'official');
  if (index < 0) index = years.push({ year, status: 'official', days: [] }) - 1;
  const target = years[index]!;
  const days = target.days.filter((d) => d.date !== date);
  if (entry) days.push(entry);
  days.sort((a, b) => a.date.localeCompare(b.date));
  years[index] = { ...target, days };
  return { ...layer, years };
}

/** The entry the edited layer itself has for `date`, if any. */
export function ownEntry(layer: CalendarLayer, date: string): CalendarDayEntry | undefined {
  return (layer.years ?? []).flatMap((y) => y.days).find((d) => d.date === date);
}
