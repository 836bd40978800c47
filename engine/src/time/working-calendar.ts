/**
 * @module working-calendar — working-time calendars: office hours per weekday plus per-year day entries
 * (holidays, compensatory days, swapped days, make-up working days, local closures), layered national → province →
 * agency. The layers are plain JSON (stored by the server, edited by an administrator); `createWorkingCalendar`
 * validates them and compiles each year lazily into a compact table (see ./year-table) so due dates are cheap.
 */
import { EngineError } from '../errors';
import { localDayFromDate, parseIsoDate, parseTimeOfDay, toIsoDate, weekdayOf, type LocalDay } from './local-day';
import { validateCalendarLayers } from './validate-calendar-layers';
import { compileYearTable, type YearTable } from './year-table';

/** A text in both languages the product speaks. */
export interface LocalizedText {
  vi: string;
  en: string;
}

/**
 * What a dated entry does. `holiday`: Labour Code 2019 Art. 112; `compensatory`: a holiday fell on the weekly
 * rest day (Art. 111(3)); `swappedDayOff` / `makeUpWorkingDay`: the Government moved a working day to bridge a
 * holiday (e.g. Fri 2/5/2025 off, Sat 26/4/2025 worked); `localClosure`: one province or agency is closed.
 */
export type DayKind = 'holiday' | 'compensatory' | 'swappedDayOff' | 'makeUpWorkingDay' | 'localClosure';

/** One office period in local time, `HH:MM` to `HH:MM`. */
export interface OfficePeriod {
  start: string;
  end: string;
}

