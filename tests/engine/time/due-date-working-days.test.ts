import { describe, expect, it } from 'vitest';
import {
  computeDueDate, createVietnamWorkingCalendar, fromLocalDateTime as at, type ExplanationEntry,
} from '../../../engine/src/time/index';

const calendar = createVietnamWorkingCalendar();
const days = (explanation: ExplanationEntry[]): string[] =>
  explanation.filter((e) => e.date !== undefined).map((e) => `${e.date} ${e.kind}`);

describe('due dates in working days', () => {
  it('keeps the time of day: received Wed 20/11/2019 08:37, 25 working days, due Wed 25/12/2019 08:37', () => {
    // given the real example of DOMAIN.md
    const receivedAt = at('2019-11-20T08:37');
    // when
    const due = computeDueDate(calendar, receivedAt, { value: 25, unit: 'workingDays' });
    // then
    expect(due.dueAt).toBe(at('2019-12-25T08:37'));
    expect(due.effectiveStartAt).toBe(receivedAt);
    expect(days(due.explanation)).toHaveLength(10);
    expect(due.explanation.every((e) => e.kind === 'weekend' || e.kind === 'proposedYear')).toBe(true);
    expect(due.text.vi).toContain('Hạn: Thứ Tư 25/12/2019 08:37 — 25 ngày làm việc, tính từ Thứ Tư 20/11/2019 08:37.');
    expect(due.text.en).toContain('Due Wednesday 25 Dec 2019 08:37 — 25 working days, from Wednesday 20 Nov 2019 08:37.');
    expect(due.text.en).toContain('Not counted: 10 weekly rest days.');
  });

  it('skips the nine days of Tết 2025 (25/1–2/2): received Fri 24/1 09:00 + 3 days is due Wed 5/2 09:00', () => {
    // given / when
    const due = computeDueDate(calendar, at('2025-01-24T09:00'), { value: 3, unit: 'workingDays' });
    // then
    expect(due.dueAt).toBe(at('2025-02-05T09:00'));
    expect(days(due.explanation)).toEqual([
      '2025-01-25 weekend', '2025-01-26 weekend',
      '2025-01-27 holiday', '2025-01-28 holiday', '2025-01-29 holiday', '2025-01-30 holiday', '2025-01-31 holiday',
      '2025-02-01 weekend', '2025-02-02 weekend',
    ]);
    expect(due.explanation[2]!.text.vi).toBe('Thứ Hai 27/1/2025: Tết Nguyên đán Ất Tỵ');
    expect(due.explanation.some((e) => e.kind === 'proposedYear')).toBe(false);
  });

  it('skips Tết 2026 (14/2–22/2): received Thu 12/2 10:00 + 2 days is due Mon 23/2 10:00, on a proposed schedule', () => {
    // given / when
    const due = computeDueDate(calendar, at('2026-02-12T10:00'), { value: 2, unit: 'workingDays' });
    // then
    expect(due.dueAt).toBe(at('2026-02-23T10:00'));
    expect(days(due.explanation)).toEqual([
      '2026-02-14 weekend', '2026-02-15 weekend',
      '2026-02-16 holiday', '2026-02-17 holiday', '2026-02-18 holiday', '2026-02-19 holiday', '2026-02-20 holiday',
      '2026-02-21 weekend', '2026-02-22 weekend',
    ]);
    expect(due.text.en).toContain('Tuesday 17 Feb 2026: Lunar New Year (Tết), year of Bính Ngọ');
    expect(due.text.en).toContain('The 2026 holiday schedule is proposed, not yet confirmed as official.');
  });

  it('crosses the year boundary over New Year: received Mon 30/12/2024 14:00 + 2 days is due Thu 2/1/2025 14:00', () => {
    // given / when
    const due = computeDueDate(calendar, at('2024-12-30T14:00'), { value: 2, unit: 'workingDays' });
    // then
    expect(due.dueAt).toBe(at('2025-01-02T14:00'));
    expect(days(due.explanation)).toEqual(['2025-01-01 holiday']);
    expect(due.text.vi).toContain('Không tính: Thứ Tư 1/1/2025: Tết Dương lịch (1/1).');
  });

  it("skips Hùng Kings' day 2025 (Mon 7/4): received Fri 4/4 10:00 + 1 day is due Tue 8/4 10:00", () => {
    // given / when
    const due = computeDueDate(calendar, at('2025-04-04T10:00'), { value: 1, unit: 'workingDays' });
    // then
    expect(due.dueAt).toBe(at('2025-04-08T10:00'));
    expect(days(due.explanation)).toEqual(['2025-04-05 weekend', '2025-04-06 weekend', '2025-04-07 holiday']);
    expect(due.explanation[2]!.text).toEqual({
      vi: 'Thứ Hai 7/4/2025: Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      en: "Monday 7 Apr 2025: Hùng Kings' Commemoration Day (10th day of the 3rd lunar month)",
    });
  });

  it("skips Hùng Kings' day on Sunday 26/4/2026 and its compensatory Monday 27/4 (Thanh Niên, 23/2/2026)", () => {
    // given / when
    const due = computeDueDate(calendar, at('2026-04-24T10:00'), { value: 1, unit: 'workingDays' });
    // then
    expect(due.dueAt).toBe(at('2026-04-28T10:00'));
    expect(days(due.explanation)).toEqual(['2026-04-25 weekend', '2026-04-26 holiday', '2026-04-27 compensatory']);
    expect(due.explanation[2]!.text.vi).toBe('Thứ Hai 27/4/2026: Nghỉ bù Giỗ Tổ Hùng Vương (Chủ nhật 26/4/2026)');
  });

  it('skips the 2023 holidays on a weekend and their two compensatory days: Fri 28/4 09:00 + 1 day is Thu 4/5 09:00', () => {
    // given Hùng Kings' day on Saturday 29/4/2023 and Reunification Day on Sunday 30/4/2023 (off 29/4–3/5/2023)
    // when
    const due = computeDueDate(calendar, at('2023-04-28T09:00'), { value: 1, unit: 'workingDays' });
    // then
    expect(due.dueAt).toBe(at('2023-05-04T09:00'));
    expect(days(due.explanation)).toEqual([
      '2023-04-29 holiday', '2023-04-30 holiday', '2023-05-01 holiday', '2023-05-02 compensatory', '2023-05-03 compensatory',
    ]);
    expect(due.explanation[3]!.text.en).toBe(
      "Tuesday 2 May 2023: Compensatory day for Hùng Kings' Commemoration Day (Saturday 29/4/2023)");
  });

  it('counts the make-up working Saturday 26/4/2025: received Fri 25/4 10:00 + 1 day is due Sat 26/4 10:00', () => {
    // given / when
    const due = computeDueDate(calendar, at('2025-04-25T10:00'), { value: 1, unit: 'workingDays' });
    // then
    expect(due.dueAt).toBe(at('2025-04-26T10:00'));
    expect(days(due.explanation)).toEqual(['2025-04-26 makeUpWorkingDay']);
    expect(due.text.en).toContain('Counted: Saturday 26 Apr 2025: make-up working day, counted as a working day');
  });

  it('skips the swapped Friday 2/5/2025 with 30/4 and 1/5: received Tue 29/4 10:00 + 2 days is due Tue 6/5 10:00', () => {
    // given / when
    const due = computeDueDate(calendar, at('2025-04-29T10:00'), { value: 2, unit: 'workingDays' });
    // then
    expect(due.dueAt).toBe(at('2025-05-06T10:00'));
    expect(days(due.explanation)).toEqual([
      '2025-04-30 holiday', '2025-05-01 holiday', '2025-05-02 swappedDayOff', '2025-05-03 weekend', '2025-05-04 weekend',
    ]);
  });

  it('counts half a working day as 4 working hours across the lunch break', () => {
    // given / when
    const fromMorning = computeDueDate(calendar, at('2025-04-25T08:00'), { value: 0.5, unit: 'workingDays' });
    const fromAfternoon = computeDueDate(calendar, at('2025-04-23T15:00'), { value: 0.5, unit: 'workingDays' });
    const inHours = computeDueDate(calendar, at('2025-04-25T08:00'), { value: 4, unit: 'workingHours' });
    // then 08:00–11:30 and 13:00–13:30; 15:00–17:00 and 07:30–09:30 the next day
    expect(fromMorning.dueAt).toBe(at('2025-04-25T13:30'));
    expect(fromAfternoon.dueAt).toBe(at('2025-04-24T09:30'));
    expect(inHours.dueAt).toBe(fromMorning.dueAt);
    expect(fromMorning.text.vi).toContain('0,5 ngày làm việc');
  });

  it('counts a dossier submitted online on Saturday night from Monday 07:30', () => {
    // given / when
    const due = computeDueDate(calendar, at('2025-04-19T22:00'), { value: 1, unit: 'workingDays' });
    // then
    expect(due.effectiveStartAt).toBe(at('2025-04-21T07:30'));
    expect(due.dueAt).toBe(at('2025-04-21T17:00'));
    expect(due.explanation[0]).toMatchObject({ kind: 'outsideHours', at: at('2025-04-19T22:00'), movedTo: at('2025-04-21T07:30') });
    expect(due.explanation[0]!.text.en).toBe(
      'Received Saturday 19 Apr 2025 22:00, outside working hours: counted from Monday 21 Apr 2025 07:30');
    expect(days(due.explanation)).toEqual(['2025-04-19 weekend', '2025-04-20 weekend']);
  });

  it('counts a lunch-time receipt from 13:00, or from the next working day when so configured', () => {
    // given / when
    const nextPeriod = computeDueDate(calendar, at('2025-04-21T12:00'), { value: 4, unit: 'workingHours' });
    const nextDay = computeDueDate(calendar, at('2025-04-21T12:00'), { value: 4, unit: 'workingHours' },
      { outsideHours: 'nextWorkingDay' });
    // then
    expect(nextPeriod.dueAt).toBe(at('2025-04-21T17:00'));
    expect(nextDay.effectiveStartAt).toBe(at('2025-04-22T07:30'));
    expect(nextDay.dueAt).toBe(at('2025-04-22T11:30'));
  });

  it('applies the 15:00 cut-off to a working-day budget when asked (a paper hand-over)', () => {
    // given / when
    const due = computeDueDate(calendar, at('2025-04-23T15:30'), { value: 1, unit: 'workingDays' }, { applyCutOff: true });
    // then
    expect(due.effectiveStartAt).toBe(at('2025-04-24T07:30'));
    expect(due.dueAt).toBe(at('2025-04-24T17:00'));
    expect(due.explanation[0]!.kind).toBe('cutOff');
  });

  it('counts only what is left of a budget after a pause', () => {
    // given 3 working days started Mon 14/4/2025 08:00, paused Tue 15/4 09:00 after 9 working hours
    const consumedMs = 9 * 3_600_000;
    // when the clock resumes on Mon 21/4 10:00
    const due = computeDueDate(calendar, at('2025-04-21T10:00'), { value: 3, unit: 'workingDays' }, { consumedMs });
    // then the remaining 15 hours end Wed 23/4 09:00
    expect(due.dueAt).toBe(at('2025-04-23T09:00'));
  });
});
