/**
 * @module local-day — Vietnam civil time as integer day numbers. Vietnam keeps UTC+7 all year (no daylight saving
 * since 1975), so local arithmetic is a fixed offset: the host machine's time zone is never consulted.
 */

/** Vietnam's offset from UTC (Indochina Time, UTC+7). */
export const VIETNAM_OFFSET_MS = 7 * 3_600_000;
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

/** A local calendar day in Vietnam, counted from 1970-01-01 (day 0). */
export type LocalDay = number;

/** The local day an instant falls on. */
export function localDayOf(at: number): LocalDay {
  return Math.floor((at + VIETNAM_OFFSET_MS) / DAY_MS);
}

/** Milliseconds since local midnight of the instant's day. */
export function msOfLocalDay(at: number): number {
  const shifted = at + VIETNAM_OFFSET_MS;
  return shifted - Math.floor(shifted / DAY_MS) * DAY_MS;
}

/** The instant of local midnight that starts `day`. */
export function startOfLocalDay(day: LocalDay): number {
  return day * DAY_MS - VIETNAM_OFFSET_MS;
}

/** Day number of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function localDayFromDate(year: number, month: number, dayOfMonth: number): LocalDay {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + dayOfMonth - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Gregorian date of a day number (H. Hinnant's civil_from_days). */
export function civilDateOf(day: LocalDay): CivilDate {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d };
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: LocalDay): number {
  return (((day + 4) % 7) + 7) % 7;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD`; undefined when malformed or not a real date. */
export function parseIsoDate(text: string): LocalDay | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, dayOfMonth] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const day = localDayFromDate(year, month, dayOfMonth);
  const back = civilDateOf(day);
  return back.year === year && back.month === month && back.day === dayOfMonth ? day : undefined;
}

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** `YYYY-MM-DD` of a day number. */
export function toIsoDate(day: LocalDay): string {
  const { year, month, day: d } = civilDateOf(day);
  return `${year}-${pad(month)}-${pad(d)}`;
}

const HH_MM = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** Parses `HH:MM` (00:00–24:00) into ms since midnight; undefined when malformed. */
export function parseTimeOfDay(text: string): number | undefined {
  const match = HH_MM.exec(text);
  if (!match) return undefined;
  const ms = Number(match[1]) * HOUR_MS + Number(match[2]) * MINUTE_MS;
  return ms <= DAY_MS ? ms : undefined;
}

/**
 * The instant of a Vietnam wall-clock time, `YYYY-MM-DDTHH:MM` (seconds optional).
 * @example fromLocalDateTime('2019-11-20T08:37') // Wed 20/11/2019 08:37 in Hà Nội
 */
export function fromLocalDateTime(text: string): number {
  const [date = '', time = '00:00'] = text.split(/[T ]/);
  const day = parseIsoDate(date);
  const [hh = '0', mm = '0', ss = '0'] = time.split(':');
  const ms = (Number(hh) * 3600 + Number(mm) * 60 + Number(ss)) * 1000;
  if (day === undefined || !Number.isFinite(ms)) throw new Error(`not a local date-time: ${text}`);
  return startOfLocalDay(day) + ms;
}