export type Weekday = 'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';
/** Index = `weekdayOf(day)` (0 = Sunday). */
export const WEEKDAYS: readonly Weekday[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Office hours per weekday; a weekday that is absent is closed. A lower layer replaces the weekdays it lists. */
export type WeeklyOfficeHours = Partial<Record<Weekday, OfficePeriod[]>>;

export interface CalendarDayEntry {
  date: string;
  kind: DayKind;
  reason: LocalizedText;
  /** Where it comes from: the notice or decision, or "computed". */
  source?: string;
  /** Office hours of a make-up working day; default: Monday's. */
  periods?: OfficePeriod[];
}

/** `official`: entered by an administrator from the year's published schedule; `proposed`: a computed default. */
export type YearStatus = 'proposed' | 'official';

export interface CalendarYear {
  year: number;
  status: YearStatus;
  days: CalendarDayEntry[];
  source?: string;
}

export type CalendarLevel = 'national' | 'province' | 'agency';

export interface CalendarLayer {
  id: string;
  level: CalendarLevel;
  name: LocalizedText;
  officeHours?: WeeklyOfficeHours;
  /** Many communes also open on Saturday morning (DOMAIN.md "Time", to verify locally): Monday's morning period. */
  saturdayMorning?: boolean;
  /** Same-day steps received after this local time count from the next working day; default `15:00`. */
  cutOffTime?: string;
  /** Working hours in one working day; default 8. */
  hoursPerWorkingDay?: number;
  /** Per year, an `official` entry wins over a `proposed` one of the same layer. */
  years?: CalendarYear[];
}

/** Mon–Fri 07:30–11:30 and 13:00–17:00 (DOMAIN.md "Time"): 8 working hours. */
export const DEFAULT_OFFICE_HOURS: Readonly<WeeklyOfficeHours> = Object.freeze(
  Object.fromEntries(
    (['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const).map((d) => [
      d,
      [{ start: '07:30', end: '11:30' }, { start: '13:00', end: '17:00' }],
    ]),
  ),
);

/** A day as the calendar sees it after merging the layers. */
export interface ResolvedDay {
  day: LocalDay;
  date: string;
  weekday: Weekday;
  /** Working periods as [start, end) ms since local midnight, flattened: [s0, e0, s1, e1 …]. */
  periods: readonly number[];
  /** The entry that decided this day, from the lowest layer that has one. */
  entry?: CalendarDayEntry;
  layerId?: string;
  yearStatus: YearStatus | 'none';
}

export interface WorkingCalendarOptions {
  /** Called for a year no layer has data for (e.g. `proposeHolidays`), to fill the national layer. */
  proposeYear?: (year: number) => CalendarYear | undefined;
}

export interface WorkingCalendar {
  readonly layers: readonly CalendarLayer[];
  readonly workingDayMs: number;
  /** Same-day cut-off in ms since local midnight. */
  readonly cutOffMs: number;
  /** Status of the national schedule of that year: `official`, `proposed` (computed or unconfirmed), or `none`. */
  yearStatus(year: number): YearStatus | 'none';
  resolveDay(day: LocalDay): ResolvedDay;
  /** Compiled table of a year; internal to the time arithmetic. */
  yearTable(year: number): YearTable;
}

function toPeriods(periods: readonly OfficePeriod[]): number[] {
  return periods.flatMap((p) => [parseTimeOfDay(p.start)!, parseTimeOfDay(p.end)!]);
}

/** Picks the year entry of a layer: the official schedule wins over a proposed one. */
function yearOf(layer: CalendarLayer, year: number): CalendarYear | undefined {
  const candidates = (layer.years ?? []).filter((y) => y.year === year);
  return candidates.find((y) => y.status === 'official') ?? candidates[0];
}

/** Office hours per weekday index, cut-off and day length: the defaults, then each layer's overrides in order. */
function mergeSettings(layers: readonly CalendarLayer[]): { weekly: number[][]; cutOffMs: number; hoursPerWorkingDay: number } {
  const weekly = WEEKDAYS.map((weekday) => toPeriods(DEFAULT_OFFICE_HOURS[weekday] ?? []));
  let cutOffMs = parseTimeOfDay('15:00')!;
  let hoursPerWorkingDay = 8;
  for (const layer of layers) {
    for (const [index, weekday] of WEEKDAYS.entries()) {
      const periods = layer.officeHours?.[weekday];
      if (periods) weekly[index] = toPeriods(periods);
    }
    // Saturday morning = the first (morning) period of a Monday.
    if (layer.saturdayMorning !== undefined) weekly[6] = layer.saturdayMorning ? weekly[1]!.slice(0, 2) : [];
    if (layer.cutOffTime) cutOffMs = parseTimeOfDay(layer.cutOffTime)!;
    if (layer.hoursPerWorkingDay) hoursPerWorkingDay = layer.hoursPerWorkingDay;
  }
  return { weekly, cutOffMs, hoursPerWorkingDay };
}

/**
 * Validates calendar layers (national first) and returns a calendar that compiles years on demand.
 * @throws EngineError `CALENDAR_INVALID` listing every problem found.
 * @example
 * const calendar = createWorkingCalendar([nationalCalendarLayer(), { id: 'ubnd-x', level: 'agency', name, years }], {
 *   proposeYear: proposeHolidays,
 * });
 */
export function createWorkingCalendar(layers: readonly CalendarLayer[], options: WorkingCalendarOptions = {}): WorkingCalendar {
  const issues = validateCalendarLayers(layers);
  if (issues.length > 0) {
    throw new EngineError({ code: 'CALENDAR_INVALID', message: `invalid working calendar: ${issues.join('; ')}` });
  }
  const { weekly, cutOffMs, hoursPerWorkingDay } = mergeSettings(layers);
  const proposed = new Map<number, CalendarYear | undefined>();
  const tables = new Map<number, YearTable>();
  const resolved = new Map<number, ResolvedDay[]>();

  const national = layers.find((l) => l.level === 'national') ?? layers[0];

  function layerYears(year: number): Array<{ layer: CalendarLayer; data: CalendarYear }> {
    const found = layers.flatMap((layer) => {
      const data = yearOf(layer, year);
      return data ? [{ layer, data }] : [];
    });
    if (national && !found.some((f) => f.layer === national) && options.proposeYear) {
      if (!proposed.has(year)) proposed.set(year, options.proposeYear(year));
      const data = proposed.get(year);
      if (data) found.unshift({ layer: national, data });
    }
    return found;
  }

  function resolveYear(year: number): ResolvedDay[] {
    const cached = resolved.get(year);
    if (cached) return cached;
    const sources = layerYears(year);
    // The holiday schedule is the national one: its status is the year's (a local closure confirms nothing).
    const status: YearStatus | 'none' = sources.find((s) => s.layer === national)?.data.status ?? 'none';
    const entries = new Map<LocalDay, { entry: CalendarDayEntry; layerId: string }>();
    for (const { layer, data } of sources) {
      for (const entry of data.days) entries.set(parseIsoDate(entry.date)!, { entry, layerId: layer.id });
    }
    const first = localDayFromDate(year, 1, 1);
    const count = localDayFromDate(year + 1, 1, 1) - first;
    const days: ResolvedDay[] = [];
    for (let day = first; day < first + count; day += 1) {
      const weekdayIndex = weekdayOf(day);
      const found = entries.get(day);
      let periods: readonly number[] = weekly[weekdayIndex]!;
      if (found?.entry.kind === 'makeUpWorkingDay') {
        periods = found.entry.periods ? toPeriods(found.entry.periods) : weekly[1]!;
      } else if (found) {
        periods = [];
      }
      days.push({
        day, date: toIsoDate(day), weekday: WEEKDAYS[weekdayIndex]!, periods, yearStatus: status,
        ...(found ? { entry: found.entry, layerId: found.layerId } : {}),
      });
    }
    resolved.set(year, days);
    return days;
  }

  return {
    layers,
    workingDayMs: hoursPerWorkingDay * 3_600_000,
    cutOffMs,
    yearStatus: (year) => resolveYear(year)[0]!.yearStatus,
    resolveDay(day) {
      // The year guessed from the day number is off by at most one.
      const guess = 1970 + Math.floor(day / 365.2425);
      let days = resolveYear(guess);
      if (day < days[0]!.day) days = resolveYear(guess - 1);
      else if (day > days[days.length - 1]!.day) days = resolveYear(guess + 1);
      return days[day - days[0]!.day]!;
    },
    yearTable(year) {
      let table = tables.get(year);
      if (!table) {
        table = compileYearTable(year, localDayFromDate(year, 1, 1), resolveYear(year).map((d) => d.periods));
        tables.set(year, table);
      }
      return table;
    },
  };
}
