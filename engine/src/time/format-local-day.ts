/**
 * @module format-local-day — days and instants in the words officials read on a receipt: "Thứ Hai 7/4/2025",
 * "Monday 7 Apr 2025 08:37". Always Vietnam time, whatever the host's zone.
 */
import { civilDateOf, localDayOf, msOfLocalDay, type LocalDay } from './local-day';

export type Language = 'vi' | 'en';

const WEEKDAY_NAMES: Record<Language, readonly string[]> = {
  vi: ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** "Thứ Hai 7/4/2025" or "Monday 7 Apr 2025". */
export function formatLocalDay(day: LocalDay, language: Language): string {
  const { year, month, day: d } = civilDateOf(day);
  const weekday = WEEKDAY_NAMES[language][(((day + 4) % 7) + 7) % 7];
  return language === 'vi' ? `${weekday} ${d}/${month}/${year}` : `${weekday} ${d} ${MONTHS_EN[month - 1]} ${year}`;
}

/**
 * "Thứ Tư 25/12/2019 08:37". With `asEnd`, local midnight is written as 24:00 of the day before, as the Civil Code
 * 2015 Art. 148(3) speaks of the end of a day.
 */
export function formatLocalInstant(at: number, language: Language, asEnd = false): string {
  let ms = msOfLocalDay(at);
  let day = localDayOf(at);
  if (asEnd && ms === 0) {
    day -= 1;
    ms = 86_400_000;
  }
  const minutes = Math.floor(ms / 60_000);
  return `${formatLocalDay(day, language)} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** "7/4/2025" (both languages: the date format of Vietnamese official documents). */
export function formatShortDate(day: LocalDay): string {
  const { year, month, day: d } = civilDateOf(day);
  return `${d}/${month}/${year}`;
}
