/**
 * @module lunar-date — conversions between Gregorian days and the Vietnamese lunisolar calendar (âm lịch).
 * Rules (Hồ Ngọc Đức, "Thuật toán tính âm lịch"): a month starts on the local day of a new moon; month 11 holds the
 * winter solstice; a year with 13 months between two months 11 repeats the first month without a major solar
 * term as a leap month. Everything is computed in a time zone: the Vietnamese calendar uses UTC+7 (Decision
 * 121/1967 of the Government), the Chinese one UTC+8, and they disagree in some years (Tết 1985, 2007, 2030).
 */
import { civilDateOf, localDayFromDate, type LocalDay } from './local-day';
import { JDN_OF_LOCAL_DAY_0, lastNewMoonIndex, newMoonDay, sunLongitudeSector } from './new-moon';

export const VIETNAM_TIME_ZONE_HOURS = 7;
export const CHINA_TIME_ZONE_HOURS = 8;

/** A lunar date; `leap` marks the repeated (leap) month of a 13-month year. */
export interface LunarDate {
  year: number;
  month: number;
  day: number;
  leap: boolean;
}

/** Months from month 11 of lunar year `year` up to (excluding) the next month 11. */
interface LunarSpan {
  firstIndex: number;
  /** Julian Day Numbers of the first day of each month, plus the next month 11. */
  starts: number[];
  /** Index of the leap month within `starts`, or -1. */
  leapIndex: number;
}

const spans = new Map<string, LunarSpan>();

/** Index of the new moon that starts month 11 (the month of the winter solstice) of Gregorian `year`. */
function month11Index(year: number, timeZoneHours: number): number {
  const december31 = localDayFromDate(year, 12, 31) + JDN_OF_LOCAL_DAY_0;
  const k = lastNewMoonIndex(december31, timeZoneHours);
  // Sector 9 starts at 270°, the winter solstice: if the sun is already past it when this month begins, the
  // solstice fell in the previous month.
  return sunLongitudeSector(newMoonDay(k, timeZoneHours), timeZoneHours) >= 9 ? k - 1 : k;
}

function lunarSpan(year: number, timeZoneHours: number): LunarSpan {
  const key = `${year}:${timeZoneHours}`;
  const cached = spans.get(key);
  if (cached) return cached;
  const firstIndex = month11Index(year, timeZoneHours);
  const count = month11Index(year + 1, timeZoneHours) - firstIndex;
  const starts: number[] = [];
  for (let i = 0; i <= count; i += 1) starts.push(newMoonDay(firstIndex + i, timeZoneHours));
  let leapIndex = -1;
  if (count === 13) {
    for (let i = 1; i < count; i += 1) {
      if (sunLongitudeSector(starts[i]!, timeZoneHours) === sunLongitudeSector(starts[i + 1]!, timeZoneHours)) {
        leapIndex = i;
        break;
      }
    }
  }
  const span = { firstIndex, starts, leapIndex };
  spans.set(key, span);
  return span;
}

function monthAt(span: LunarSpan, index: number, spanYear: number): Omit<LunarDate, 'day'> {
  const ordinal = span.leapIndex >= 0 && index >= span.leapIndex ? index - 1 : index;
  const month = ((10 + ordinal) % 12) + 1;
  return { year: ordinal < 2 ? spanYear : spanYear + 1, month, leap: index === span.leapIndex };
}

/** The lunar date of a local day. */
export function toLunarDate(day: LocalDay, timeZoneHours = VIETNAM_TIME_ZONE_HOURS): LunarDate {
  const jdn = day + JDN_OF_LOCAL_DAY_0;
  const k = lastNewMoonIndex(jdn, timeZoneHours);
  const gregorianYear = civilDateOf(day).year;
  const spanYear = k >= month11Index(gregorianYear, timeZoneHours) ? gregorianYear : gregorianYear - 1;
  const span = lunarSpan(spanYear, timeZoneHours);
  const index = k - span.firstIndex;
  return { ...monthAt(span, index, spanYear), day: jdn - span.starts[index]! + 1 };
}

/** The local day of a lunar date; undefined when that date does not exist (no such leap month, day 30 of a short month). */
export function fromLunarDate(lunar: LunarDate, timeZoneHours = VIETNAM_TIME_ZONE_HOURS): LocalDay | undefined {
  const spanYear = lunar.month >= 11 ? lunar.year : lunar.year - 1;
  const span = lunarSpan(spanYear, timeZoneHours);
  for (let index = 0; index < span.starts.length - 1; index += 1) {
    const month = monthAt(span, index, spanYear);
    if (month.month !== lunar.month || month.leap !== lunar.leap || month.year !== lunar.year) continue;
    const length = span.starts[index + 1]! - span.starts[index]!;
    if (lunar.day < 1 || lunar.day > length) return undefined;
    return span.starts[index]! + lunar.day - 1 - JDN_OF_LOCAL_DAY_0;
  }
  return undefined;
}

/** The local day of Tết (1st day of the 1st lunar month) of `year`. */
export function lunarNewYearDay(year: number, timeZoneHours = VIETNAM_TIME_ZONE_HOURS): LocalDay {
  return fromLunarDate({ year, month: 1, day: 1, leap: false }, timeZoneHours)!;
}

const STEMS = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'];
const BRANCHES = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'];

/** The sexagenary name of a lunar year, e.g. 2025 → "Ất Tỵ". */
export function lunarYearName(year: number): string {
  return `${STEMS[(((year + 6) % 10) + 10) % 10]} ${BRANCHES[(((year + 8) % 12) + 12) % 12]}`;
}
