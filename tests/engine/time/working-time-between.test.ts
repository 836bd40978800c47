import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingTime, createVietnamWorkingCalendar, fromLocalDateTime as at, isWorkingInstant, nextWorkingStart,
  workingTimeBetween,
} from '../../../engine/src/time/index';

const calendar = createVietnamWorkingCalendar();
const HOUR = 3_600_000;

describe('working time between instants', () => {
  it('counts only office hours: Mon 14/4/2025 08:00 to Tue 15/4 09:00 is 9 working hours', () => {
    // given / when / then (3.5 h + 4 h on Monday, 1.5 h on Tuesday)
    expect(workingTimeBetween(calendar, at('2025-04-14T08:00'), at('2025-04-15T09:00'))).toBe(9 * HOUR);
  });

  it('counts across the year boundary and skips New Year: 31/12/2024 16:00 to 2/1/2025 08:30 is 2 hours', () => {
    // given / when / then
    expect(workingTimeBetween(calendar, at('2024-12-31T16:00'), at('2025-01-02T08:30'))).toBe(2 * HOUR);
  });

  it('counts the whole year 2025 as 250 working days of 8 hours', () => {
    // given 261 weekdays − 12 weekdays off (1/1, 27–31/1, 7/4, 30/4, 1/5, the swapped 2/5, 1/9, 2/9)
    // + the make-up Saturday 26/4 = 250
    // when
    const worked = workingTimeBetween(calendar, at('2025-01-01T00:00'), at('2026-01-01T00:00'));
    // then
    expect(worked / (8 * HOUR)).toBe(250);
  });

  it('measures back exactly the working time added, from any instant of 2024–2026', () => {
    // given any start and any working time up to 60 working days
    const start = fc.integer({ min: at('2024-01-01T00:00'), max: at('2026-12-31T23:59') });
    const workingMs = fc.integer({ min: 1, max: 60 * 8 * HOUR });
    fc.assert(fc.property(start, workingMs, (fromAt, ms) => {
      // when the working time is added
      const toAt = addWorkingTime(calendar, fromAt, ms);
      // then it is measured back exactly, and the result is in office hours or at the end of a period
      expect(workingTimeBetween(calendar, fromAt, toAt)).toBe(ms);
      expect(isWorkingInstant(calendar, toAt - 1)).toBe(true);
    }), { numRuns: 500 });
  });

  it('follows an agency\'s own office hours', () => {
    // given an agency open 08:00–12:00 and 13:30–17:30 on weekdays
    const hours = [{ start: '08:00', end: '12:00' }, { start: '13:30', end: '17:30' }];
    const own = createVietnamWorkingCalendar([{ id: 'so-x', level: 'agency', name: { vi: 'Sở X', en: 'Department X' },
      officeHours: { monday: hours, tuesday: hours, wednesday: hours, thursday: hours, friday: hours } }]);
    // when / then
    expect(nextWorkingStart(own, at('2025-04-14T12:00'))).toBe(at('2025-04-14T13:30'));
    expect(addWorkingTime(own, at('2025-04-14T08:00'), 8 * HOUR)).toBe(at('2025-04-14T17:30'));
  });

  it('is zero when the end is not after the start', () => {
    // given / when / then
    expect(workingTimeBetween(calendar, at('2025-04-15T09:00'), at('2025-04-14T09:00'))).toBe(0);
  });

  it('adds and subtracts working time as inverse operations', () => {
    // given
    const from = at('2025-04-25T10:00');
    // when 30 working hours are added, then removed
    const later = addWorkingTime(calendar, from, 30 * HOUR);
    const back = addWorkingTime(calendar, later, -30 * HOUR);
    // then (Fri 5.5 h, Sat 26/4 make-up 8 h, Mon 8 h, Tue 8 h, Wed 30/4 holiday … Mon 5/5 0.5 h)
    expect(later).toBe(at('2025-05-05T08:00'));
    expect(back).toBe(from);
  });

  it('knows when the office is open: periods include their start and exclude their end', () => {
    // given / when / then
    expect(isWorkingInstant(calendar, at('2025-04-14T07:30'))).toBe(true);
    expect(isWorkingInstant(calendar, at('2025-04-14T11:29'))).toBe(true);
    expect(isWorkingInstant(calendar, at('2025-04-14T11:30'))).toBe(false);
    expect(isWorkingInstant(calendar, at('2025-04-14T17:00'))).toBe(false);
    expect(isWorkingInstant(calendar, at('2025-04-07T09:00'))).toBe(false);
  });

  it('finds the next working start: lunch → 13:00, Friday evening → Monday 07:30, Tết → after it', () => {
    // given / when / then
    expect(nextWorkingStart(calendar, at('2025-04-14T12:00'))).toBe(at('2025-04-14T13:00'));
    expect(nextWorkingStart(calendar, at('2025-04-18T17:00'))).toBe(at('2025-04-21T07:30'));
    expect(nextWorkingStart(calendar, at('2025-01-25T09:00'))).toBe(at('2025-02-03T07:30'));
    expect(nextWorkingStart(calendar, at('2025-04-14T09:15'))).toBe(at('2025-04-14T09:15'));
  });

  it('does not depend on the host time zone: instants are read at UTC+7', () => {
    // given 2025-04-14T00:30Z is 07:30 in Hà Nội
    // when / then
    expect(at('2025-04-14T07:30')).toBe(Date.UTC(2025, 3, 14, 0, 30));
    expect(isWorkingInstant(calendar, Date.UTC(2025, 3, 14, 0, 30))).toBe(true);
  });
});
