import { describe, expect, it } from 'vitest';
import {
  createWorkingCalendar, fromLocalDateTime as at, nationalCalendarLayer, OFFICIAL_SCHEDULES, proposeHolidays,
  reprojectDeadlines, type OpenDeadline,
} from '../../../engine/src/time/index';

const official2025 = OFFICIAL_SCHEDULES.find((y) => y.year === 2025 && y.status === 'official')!;
const withYears = (years: typeof official2025[]) => createWorkingCalendar([{ ...nationalCalendarLayer(), years }]);
const HOUR = 3_600_000;

describe('re-projecting open deadlines when the calendar changes', () => {
  it('moves a deadline when 30/4 and 1/5 are declared holidays, and says why', () => {
    // given a calendar with nothing entered for 2025, then the official 2025 schedule
    const before = withYears([]);
    const after = withYears([official2025]);
    const deadlines: OpenDeadline[] = [{ id: 'step-1', startAt: at('2025-04-29T10:00'), budget: { value: 1, unit: 'workingDays' } }];
    // when
    const [moved, ...others] = reprojectDeadlines(before, after, deadlines);
    // then
    expect(others).toEqual([]);
    expect(moved).toMatchObject({ id: 'step-1', previousDueAt: at('2025-04-30T10:00'), dueAt: at('2025-05-05T10:00') });
    expect(moved!.changes.map((c) => c.date)).toEqual(['2025-04-30', '2025-05-01', '2025-05-02']);
    expect(moved!.text.vi).toBe('Thứ Tư 30/4/2025 nay là ngày nghỉ (Ngày Chiến thắng (30/4)), theo lịch quốc gia “Lịch làm việc quốc gia”; '
      + 'Thứ Năm 1/5/2025 nay là ngày nghỉ (Ngày Quốc tế Lao động (1/5)), theo lịch quốc gia “Lịch làm việc quốc gia”; '
      + 'Thứ Sáu 2/5/2025 nay là ngày nghỉ (Nghỉ hoán đổi (làm bù Thứ Bảy 26/4/2025)), theo lịch quốc gia “Lịch làm việc quốc gia”: '
      + 'hạn chuyển từ Thứ Tư 30/4/2025 10:00 sang Thứ Hai 5/5/2025 10:00.');
    expect(moved!.text.en).toContain('Wednesday 30 Apr 2025 is now a non-working day (Reunification Day (30 Apr))');
  });

  it('moves only the deadlines the swap of 2/5 for Saturday 26/4/2025 touches, both ways', () => {
    // given the computed proposal (no swap), then the official schedule (2/5 off, Saturday 26/4 worked)
    const before = withYears([proposeHolidays(2025)]);
    const after = withYears([proposeHolidays(2025), official2025]);
    const deadlines: OpenDeadline[] = [
      { id: 'later', startAt: at('2025-04-29T10:00'), budget: { value: 2, unit: 'workingDays' } },
      { id: 'earlier', startAt: at('2025-04-25T10:00'), budget: { value: 1, unit: 'workingDays' } },
      { id: 'untouched', startAt: at('2025-05-06T09:00'), budget: { value: 1, unit: 'workingDays' } },
    ];
    // when
    const moved = reprojectDeadlines(before, after, deadlines);
    // then
    expect(moved.map((m) => [m.id, m.previousDueAt, m.dueAt])).toEqual([
      ['later', at('2025-05-05T10:00'), at('2025-05-06T10:00')],
      ['earlier', at('2025-04-28T10:00'), at('2025-04-26T10:00')],
    ]);
    expect(moved[1]!.text.en).toBe('Saturday 26 Apr 2025 is now a working day (Worked in exchange for Friday 2/5/2025), by the national calendar “National working calendar”: '
      + 'due moved from Monday 28 Apr 2025 10:00 to Saturday 26 Apr 2025 10:00.');
    expect(moved[0]!.explanation.some((e) => e.kind === 'swappedDayOff')).toBe(true);
  });

  it('reports the new remaining time of a paused deadline', () => {
    // given 5 working days started Mon 28/4/2025 07:30 and paused Sat 3/5 (waiting for the citizen)
    const before = withYears([proposeHolidays(2025)]);
    const after = withYears([proposeHolidays(2025), official2025]);
    const paused: OpenDeadline = { id: 'paused', startAt: at('2025-04-28T07:30'), budget: { value: 5, unit: 'workingDays' },
      pausedAt: at('2025-05-03T09:00') };
    // when
    const [moved] = reprojectDeadlines(before, after, [paused]);
    // then Friday 2/5 was worked before the change and is a day off after it
    expect(moved).toMatchObject({ id: 'paused', previousDueAt: null, dueAt: null, previousRemainingMs: 16 * HOUR, remainingMs: 24 * HOUR });
    expect(moved!.text.en).toContain('remaining time changed from 16.00 to 24.00 working hours');
  });

  it('names the agency layer and the day when an agency closes, and the layer again when the closure is withdrawn', () => {
    // given the national calendar, then an agency layer closing Tuesday 4/3/2025
    const agency = { id: 'so-tu-phap', level: 'agency' as const, name: { vi: 'Sở Tư pháp', en: 'Department of Justice' } };
    const open = createWorkingCalendar([nationalCalendarLayer(), agency]);
    const closed = createWorkingCalendar([nationalCalendarLayer(), { ...agency, years: [{ year: 2025, status: 'official' as const,
      days: [{ date: '2025-03-04', kind: 'localClosure' as const, reason: { vi: 'Sửa chữa trụ sở', en: 'Building repairs' } }] }] }]);
    const deadlines: OpenDeadline[] = [{ id: 'review', startAt: at('2025-03-03T08:37'), budget: { value: 2, unit: 'workingDays' } }];
    // when the closure is declared, and later withdrawn
    const [moved] = reprojectDeadlines(open, closed, deadlines);
    const [back] = reprojectDeadlines(closed, open, deadlines);
    // then each change names the day and the agency's layer
    expect(moved!.changes).toEqual([expect.objectContaining({ kind: 'calendarChanged', date: '2025-03-04', layerId: 'so-tu-phap',
      layer: { id: 'so-tu-phap', level: 'agency', name: agency.name } })]);
    expect(moved!.text.vi).toBe('Thứ Ba 4/3/2025 nay là ngày nghỉ (Sửa chữa trụ sở), theo lịch riêng của cơ quan “Sở Tư pháp”: '
      + 'hạn chuyển từ Thứ Tư 5/3/2025 08:37 sang Thứ Năm 6/3/2025 08:37.');
    expect(back!.text.vi).toBe('Thứ Ba 4/3/2025 nay là ngày làm việc (bỏ Sửa chữa trụ sở), theo lịch riêng của cơ quan “Sở Tư pháp”: '
      + 'hạn chuyển từ Thứ Năm 6/3/2025 08:37 sang Thứ Tư 5/3/2025 08:37.');
  });
});
