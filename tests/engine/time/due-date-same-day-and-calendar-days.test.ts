import { describe, expect, it } from 'vitest';
import {
  computeDueDate, createVietnamWorkingCalendar, fromLocalDateTime as at, type ExplanationEntry,
} from '../../../engine/src/time/index';

const calendar = createVietnamWorkingCalendar();
const sameDay = { value: 1, unit: 'sameDay' } as const;
const days = (explanation: ExplanationEntry[]): string[] =>
  explanation.filter((e) => e.date !== undefined).map((e) => `${e.date} ${e.kind}`);

describe('same-day budgets and the 15:00 cut-off', () => {
  it('is due at the end of the same working day when received at 14:59', () => {
    // given / when
    const due = computeDueDate(calendar, at('2025-04-24T14:59'), sameDay);
    // then
    expect(due.dueAt).toBe(at('2025-04-24T17:00'));
    expect(due.explanation).toEqual([]);
    expect(due.text.vi).toBe('Hạn: Thứ Năm 24/4/2025 17:00 — trong ngày, tính từ Thứ Năm 24/4/2025 14:59.');
  });

  it('is still same day at 15:00 exactly: only a receipt after 15:00 moves', () => {
    // given / when / then
    expect(computeDueDate(calendar, at('2025-04-24T15:00'), sameDay).dueAt).toBe(at('2025-04-24T17:00'));
  });

  it('counts from the next working day, due at its end, when received at 15:01', () => {
    // given / when
    const due = computeDueDate(calendar, at('2025-04-24T15:01'), sameDay);
    // then
    expect(due.effectiveStartAt).toBe(at('2025-04-25T07:30'));
    expect(due.dueAt).toBe(at('2025-04-25T17:00'));
    expect(due.explanation).toHaveLength(1);
    expect(due.explanation[0]).toMatchObject({ kind: 'cutOff', at: at('2025-04-24T15:01'), movedTo: at('2025-04-25T07:30') });
    expect(due.explanation[0]!.text.vi).toBe(
      'Nhận lúc Thứ Năm 24/4/2025 15:01, sau 15:00: tính từ ngày làm việc tiếp theo, Thứ Sáu 25/4/2025 07:30');
  });

  it('moves a Friday 15:01 receipt to the make-up working Saturday 26/4/2025', () => {
    // given / when
    const due = computeDueDate(calendar, at('2025-04-25T15:01'), sameDay);
    // then
    expect(due.dueAt).toBe(at('2025-04-26T17:00'));
    expect(days(due.explanation)).toEqual(['2025-04-26 makeUpWorkingDay']);
  });

  it('moves a Tuesday 29/4/2025 15:01 receipt past the 30/4–4/5 holidays to Monday 5/5', () => {
    // given a receipt on Tuesday 29/4/2025 after the cut-off
    // when
    const due = computeDueDate(calendar, at('2025-04-29T15:01'), sameDay);
    // then the next working day is Monday 5/5
    expect(due.dueAt).toBe(at('2025-05-05T17:00'));
    expect(days(due.explanation)).toEqual([
      '2025-04-30 holiday', '2025-05-01 holiday', '2025-05-02 swappedDayOff', '2025-05-03 weekend', '2025-05-04 weekend',
    ]);
  });
});

describe('calendar-day budgets (Civil Code 2015 Art. 147–148)', () => {
  it('ends on the next working day when the last day is a Saturday after the 30/4 holidays', () => {
    // given 15 days from Fri 18/4/2025: the first day not counted, the last day is Sat 3/5
    // when
    const due = computeDueDate(calendar, at('2025-04-18T10:00'), { value: 15, unit: 'calendarDays' });
    // then the period ends at the end of Monday 5/5
    expect(due.effectiveStartAt).toBe(at('2025-04-19T00:00'));
    expect(due.dueAt).toBe(at('2025-05-05T17:00'));
    expect(days(due.explanation)).toEqual(['2025-05-03 weekend', '2025-05-04 weekend']);
    expect(due.explanation.at(-1)!.kind).toBe('periodEndMoved');
    expect(due.text.en).toContain('The period\'s last day (Saturday 3 May 2025) is not a working day: it ends at the end of the next working day, Monday 5 May 2025 (Civil Code 2015, Art. 148)');
  });

  it('ends on the next working day when the last day is the 30/4 holiday, past the swapped day and the weekend', () => {
    // given / when
    const due = computeDueDate(calendar, at('2025-04-14T09:00'), { value: 16, unit: 'calendarDays' });
    // then
    expect(due.dueAt).toBe(at('2025-05-05T17:00'));
    expect(days(due.explanation)).toEqual([
      '2025-04-30 holiday', '2025-05-01 holiday', '2025-05-02 swappedDayOff', '2025-05-03 weekend', '2025-05-04 weekend',
    ]);
    expect(due.text.vi).toContain('Ngày nghỉ kéo dài thời hạn: 2 ngày nghỉ hằng tuần; Thứ Tư 30/4/2025: Ngày Chiến thắng (30/4)');
  });

  it('counts weekends inside the period and ends at 24:00 when asked (Art. 148(3))', () => {
    // given 10 days from Mon 14/4/2025: the last day is Thu 24/4
    // when
    const due = computeDueDate(calendar, at('2025-04-14T09:00'), { value: 10, unit: 'calendarDays' }, { calendarDayEnd: 'endOfDay' });
    // then
    expect(due.dueAt).toBe(at('2025-04-25T00:00'));
    expect(due.explanation).toEqual([]);
    expect(due.text.vi).toContain('Hạn: Thứ Năm 24/4/2025 24:00');
  });
});
