import { describe, expect, it } from 'vitest';
import { EngineError } from '../../../engine/src/errors';
import {
  computeDueDate, createVietnamWorkingCalendar, createWorkingCalendar, fromLocalDateTime as at,
  nationalCalendarLayer, OFFICIAL_SCHEDULES, parseIsoDate, proposeHolidays, type CalendarLayer,
} from '../../../engine/src/time/index';

const agency: CalendarLayer = {
  id: 'ubnd-phuong-hoan-kiem',
  level: 'agency',
  name: { vi: 'UBND phường Hoàn Kiếm', en: 'Hoàn Kiếm Ward People’s Committee' },
  years: [{
    year: 2025,
    status: 'official',
    days: [{
      date: '2025-04-24',
      kind: 'localClosure',
      reason: { vi: 'Đóng cửa trụ sở do chuyển địa điểm', en: 'Office closed for relocation' },
      source: 'Thông báo của UBND phường',
    }],
  }],
};

describe('layered working calendars', () => {
  it("skips an agency's local closure day and names the agency", () => {
    // given the national calendar and one with the ward's closure on Thu 24/4/2025
    const national = createVietnamWorkingCalendar();
    const ward = createVietnamWorkingCalendar([agency]);
    const receivedAt = at('2025-04-23T10:00');
    // when
    const nationally = computeDueDate(national, receivedAt, { value: 1, unit: 'workingDays' });
    const atTheWard = computeDueDate(ward, receivedAt, { value: 1, unit: 'workingDays' });
    // then
    expect(nationally.dueAt).toBe(at('2025-04-24T10:00'));
    expect(atTheWard.dueAt).toBe(at('2025-04-25T10:00'));
    expect(atTheWard.explanation).toEqual([expect.objectContaining({
      kind: 'localClosure', date: '2025-04-24', layerId: 'ubnd-phuong-hoan-kiem', source: 'Thông báo của UBND phường',
    })]);
    expect(atTheWard.explanation[0]!.text.en).toBe(
      'Thursday 24 Apr 2025: Office closed for relocation (local closure of Hoàn Kiếm Ward People’s Committee)');
  });

  it('opens Saturday mornings when a province layer says so, and keeps the national holidays', () => {
    // given a province whose offices open on Saturday morning
    const province: CalendarLayer = { id: 'tinh-x', level: 'province', name: { vi: 'Tỉnh X', en: 'Province X' }, saturdayMorning: true };
    const calendar = createVietnamWorkingCalendar([province, agency]);
    // when 4 working hours start on a Friday at 16:00, before an ordinary Saturday and before Saturday 29/4/2023,
    // Hùng Kings' day (then 30/4, 1/5 and the compensatory 2–3/5/2023)
    const ordinary = computeDueDate(calendar, at('2025-04-18T16:00'), { value: 4, unit: 'workingHours' });
    const holiday = computeDueDate(calendar, at('2023-04-28T16:00'), { value: 4, unit: 'workingHours' });
    // then one hour on Friday and three on Saturday morning; the holiday Saturday stays closed
    expect(ordinary.dueAt).toBe(at('2025-04-19T10:30'));
    expect(holiday.dueAt).toBe(at('2023-05-04T10:30'));
  });

  it('uses a proposed year until the official schedule is entered, which then wins', () => {
    // given a national layer with only the computed 2025 proposal, and one with the published schedule as well
    const proposed2025 = proposeHolidays(2025);
    const official2025 = OFFICIAL_SCHEDULES.find((y) => y.year === 2025 && y.status === 'official')!;
    const onlyProposed = createWorkingCalendar([{ ...nationalCalendarLayer(), years: [proposed2025] }]);
    const withOfficial = createWorkingCalendar([{ ...nationalCalendarLayer(), years: [proposed2025, official2025] }]);
    const receivedAt = at('2025-01-24T09:00');
    // when
    const proposedDue = computeDueDate(onlyProposed, receivedAt, { value: 1, unit: 'workingDays' });
    const officialDue = computeDueDate(withOfficial, receivedAt, { value: 1, unit: 'workingDays' });
    // then the proposal counts Monday 27/1 as a working day; the official schedule does not
    expect(onlyProposed.yearStatus(2025)).toBe('proposed');
    expect(withOfficial.yearStatus(2025)).toBe('official');
    expect(proposedDue.dueAt).toBe(at('2025-01-27T09:00'));
    expect(proposedDue.text.en).toContain('The 2025 holiday schedule is proposed, not yet confirmed as official.');
    expect(officialDue.dueAt).toBe(at('2025-02-03T09:00'));
    expect(officialDue.explanation.some((e) => e.kind === 'proposedYear')).toBe(false);
  });

  it('proposes holidays for a year nobody has entered, and says so', () => {
    // given no schedule for 2027 is entered
    const calendar = createVietnamWorkingCalendar();
    // when a deadline crosses Tết 2027 (6/2/2027)
    const due = computeDueDate(calendar, at('2027-02-04T10:00'), { value: 2, unit: 'workingDays' });
    // then the computed Tết days (5/2–9/2) and their compensatory days (10–11/2) are skipped
    expect(calendar.yearStatus(2027)).toBe('proposed');
    expect(due.dueAt).toBe(at('2027-02-15T10:00'));
    expect(due.explanation.filter((e) => e.kind === 'compensatory').map((e) => e.date)).toEqual(['2027-02-10', '2027-02-11']);
  });

  it("takes a year's status from the national schedule, not from a local layer's entries", () => {
    // given no national schedule for 2031, no proposals, and an agency closure entered as official for 2031
    const closure2031: CalendarLayer = { ...agency, years: [{ year: 2031, status: 'official', days: [
      { date: '2031-03-04', kind: 'localClosure', reason: { vi: 'Đóng cửa', en: 'Closed' } },
    ] }] };
    const calendar = createWorkingCalendar([nationalCalendarLayer(), closure2031]);
    // when / then
    expect(calendar.yearStatus(2031)).toBe('none');
    expect(calendar.yearStatus(2025)).toBe('official');
    const closed = calendar.resolveDay(parseIsoDate('2031-03-04')!);
    expect(closed).toMatchObject({ date: '2031-03-04', weekday: 'tuesday', layerId: 'ubnd-phuong-hoan-kiem', yearStatus: 'none' });
    expect(closed.periods).toEqual([]);
  });

  it('rejects invalid calendar data listing every problem', () => {
    // given an administrator's entry with three mistakes
    const broken: CalendarLayer = {
      ...nationalCalendarLayer(),
      officeHours: { monday: [{ start: '13:00', end: '11:00' }] },
      years: [{ year: 2025, status: 'official', days: [
        { date: '2025-02-30', kind: 'holiday', reason: { vi: 'x', en: 'x' } },
        { date: '2025-03-01', kind: 'party' as never, reason: { vi: 'x', en: 'x' } },
      ] }],
    };
    // when / then
    let error: unknown;
    try {
      createWorkingCalendar([broken]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EngineError);
    if (!(error instanceof EngineError)) return;
    expect(error.code).toBe('CALENDAR_INVALID');
    expect(error.message).toContain('officeHours.monday[0]');
    expect(error.message).toContain('2025-02-30: date must be YYYY-MM-DD');
    expect(error.message).toContain('2025-03-01: unknown kind party');
  });

  it('stores as plain JSON: a calendar rebuilt from its serialised layers computes the same due dates', () => {
    // given
    const layers = JSON.parse(JSON.stringify([nationalCalendarLayer(), agency])) as CalendarLayer[];
    // when
    const rebuilt = createWorkingCalendar(layers, { proposeYear: proposeHolidays });
    // then
    expect(computeDueDate(rebuilt, at('2025-04-23T10:00'), { value: 1, unit: 'workingDays' }).dueAt).toBe(at('2025-04-25T10:00'));
  });
});
