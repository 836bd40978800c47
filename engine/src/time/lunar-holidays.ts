/**
 * @module lunar-holidays — proposes a year's default public holidays from the Labour Code 2019 (Art. 112(1)) and
 * the Vietnamese lunar calendar (UTC+7). Only a proposal: the Prime Minister fixes the Tết days and the day next
 * to 2/9 each year (Art. 112(3)) and may swap working days, so an administrator confirms or replaces it with the
 * official schedule (see ./official-schedules), which then wins.
 */
import { formatShortDate } from './format-local-day';
import { localDayFromDate, toIsoDate, weekdayOf, type LocalDay } from './local-day';
import { fromLunarDate, lunarNewYearDay, lunarYearName } from './lunar-date';
import type { CalendarDayEntry, CalendarYear, LocalizedText } from './working-calendar';

const SOURCE = 'computed: Labour Code 2019 Art. 112, lunar calendar UTC+7';
const isWeekend = (day: LocalDay): boolean => weekdayOf(day) === 0 || weekdayOf(day) === 6;
const WEEKDAY_VI = ['Chủ nhật', 'Thứ Bảy'];
const WEEKDAY_EN = ['Sunday', 'Saturday'];

/**
 * The day proposed next to National Day (2/9): the one that makes the longest break with the weekend
 * (2024: Mon 2/9 → 3/9; 2025: Tue 2/9 → 1/9; 2023: Sat 2/9 → Fri 1/9).
 */
function nationalDayCompanion(year: number): number {
  const weekday = weekdayOf(localDayFromDate(year, 9, 2));
  return [2, 5, 6].includes(weekday) ? 1 : 3;
}

/**
 * A proposed schedule: 1/1; Tết = last day of the lunar year + first 4 days of the new one; 10/3 lunar (Hùng
 * Kings); 30/4; 1/5; 2/9 + one adjacent day; and for each holiday on a Saturday or Sunday a compensatory day on
 * the next working day (Art. 111(3)).
 * @example proposeHolidays(2026).days.find((d) => d.kind === 'compensatory') // Mon 27/4/2026 for Hùng Kings' day
 */
export function proposeHolidays(year: number): CalendarYear {
  const holidays: Array<{ day: LocalDay; reason: LocalizedText; short: LocalizedText }> = [];
  const add = (day: LocalDay, reason: LocalizedText, short: LocalizedText = reason): void => {
    holidays.push({ day, reason, short });
  };
  add(localDayFromDate(year, 1, 1), { vi: 'Tết Dương lịch (1/1)', en: "New Year's Day (1 Jan)" });
  const tet = lunarNewYearDay(year);
  const newName = lunarYearName(year);
  const oldName = lunarYearName(year - 1);
  const tetShort = { vi: 'Tết Nguyên đán', en: 'Lunar New Year (Tết)' };
  add(tet - 1, { vi: `Tết Nguyên đán (ngày cuối năm ${oldName})`, en: 'Lunar New Year (Tết): last day of the lunar year' }, tetShort);
  for (let i = 0; i < 4; i += 1) {
    add(tet + i, { vi: `Tết Nguyên đán (mùng ${i + 1} Tết ${newName})`, en: `Lunar New Year (Tết): day ${i + 1} of the first lunar month` }, tetShort);
  }
  const hungKings = fromLunarDate({ year, month: 3, day: 10, leap: false });
  if (hungKings !== undefined) {
    add(hungKings, { vi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', en: "Hùng Kings' Commemoration Day (10th day of the 3rd lunar month)" },
      { vi: 'Giỗ Tổ Hùng Vương', en: "Hùng Kings' Commemoration Day" });
  }
  add(localDayFromDate(year, 4, 30), { vi: 'Ngày Chiến thắng (30/4)', en: 'Reunification Day (30 Apr)' });
  add(localDayFromDate(year, 5, 1), { vi: 'Ngày Quốc tế Lao động (1/5)', en: "International Workers' Day (1 May)" });
  add(localDayFromDate(year, 9, 2), { vi: 'Quốc khánh (2/9)', en: 'National Day (2 Sep)' });
  const companion = nationalDayCompanion(year);
  add(localDayFromDate(year, 9, companion), { vi: `Quốc khánh (ngày liền kề ${companion}/9)`, en: `National Day (adjacent day, ${companion} Sep)` });
  holidays.sort((a, b) => a.day - b.day);

  const taken = new Set(holidays.map((h) => h.day));
  const days: CalendarDayEntry[] = holidays.map((h) => ({ date: toIsoDate(h.day), kind: 'holiday', reason: h.reason, source: SOURCE }));
  for (const holiday of holidays) {
    if (!isWeekend(holiday.day)) continue;
    let day = holiday.day + 1;
    while (isWeekend(day) || taken.has(day)) day += 1;
    taken.add(day);
    const which = weekdayOf(holiday.day) === 0 ? 0 : 1;
    days.push({
      date: toIsoDate(day),
      kind: 'compensatory',
      reason: {
        vi: `Nghỉ bù ${holiday.short.vi} (${WEEKDAY_VI[which]} ${formatShortDate(holiday.day)})`,
        en: `Compensatory day for ${holiday.short.en} (${WEEKDAY_EN[which]} ${formatShortDate(holiday.day)})`,
      },
      source: 'computed: Labour Code 2019 Art. 111(3)',
    });
  }
  days.sort((a, b) => a.date.localeCompare(b.date));
  return { year, status: 'proposed', days, source: SOURCE };
}
