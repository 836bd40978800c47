/**
 * @module official-schedules — the national holiday schedules as published for each year (data an administrator
 * would enter), and the national calendar layer built from them. A year is `official` only where the published
 * schedule is known with confidence; otherwise it is `proposed` and says which parts are confirmed.
 */
import type { CalendarDayEntry, CalendarLayer, CalendarYear, DayKind, LocalizedText } from './working-calendar';
import { DEFAULT_OFFICE_HOURS } from './working-calendar';

function entry(date: string, kind: DayKind, vi: string, en: string, source: string): CalendarDayEntry {
  const reason: LocalizedText = { vi, en };
  return { date, kind, reason, source };
}

const TET_VI = 'Tết Nguyên đán';
const TET_EN = 'Lunar New Year (Tết)';

/**
 * 2023. Sources: MOLISA notices on the 2023 holidays as reported by the press. Hùng Kings' day fell on Saturday
 * 29/4 and Reunification Day on Sunday 30/4, so Tuesday 2/5 and Wednesday 3/5 were compensatory days; National Day
 * fell on Saturday 2/9, so Monday 4/9 was one (Labour Code 2019 Art. 111(3)).
 */
const year2023: CalendarYear = {
  year: 2023,
  status: 'official',
  source: 'MOLISA notice on the 2023 holidays (as reported)',
  days: [
    entry('2023-01-02', 'compensatory', 'Nghỉ bù Tết Dương lịch (Chủ nhật 1/1/2023)', "Compensatory day for New Year's Day (Sunday 1/1/2023)", 'Labour Code 2019 Art. 111(3)'),
    entry('2023-01-20', 'compensatory', `Nghỉ bù ${TET_VI} (mùng 1 Tết trùng Chủ nhật)`, `Compensatory day for ${TET_EN} (day 1 on a Sunday)`, 'MOLISA 2023'),
    ...['2023-01-21', '2023-01-22', '2023-01-23', '2023-01-24', '2023-01-25'].map((d) =>
      entry(d, 'holiday', `${TET_VI} Quý Mão`, `${TET_EN}, year of Quý Mão`, 'Labour Code 2019 Art. 112(1)(b)')),
    entry('2023-01-26', 'compensatory', `Nghỉ bù ${TET_VI} (ngày cuối năm âm lịch trùng Thứ Bảy)`, `Compensatory day for ${TET_EN} (last day of the lunar year on a Saturday)`, 'MOLISA 2023'),
    entry('2023-04-29', 'holiday', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', "Hùng Kings' Commemoration Day (10th day of the 3rd lunar month)", 'Labour Code 2019 Art. 112(1)(c)'),
    entry('2023-04-30', 'holiday', 'Ngày Chiến thắng (30/4)', 'Reunification Day (30 Apr)', 'Labour Code 2019 Art. 112(1)(d)'),
    entry('2023-05-01', 'holiday', 'Ngày Quốc tế Lao động (1/5)', "International Workers' Day (1 May)", 'Labour Code 2019 Art. 112(1)(đ)'),
    entry('2023-05-02', 'compensatory', 'Nghỉ bù Giỗ Tổ Hùng Vương (Thứ Bảy 29/4/2023)', "Compensatory day for Hùng Kings' Commemoration Day (Saturday 29/4/2023)", 'Labour Code 2019 Art. 111(3)'),
    entry('2023-05-03', 'compensatory', 'Nghỉ bù Ngày Chiến thắng (Chủ nhật 30/4/2023)', 'Compensatory day for Reunification Day (Sunday 30/4/2023)', 'Labour Code 2019 Art. 111(3)'),
    entry('2023-09-01', 'holiday', 'Quốc khánh (ngày liền kề 1/9)', 'National Day (adjacent day, 1 Sep)', 'Labour Code 2019 Art. 112(1)(e)'),
    entry('2023-09-02', 'holiday', 'Quốc khánh (2/9)', 'National Day (2 Sep)', 'Labour Code 2019 Art. 112(1)(e)'),
    entry('2023-09-04', 'compensatory', 'Nghỉ bù Quốc khánh (Thứ Bảy 2/9/2023)', 'Compensatory day for National Day (Saturday 2/9/2023)', 'Labour Code 2019 Art. 111(3)'),
  ],
};

/**
 * 2024. Tết Giáp Thìn: off Thursday 8/2 to Wednesday 14/2 (29 Chạp to mùng 5), the two Tết days on the weekend
 * compensated on either side; 30/4–1/5: off Saturday 27/4 to Wednesday 1/5 with Monday 29/4 swapped for Saturday
 * 4/5; National Day: Monday 2/9 and Tuesday 3/9.
 */
const year2024: CalendarYear = {
  year: 2024,
  status: 'official',
  source: 'MOLISA notice on the 2024 holidays (as reported)',
  days: [
    entry('2024-01-01', 'holiday', 'Tết Dương lịch (1/1)', "New Year's Day (1 Jan)", 'Labour Code 2019 Art. 112(1)(a)'),
    entry('2024-02-08', 'compensatory', `Nghỉ bù ${TET_VI} (mùng 1 Tết trùng Thứ Bảy)`, `Compensatory day for ${TET_EN} (day 1 on a Saturday)`, 'MOLISA 2024'),
    ...['2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13'].map((d) =>
      entry(d, 'holiday', `${TET_VI} Giáp Thìn`, `${TET_EN}, year of Giáp Thìn`, 'Labour Code 2019 Art. 112(1)(b)')),
    entry('2024-02-14', 'compensatory', `Nghỉ bù ${TET_VI} (mùng 2 Tết trùng Chủ nhật)`, `Compensatory day for ${TET_EN} (day 2 on a Sunday)`, 'MOLISA 2024'),
    entry('2024-04-18', 'holiday', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', "Hùng Kings' Commemoration Day (10th day of the 3rd lunar month)", 'Labour Code 2019 Art. 112(1)(c)'),
    entry('2024-04-29', 'swappedDayOff', 'Nghỉ hoán đổi (làm bù Thứ Bảy 4/5/2024)', 'Swapped day off (worked on Saturday 4/5/2024)', 'MOLISA 2024'),
    entry('2024-04-30', 'holiday', 'Ngày Chiến thắng (30/4)', 'Reunification Day (30 Apr)', 'Labour Code 2019 Art. 112(1)(d)'),
    entry('2024-05-01', 'holiday', 'Ngày Quốc tế Lao động (1/5)', "International Workers' Day (1 May)", 'Labour Code 2019 Art. 112(1)(đ)'),
    entry('2024-05-04', 'makeUpWorkingDay', 'Làm bù cho ngày nghỉ Thứ Hai 29/4/2024', 'Worked in exchange for Monday 29/4/2024', 'MOLISA 2024'),
    entry('2024-09-02', 'holiday', 'Quốc khánh (2/9)', 'National Day (2 Sep)', 'Labour Code 2019 Art. 112(1)(e)'),
    entry('2024-09-03', 'holiday', 'Quốc khánh (ngày liền kề 3/9)', 'National Day (adjacent day, 3 Sep)', 'Labour Code 2019 Art. 112(1)(e)'),
  ],
};

/**
 * 2025. Tết Ất Tỵ: 5 days Monday 27/1 to Friday 31/1 (28 Chạp to mùng 3), off 25/1–2/2 with the weekends
 * (Prime Minister's approval announced 26/11/2024); 30/4–1/5: off 30/4–4/5 with Friday 2/5 swapped for Saturday
 * 26/4; National Day: Monday 1/9 and Tuesday 2/9.
 */
const year2025: CalendarYear = {
  year: 2025,
  status: 'official',
  source: 'Prime Minister approval of 26/11/2024 (Government Office); MOLISA notice on 2025 holidays',
  days: [
    entry('2025-01-01', 'holiday', 'Tết Dương lịch (1/1)', "New Year's Day (1 Jan)", 'Labour Code 2019 Art. 112(1)(a)'),
    ...['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'].map((d) =>
      entry(d, 'holiday', `${TET_VI} Ất Tỵ`, `${TET_EN}, year of Ất Tỵ`, 'Labour Code 2019 Art. 112(1)(b); PM approval 26/11/2024')),
    entry('2025-04-07', 'holiday', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', "Hùng Kings' Commemoration Day (10th day of the 3rd lunar month)", 'Labour Code 2019 Art. 112(1)(c)'),
    entry('2025-04-26', 'makeUpWorkingDay', 'Làm bù cho ngày nghỉ Thứ Sáu 2/5/2025', 'Worked in exchange for Friday 2/5/2025', 'MOLISA 2025'),
    entry('2025-04-30', 'holiday', 'Ngày Chiến thắng (30/4)', 'Reunification Day (30 Apr)', 'Labour Code 2019 Art. 112(1)(d)'),
    entry('2025-05-01', 'holiday', 'Ngày Quốc tế Lao động (1/5)', "International Workers' Day (1 May)", 'Labour Code 2019 Art. 112(1)(đ)'),
    entry('2025-05-02', 'swappedDayOff', 'Nghỉ hoán đổi (làm bù Thứ Bảy 26/4/2025)', 'Swapped day off (worked on Saturday 26/4/2025)', 'MOLISA 2025'),
    entry('2025-09-01', 'holiday', 'Quốc khánh (ngày liền kề 1/9)', 'National Day (adjacent day, 1 Sep)', 'Labour Code 2019 Art. 112(1)(e)'),
    entry('2025-09-02', 'holiday', 'Quốc khánh (2/9)', 'National Day (2 Sep)', 'Labour Code 2019 Art. 112(1)(e)'),
  ],
};

/**
 * 2026, PROPOSED: confirmed by press reports are Tết Bính Ngọ (off Saturday 14/2 to Sunday 22/2, the 5 Tết days
 * being Monday 16/2 to Friday 20/2) and Hùng Kings' day on Sunday 26/4 with Monday 27/4 compensatory (Thanh Niên,
 * 23/2/2026). Not confirmed here: whether 1/1 was bridged, which day accompanies Wednesday 2/9 (3/9 proposed), and
 * any new holiday (a day off for Vietnamese Culture Day 24/11 was discussed: verify). An administrator confirms.
 */
const year2026: CalendarYear = {
  year: 2026,
  status: 'proposed',
  source: 'press reports (Tết, Hùng Kings); remainder computed from Labour Code 2019 Art. 112',
  days: [
    entry('2026-01-01', 'holiday', 'Tết Dương lịch (1/1)', "New Year's Day (1 Jan)", 'Labour Code 2019 Art. 112(1)(a)'),
    ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((d) =>
      entry(d, 'holiday', `${TET_VI} Bính Ngọ`, `${TET_EN}, year of Bính Ngọ`, 'Labour Code 2019 Art. 112(1)(b)')),
    entry('2026-04-26', 'holiday', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', "Hùng Kings' Commemoration Day (10th day of the 3rd lunar month)", 'Labour Code 2019 Art. 112(1)(c)'),
    entry('2026-04-27', 'compensatory', 'Nghỉ bù Giỗ Tổ Hùng Vương (Chủ nhật 26/4/2026)', "Compensatory day for Hùng Kings' Commemoration Day (Sunday 26/4/2026)", 'Labour Code 2019 Art. 111(3)'),
    entry('2026-04-30', 'holiday', 'Ngày Chiến thắng (30/4)', 'Reunification Day (30 Apr)', 'Labour Code 2019 Art. 112(1)(d)'),
    entry('2026-05-01', 'holiday', 'Ngày Quốc tế Lao động (1/5)', "International Workers' Day (1 May)", 'Labour Code 2019 Art. 112(1)(đ)'),
    entry('2026-09-02', 'holiday', 'Quốc khánh (2/9)', 'National Day (2 Sep)', 'Labour Code 2019 Art. 112(1)(e)'),
    entry('2026-09-03', 'holiday', 'Quốc khánh (ngày liền kề 3/9, đề xuất)', 'National Day (adjacent day, 3 Sep, proposed)', 'Labour Code 2019 Art. 112(1)(e)'),
  ],
};

/** The schedules above, oldest first. */
export const OFFICIAL_SCHEDULES: readonly CalendarYear[] = [year2023, year2024, year2025, year2026];

/**
 * The national layer: default office hours (Mon–Fri 07:30–11:30, 13:00–17:00), 15:00 cut-off, 8-hour working
 * day, and the schedules above plus any `years` given (an administrator's official entry wins per year).
 */
export function nationalCalendarLayer(years: readonly CalendarYear[] = []): CalendarLayer {
  return {
    id: 'VN',
    level: 'national',
    name: { vi: 'Lịch làm việc quốc gia', en: 'National working calendar' },
    officeHours: { ...DEFAULT_OFFICE_HOURS },
    cutOffTime: '15:00',
    hoursPerWorkingDay: 8,
    // A given year replaces the built-in one of the same year and status.
    years: [...OFFICIAL_SCHEDULES.filter((b) => !years.some((y) => y.year === b.year && y.status === b.status)), ...years],
  };
}
