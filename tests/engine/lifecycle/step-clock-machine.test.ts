import { describe, expect, it } from 'vitest';
import { applyMachineEvent, restoreActor, startMachine } from '../../../engine/src/lifecycle/index';
import { createStepClockMachine, type StepClockEvent, type StepClockInput } from '../../../engine/src/lifecycle/index';
import type { ClockEmitted } from '../../../engine/src/lifecycle/index';
import { HOUR, time, vn } from './vietnam-time';


const input: StepClockInput = {
  clockId: 'step-1',
  startAt: vn('2026-03-02T08:00'),
  budget: { value: 2, unit: 'workingDays' },
  nearlyDue: { kind: 'percentOfBudget', percent: 75 },
  escalation: [
    { afterWorkingHours: 1, target: 'official' },
    { afterWorkingHours: 4, target: 'headOfUnit' },
    { afterWorkingHours: 8, target: 'supervisor', reassign: true },
  ],
  policy: { kind: 'pause' },
};

/** Runs events through the machine, each time from the persisted JSON snapshot, and keeps what was emitted. */
function run(snapshot: unknown, events: StepClockEvent[], machine = createStepClockMachine(time)) {
  const emitted: ClockEmitted[] = [];
  let current = { snapshot, value: undefined as unknown };
  for (const event of events) {
    const step = applyMachineEvent(machine, current.snapshot, event);
    emitted.push(...step.emitted);
    current = step;
  }
  return { ...current, emitted, notifications: emitted.filter((item) => !item.type.startsWith('timer.')) };
}

const contextOf = (snapshot: unknown) => (snapshot as { context: { clock: { dueAt: number; nearlyDueAt: number; escalationAts: number[] } } }).context;

