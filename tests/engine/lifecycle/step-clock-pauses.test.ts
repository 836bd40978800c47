import { describe, expect, it } from 'vitest';
import { applyMachineEvent, startMachine } from '../../../engine/src/lifecycle/index';
import { createStepClockMachine, type StepClockEvent, type StepClockInput } from '../../../engine/src/lifecycle/index';
import type { ClockEmitted, WorkingClock } from '../../../engine/src/lifecycle/index';
import { HOUR, time, vn } from './vietnam-time';

const machine = createStepClockMachine(time);

function run(input: StepClockInput, events: StepClockEvent[]) {
  let step = startMachine(machine, input);
  const emitted: ClockEmitted[] = [...step.emitted];
  for (const event of events) {
    step = applyMachineEvent(machine, step.snapshot, event);
    emitted.push(...step.emitted);
  }
  const clock = (step.snapshot as { context: { clock: WorkingClock } }).context.clock;
  return { value: step.value, clock, emitted, last: step.emitted };
}

const base: StepClockInput = {
  clockId: 'step-7',
  startAt: vn('2026-03-02T08:00'),
  budget: { value: 3, unit: 'workingDays' },
  policy: { kind: 'pause' },
};

describe('step clock pauses', () => {
  it('resumes a step paused twice with exactly the remaining working time', () => {
    // given: 3 working days (24 h) from Monday 08:00
    // when: 3.5 h used (08:00–11:30), paused for a supplement over the weekend, 4.5 h more used, paused for fees, resumed
    const resumedAt = vn('2026-03-16T09:15');
    const result = run(base, [
      { type: 'clock.paused', at: vn('2026-03-02T13:00'), reason: 'supplement' },
      { type: 'clock.resumed', at: vn('2026-03-09T10:00') },
      { type: 'clock.paused', at: vn('2026-03-09T16:00'), reason: 'fees' },
      { type: 'clock.resumed', at: resumedAt },
    ]);
    // then: 24 − 3.5 − 4.5 = 16 working hours remain from the second resume: Mon 16/3 09:15 → Wed 18/3 09:15
    expect(result.value).toEqual({ running: 'onTrack' });
    expect(result.clock.consumedMs).toBe(8 * HOUR);
    expect(result.clock.dueAt).toBe(vn('2026-03-18T09:15'));
    expect(time.workingTimeBetween(resumedAt, result.clock.dueAt)).toBe(16 * HOUR);
    expect(result.clock.pauses.map((pause) => pause.remainingMs)).toEqual([20.5 * HOUR, 16 * HOUR]);
    expect(result.last).toContainEqual({ type: 'timer.requested', timerId: 'step-7:overdue', kind: 'step.overdue', dueAt: result.clock.dueAt });
  });

  it('ignores an overdue timer scheduled before a pause moved the deadline', () => {
    // given: a step paused for a day, so its first overdue instant is stale
    const started = startMachine(machine, base);
    const staleDueAt = (started.snapshot as { context: { clock: WorkingClock } }).context.clock.dueAt;
    // when
    const result = run(base, [
      { type: 'clock.paused', at: vn('2026-03-02T10:00'), reason: 'fees' },
      { type: 'clock.resumed', at: vn('2026-03-03T10:00') },
      { type: 'timer.due', at: staleDueAt, kind: 'step.overdue' },
    ]);
    // then
    expect(result.value).toEqual({ running: 'onTrack' });
    expect(result.emitted.filter((item) => item.type === 'step.overdue')).toEqual([]);
    expect(result.clock.dueAt).toBeGreaterThan(staleDueAt);
  });

  it('starts a restart-policy step afresh when the supplement arrives', () => {
    // given: a restart policy and most of the budget used
    const input: StepClockInput = { ...base, policy: { kind: 'restart' }, nearlyDue: { kind: 'workingHoursBefore', hours: 4 } };
    const supplementAt = vn('2026-03-10T09:00');
    // when
    const result = run(input, [
      { type: 'clock.tick', at: vn('2026-03-04T16:00') },
      { type: 'clock.paused', at: vn('2026-03-04T16:30'), reason: 'supplement' },
      { type: 'clock.resumed', at: supplementAt },
    ]);
    // then: the full 24 h count again from the supplement, the warning may fire again under new timer ids
    expect(result.value).toEqual({ running: 'onTrack' });
    expect(result.clock.epoch).toBe(1);
    expect(result.clock.consumedMs).toBe(0);
    expect(time.workingTimeBetween(supplementAt, result.clock.dueAt)).toBe(24 * HOUR);
    expect(result.clock.pauses[0]).toMatchObject({ resumedAt: supplementAt, restarted: true });
    expect(result.last.filter((item) => item.type === 'timer.requested').map((item) => item.type === 'timer.requested' && item.timerId)).toEqual([
      'step-7:restart1:nearlyDue',
      'step-7:restart1:overdue',
    ]);
    expect(result.emitted.filter((item) => item.type === 'step.nearly_due')).toHaveLength(1);
  });

  it('warns once before the citizen window closes and rejects a bounded-wait step when it closes without a supplement', () => {
    // given: the citizen has 7 working days (Decree 63/2024); warn 8 working hours before the end
    const input: StepClockInput = {
      ...base,
      nearlyDue: { kind: 'workingHoursBefore', hours: 8 },
      policy: { kind: 'boundedWait', waitBudget: { value: 7, unit: 'workingDays' } },
    };
    const pausedAt = vn('2026-03-02T10:00');
    const windowDueAt = time.computeDueDate(pausedAt, { value: 7, unit: 'workingDays' }).dueAt;
    // when: the window timer is delivered a minute early (nothing), then on time, then again
    const warningAt = vn('2026-03-10T10:00');
    const result = run(input, [
      { type: 'clock.paused', at: pausedAt, reason: 'supplement' },
      { type: 'timer.due', at: warningAt, kind: 'supplement.windowClosing' },
      { type: 'timer.due', at: warningAt + 1, kind: 'supplement.windowClosing' },
      { type: 'timer.due', at: windowDueAt - 60_000, kind: 'supplement.window' },
      { type: 'timer.due', at: windowDueAt, kind: 'supplement.window' },
      { type: 'timer.due', at: windowDueAt + 1, kind: 'supplement.window' },
    ]);
    // then
    expect(result.value).toBe('stopped');
    expect(result.clock.outcome).toBe('rejected');
    expect(result.emitted).toContainEqual({ type: 'timer.requested', timerId: 'step-7:supplementWindow:1', kind: 'supplement.window', dueAt: windowDueAt });
    expect(windowDueAt).toBe(vn('2026-03-11T10:00'));
    expect(result.emitted).toContainEqual({ type: 'timer.requested', timerId: 'step-7:supplementWindow:1:closing', kind: 'supplement.windowClosing', dueAt: warningAt });
    expect(result.emitted.filter((item) => item.type === 'supplement.window_closing')).toEqual([
      { type: 'supplement.window_closing', clockId: 'step-7', at: warningAt, windowDueAt },
    ]);
    expect(result.emitted.filter((item) => item.type === 'supplement.window_closed')).toEqual([
      { type: 'supplement.window_closed', clockId: 'step-7', at: windowDueAt, windowDueAt },
    ]);
  });

  it('keeps a bounded-wait step alive when the supplement arrives inside the window', () => {
    // given
    const input: StepClockInput = { ...base, policy: { kind: 'boundedWait', waitBudget: { value: 7, unit: 'workingDays' } } };
    // when
    const result = run(input, [
      { type: 'clock.paused', at: vn('2026-03-02T10:00'), reason: 'supplement' },
      { type: 'clock.resumed', at: vn('2026-03-05T10:00') },
      { type: 'timer.due', at: vn('2026-03-06T10:00'), kind: 'supplement.window' },
    ]);
    // then
    expect(result.value).toEqual({ running: 'onTrack' });
    expect(result.emitted).toContainEqual({ type: 'timer.cancelled', timerId: 'step-7:supplementWindow:1', kind: 'supplement.window' });
  });
});
