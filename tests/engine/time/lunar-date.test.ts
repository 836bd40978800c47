import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHINA_TIME_ZONE_HOURS, fromLunarDate, localDayFromDate, lunarNewYearDay, lunarYearName, OFFICIAL_SCHEDULES,
  proposeHolidays, toIsoDate, toLunarDate, VIETNAM_TIME_ZONE_HOURS,
} from '../../../engine/src/time/index';

const tetIn = (year: number, zone: number): string => toIsoDate(lunarNewYearDay(year, zone));

describe('the Vietnamese lunar calendar (UTC+7)', () => {
  it.each([
    ['2007-02-17', 2007],
    ['2024-02-10', 2024],
    ['2025-01-29', 2025],
    ['2026-02-17', 2026],
    ['2030-02-02', 2030],
  ])('puts Tết on %s in %i', (expected, year) => {
    // given a Gregorian year / when Tết is computed for Vietnam / then
    expect(tetIn(year, VIETNAM_TIME_ZONE_HOURS)).toBe(expected);
  });

  it('puts Tết 1985 a whole month before the Chinese New Year', () => {
    // given the new moon of 21 January 1985 fell after midnight at UTC+8 but before it at UTC+7 …
    // when Tết 1985 is computed in both time zones
    const vietnam = tetIn(1985, VIETNAM_TIME_ZONE_HOURS);
    const china = tetIn(1985, CHINA_TIME_ZONE_HOURS);
    // then the months are numbered differently and Tết falls a month apart
    expect(vietnam).toBe('1985-01-21');
    expect(china).toBe('1985-02-20');
  });

  it('puts Tết 2007 and 2030 one day earlier in Vietnam than in China', () => {
    // given / when / then
    expect([tetIn(2007, 7), tetIn(2007, 8)]).toEqual(['2007-02-17', '2007-02-18']);
    expect([tetIn(2030, 7), tetIn(2030, 8)]).toEqual(['2030-02-02', '2030-02-03']);
  });

  it('knows the leap second month of 2023 and the leap fourth month of 2020', () => {
    // given / when
    const march22of2023 = toLunarDate(localDayFromDate(2023, 3, 22));
    const june1of2020 = toLunarDate(localDayFromDate(2020, 6, 1));
    // then
    expect(march22of2023).toEqual({ year: 2023, month: 2, day: 1, leap: true });
    expect(june1of2020).toEqual({ year: 2020, month: 4, day: 10, leap: true });
  });

  it('names the last days of the year of Giáp Thìn: 28/1/2025 is the 29th and last of the 12th month', () => {
    // given / when / then
    expect(toLunarDate(localDayFromDate(2025, 1, 28))).toEqual({ year: 2024, month: 12, day: 29, leap: false });
    expect(fromLunarDate({ year: 2024, month: 12, day: 30, leap: false })).toBeUndefined();
    expect(lunarYearName(2025)).toBe('Ất Tỵ');
    expect(lunarYearName(2026)).toBe('Bính Ngọ');
  });

  it('converts any day of 1900–2100 to a lunar date and back to the same day', () => {
    // given any day / when converted both ways / then it round-trips
    fc.assert(fc.property(fc.integer({ min: localDayFromDate(1901, 1, 1), max: localDayFromDate(2099, 12, 31) }), (day) => {
      expect(fromLunarDate(toLunarDate(day))).toBe(day);
    }));
  });
});

describe('proposed holidays (Labour Code 2019 Art. 112)', () => {
  it("proposes Monday 27/4/2026 as the compensatory day for Hùng Kings' day on Sunday 26/4/2026", () => {
    // given 10/3 Bính Ngọ is a Sunday (reported by Thanh Niên, 23/2/2026: off 25–27/4/2026)
    // when the 2026 defaults are proposed
    const proposal = proposeHolidays(2026);
    // then
    expect(proposal.status).toBe('proposed');
    expect(proposal.days.find((d) => d.date === '2026-04-26')?.reason.en).toMatch(/Hùng Kings/);
    const compensatory = proposal.days.filter((d) => d.kind === 'compensatory');
    expect(compensatory.map((d) => d.date)).toEqual(['2026-04-27']);
    expect(compensatory[0]!.reason.vi).toBe('Nghỉ bù Giỗ Tổ Hùng Vương (Chủ nhật 26/4/2026)');
  });

  it('proposes for 2025 the default Tết (last day + 4 days) which the official schedule later moved a day earlier', () => {
    // given / when
    const proposal = proposeHolidays(2025);
    const official = OFFICIAL_SCHEDULES.find((y) => y.year === 2025 && y.status === 'official')!;
    const tet = (days: typeof proposal.days): string[] =>
      days.filter((d) => d.date < '2025-03-01' && d.date > '2025-01-02').map((d) => `${d.date} ${d.kind}`);
    // then the default has Tết on 28/1–1/2 with Saturday 1/2 compensated on Monday 3/2 …
    expect(tet(proposal.days)).toEqual([
      '2025-01-28 holiday', '2025-01-29 holiday', '2025-01-30 holiday', '2025-01-31 holiday', '2025-02-01 holiday',
      '2025-02-03 compensatory',
    ]);
    // … while the published schedule has 27/1–31/1
    expect(tet(official.days)).toEqual([
      '2025-01-27 holiday', '2025-01-28 holiday', '2025-01-29 holiday', '2025-01-30 holiday', '2025-01-31 holiday',
    ]);
  });

  it('proposes the day next to National Day that the Government chose in 2024 (3/9) and 2025 (1/9)', () => {
    // given / when / then
    expect(proposeHolidays(2024).days.some((d) => d.date === '2024-09-03')).toBe(true);
    expect(proposeHolidays(2025).days.some((d) => d.date === '2025-09-01')).toBe(true);
  });
});