describe('step clock', () => {
  it('asks to be woken for the nearly-due warning, the overdue mark and each escalation rung, with deterministic ids', () => {
    // given / when
    const started = startMachine(createStepClockMachine(time), input);
    // then
    const requests = started.emitted.filter((item) => item.type === 'timer.requested');
    // 2 working days from Mon 08:00 keep the time of day; 75 % = 12 working hours; rungs 1, 4, 8 working hours late
    expect(requests.map((item) => item.type === 'timer.requested' && [item.timerId, item.dueAt])).toEqual([
      ['step-1:nearlyDue', vn('2026-03-03T13:30')],
      ['step-1:overdue', vn('2026-03-04T08:00')],
      ['step-1:escalation:1', vn('2026-03-04T09:00')],
      ['step-1:escalation:2', vn('2026-03-04T13:30')],
      ['step-1:escalation:3', vn('2026-03-05T08:00')],
    ]);
    expect(started.value).toEqual({ running: 'onTrack' });
  });

  it('warns, marks overdue and climbs each rung exactly once across a restart of the engine and duplicate deliveries', () => {
    // given
    const started = startMachine(createStepClockMachine(time), input);
    const { nearlyDueAt, dueAt, escalationAts } = contextOf(started.snapshot).clock;
    // when: the first half runs on one engine, with a late duplicate and an early (stale) delivery
    const first = run(started.snapshot, [
      { type: 'timer.due', at: nearlyDueAt - 60_000, kind: 'step.nearlyDue' },
      { type: 'timer.due', at: nearlyDueAt, kind: 'step.nearlyDue' },
      { type: 'timer.due', at: nearlyDueAt + 5_000, kind: 'step.nearlyDue' },
      { type: 'timer.due', at: dueAt, kind: 'step.overdue' },
    ]);
    const persisted = JSON.parse(JSON.stringify(first.snapshot)) as unknown;
    // and a new engine (a new machine, as after a process restart) takes over from the stored JSON
    const second = run(
      persisted,
      [
        { type: 'timer.due', at: dueAt, kind: 'step.overdue' },
        { type: 'timer.due', at: escalationAts[0], kind: 'step.escalation', rung: 1 },
        { type: 'timer.due', at: escalationAts[0] + 1, kind: 'step.escalation', rung: 1 },
        { type: 'timer.due', at: escalationAts[1], kind: 'step.escalation', rung: 2 },
        { type: 'timer.due', at: escalationAts[2], kind: 'step.escalation', rung: 3 },
        { type: 'timer.due', at: escalationAts[2], kind: 'step.escalation', rung: 3 },
        { type: 'clock.tick', at: escalationAts[2] + 10 * HOUR },
      ],
      createStepClockMachine(time),
    );
    // then
    expect(first.value).toEqual({ running: 'overdue' });
    expect(second.value).toEqual({ running: 'escalated' });
    expect([...first.notifications, ...second.notifications]).toEqual([
      { type: 'step.nearly_due', clockId: 'step-1', at: nearlyDueAt, dueAt },
      { type: 'step.overdue', clockId: 'step-1', at: dueAt, dueAt },
      { type: 'step.escalated', clockId: 'step-1', at: escalationAts[0], rung: 1, target: 'official', reassign: false },
      { type: 'step.escalated', clockId: 'step-1', at: escalationAts[1], rung: 2, target: 'headOfUnit', reassign: false },
      { type: 'step.escalated', clockId: 'step-1', at: escalationAts[2], rung: 3, target: 'supervisor', reassign: true },
    ]);
  });

  it('escalates once when two server processes deliver the same rung from the same stored revision', () => {
    // given: a stored clock, already overdue, with an optimistic-concurrency revision
    const machine = createStepClockMachine(time);
    const overdue = run(startMachine(machine, input).snapshot, [{ type: 'timer.due', at: vn('2026-03-04T08:00') }]);
    const store = { rev: 1, snapshot: overdue.snapshot };
    const save = (rev: number, snapshot: unknown) => {
      if (store.rev !== rev) return false;
      Object.assign(store, { rev: rev + 1, snapshot });
      return true;
    };
    const told: ClockEmitted[] = [];
    // when: both processes load revision 1 and apply the rung-1 timer; each tells only after a successful save
    const loaded = [{ ...store }, { ...store }];
    for (const copy of loaded) {
      let { rev, snapshot } = copy;
      for (;;) {
        const step = applyMachineEvent(machine, snapshot, { type: 'timer.due', at: vn('2026-03-04T09:00'), kind: 'step.escalation', rung: 1 });
        if (save(rev, step.snapshot)) {
          told.push(...step.emitted);
          break;
        }
        ({ rev, snapshot } = store); // reload and retry, as the host does on ConcurrencyConflict
      }
    }
    // then
    expect(told.filter((item) => item.type === 'step.escalated')).toHaveLength(1);
    expect(store.rev).toBe(3);
  });

  it('starts afresh when restarted while running', () => {
    // given
    const machine = createStepClockMachine(time);
    const nearly = run(startMachine(machine, input).snapshot, [{ type: 'timer.due', at: vn('2026-03-03T13:30') }]);
    // when
    const restarted = run(nearly.snapshot, [{ type: 'clock.restarted', at: vn('2026-03-04T08:00') }]);
    // then
    expect(nearly.value).toEqual({ running: 'nearlyDue' });
    expect(restarted.value).toEqual({ running: 'onTrack' });
    expect(contextOf(restarted.snapshot).clock.dueAt).toBe(vn('2026-03-06T08:00'));
  });

  it('restores a persisted snapshot from JSON to the identical state and context', () => {
    // given
    const machine = createStepClockMachine(time);
    const step = run(startMachine(machine, input).snapshot, [{ type: 'clock.paused', at: vn('2026-03-02T10:00'), reason: 'fees' }]);
    // when
    const restored = restoreActor(machine, JSON.parse(JSON.stringify(step.snapshot))).start();
    // then
    expect(restored.getSnapshot().value).toBe('paused');
    expect(JSON.parse(JSON.stringify(restored.getPersistedSnapshot()))).toEqual(step.snapshot);
  });

  it('classifies a step completed on the day it is due, before the due instant, as on time', () => {
    // given
    const started = startMachine(createStepClockMachine(time), input);
    const { dueAt } = contextOf(started.snapshot).clock;
    // when
    const done = run(started.snapshot, [{ type: 'step.completed', at: dueAt - HOUR }]);
    // then
    expect(done.value).toBe('stopped');
    expect((done.snapshot as { context: { classification: string } }).context.classification).toBe('onTime');
    expect(done.emitted.filter((item) => item.type === 'timer.cancelled')).toHaveLength(5);
  });
});
