import { describe, expect, it } from 'vitest';
import { createVietnamWorkingCalendar, fromLocalDateTime as at, nearlyDueAt } from '../../../engine/src/time/index';

const calendar = createVietnamWorkingCalendar();

describe('the nearly-due instant', () => {
  it('is reached when 75 % of a 4-working-day budget is used', () => {
    // given 4 working days from Mon 14/4/2025 07:30 (due Thu 17/4 17:00)
    // when
    const at75 = nearlyDueAt(calendar, at('2025-04-14T07:30'), { value: 4, unit: 'workingDays' }, { kind: 'percentOfBudget', percent: 75 });
    // then 24 of 32 working hours are used at the end of Wednesday
    expect(at75).toBe(at('2025-04-16T17:00'));
  });

  it('is a number of working hours before due, skipping a holiday in between', () => {
    // given 1 working day from Fri 4/4/2025 10:00 is due Tue 8/4 10:00 (Monday 7/4 is Hùng Kings' day)
    // when
    const threeHoursBefore = nearlyDueAt(calendar, at('2025-04-04T10:00'), { value: 1, unit: 'workingDays' },
      { kind: 'workingHoursBefore', hours: 3 });
    // then 2.5 hours on Tuesday morning and 0.5 on Friday afternoon
    expect(threeHoursBefore).toBe(at('2025-04-04T16:30'));
  });

  it('is a share of the elapsed time for calendar days, and never before counting starts', () => {
    // given 10 calendar days from Mon 14/4/2025: counting starts Tue 15/4 00:00, due Thu 24/4 17:00 (233 hours)
    const budget = { value: 10, unit: 'calendarDays' } as const;
    // when
    const half = nearlyDueAt(calendar, at('2025-04-14T09:00'), budget, { kind: 'percentOfBudget', percent: 50 });
    const tooEarly = nearlyDueAt(calendar, at('2025-04-14T09:00'), budget, { kind: 'workingHoursBefore', hours: 1000 });
    // then
    expect(half).toBe(at('2025-04-19T20:30'));
    expect(tooEarly).toBe(at('2025-04-15T00:00'));
  });
});
