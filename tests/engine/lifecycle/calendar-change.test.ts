import { describe, expect, it } from 'vitest';
import {
  applyMachineEvent,
  classifyOpenClock,
  createStepClockMachine,
  startMachine,
  toWorkingTime,
  type StepClockInput,
  type WorkingClock,
} from '../../../engine/src/lifecycle/index';
import { createVietnamWorkingCalendar } from '../../../engine/src/time/index';
import { time, vn } from './vietnam-time';

const input: StepClockInput = {
  clockId: 'step-9',
  startAt: vn('2026-06-02T08:00'),
  budget: { value: 3, unit: 'workingDays' },
  policy: { kind: 'pause' },
};

const clockOf = (snapshot: unknown) => (snapshot as { context: { clock: WorkingClock } }).context.clock;

describe('step clock on a changed calendar', () => {
  it('re-projects the open deadline when the province closes its offices for a day after the step started', () => {
    // given: 3 working days from Tue 2/6/2026 08:00 are due Fri 5/6 08:00
    const started = startMachine(createStepClockMachine(time), input);
    expect(clockOf(started.snapshot).dueAt).toBe(vn('2026-06-05T08:00'));
    // when: Thursday 4/6 is declared a local closure, and the host re-projects on the new calendar
    const closed = toWorkingTime(
      createVietnamWorkingCalendar([
        {
          id: 'province-x',
          level: 'province',
          name: { vi: 'Tỉnh X', en: 'Province X' },
          years: [{ year: 2026, status: 'official', days: [{ date: '2026-06-04', kind: 'localClosure', reason: { vi: 'Bão', en: 'Storm' } }] }],
        },
      ]),
    );
    const next = applyMachineEvent(createStepClockMachine(closed), started.snapshot, { type: 'calendar.changed', at: vn('2026-06-03T09:00') });
    // then
    expect(clockOf(next.snapshot).dueAt).toBe(vn('2026-06-08T08:00'));
    expect(next.emitted).toContainEqual({ type: 'timer.requested', timerId: 'step-9:overdue', kind: 'step.overdue', dueAt: vn('2026-06-08T08:00') });
  });

  it('classifies an open step as in time, overdue, or paused in time by the instant its pause began', () => {
    // given
    const machine = createStepClockMachine(time);
    const started = startMachine(machine, input);
    const paused = applyMachineEvent(machine, started.snapshot, { type: 'clock.paused', at: vn('2026-06-03T08:00'), reason: 'supplement' });
    // then
    expect(classifyOpenClock(clockOf(started.snapshot), vn('2026-06-04T08:00'))).toBe('inTime');
    expect(classifyOpenClock(clockOf(started.snapshot), vn('2026-06-05T09:00'))).toBe('overdue');
    expect(classifyOpenClock(clockOf(paused.snapshot), vn('2026-07-01T09:00'))).toBe('pausedInTime');
    expect(classifyOpenClock(clockOf(paused.snapshot), vn('2026-07-01T09:00'), 2)).toBe('pausedOverdue');
  });
});
