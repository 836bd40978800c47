import { describe, expect, it } from 'vitest';
import { EngineError } from '../../../engine/src/errors';
import { applyDossierEvent, startDossierLifecycle, type DossierStep } from '../../../engine/src/lifecycle/index';
import {
  createDossierLifecycleMachine,
  type DossierEvent,
  type DossierLifecycleInput,
} from '../../../engine/src/lifecycle/index';
import { HOUR, time, vn } from './vietnam-time';

const machine = createDossierLifecycleMachine(time);

const atCounter: DossierLifecycleInput = {
  dossierId: 'd-1',
  dossierCode: '000.00.64.H10-260302-0001',
  channel: 1,
  rules: { statutoryBudget: { value: 10, unit: 'workingDays' }, supplementPolicy: { kind: 'pause' } },
  start: { type: 'dossier.received', at: vn('2026-03-02T09:00'), actorId: 'officer-1' },
};

function run(input: DossierLifecycleInput, events: DossierEvent[]) {
  let step: DossierStep = startDossierLifecycle(machine, input);
  const emitted = [...step.emitted];
  for (const event of events) {
    step = applyDossierEvent(machine, step.snapshot, event);
    emitted.push(...step.emitted);
  }
  const records = emitted.flatMap((item) => (item.type === 'progress.recorded' ? [item.record] : []));
  return { ...step, emitted, records };
}

function refusal(action: () => unknown): EngineError {
  try {
    action();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('expected the lifecycle to refuse the event');
}

describe('dossier lifecycle', () => {
  it('computes the appointment at intake from the statutory budget on the calendar', () => {
    // given / when
    const step = startDossierLifecycle(machine, atCounter);
    // then
    expect(step.status).toBe(2);
    expect(step.context.appointmentAt).toBe(time.computeDueDate(vn('2026-03-02T09:00'), { value: 10, unit: 'workingDays' }).dueAt);
    expect(step.emitted).toContainEqual({ type: 'timer.requested', timerId: 'd-1:overdue', kind: 'dossier.overdue', dueAt: step.context.appointmentAt });
  });

  it('records every status change as a progress record, in order, with the step start and due instants', () => {
    // given
    const handOverAt = vn('2026-03-03T10:00');
    // when
    const result = run(atCounter, [
      { type: 'processing.started', at: vn('2026-03-02T10:00'), actorId: 'officer-1', stepElementId: 'task-check' },
      { type: 'step.handed_over', at: handOverAt, actorId: 'officer-2', departmentId: 'urban', stepElementId: 'task-review', stepStartAt: handOverAt, stepDueAt: handOverAt + 8 * HOUR },
      { type: 'fees.requested', at: vn('2026-03-04T10:00') },
      { type: 'fees.paid', at: vn('2026-03-05T10:00') },
      { type: 'dossier.finished', at: vn('2026-03-06T10:00'), actorId: 'head-1' },
      { type: 'result.returned', at: vn('2026-03-09T08:30'), actorId: 'officer-1' },
    ]);
    // then
    expect(result.records.map((record) => [record.status, record.previousStatus, record.action])).toEqual([
      [2, undefined, 'dossier.received'],
      [4, 2, 'processing.started'],
      [4, 4, 'step.handed_over'],
      [6, 4, 'fees.requested'],
      [4, 6, 'fees.paid'],
      [9, 4, 'dossier.finished'],
      [10, 9, 'result.returned'],
    ]);
    expect(result.records[2]).toMatchObject({
      dossierCode: '000.00.64.H10-260302-0001',
      actorId: 'officer-2',
      departmentId: 'urban',
      stepElementId: 'task-review',
      stepStartAt: handOverAt,
      stepDueAt: handOverAt + 8 * HOUR,
    });
    expect(result.status).toBe(10);
    expect(result.context.classification).toBe('early');
  });

  it('keeps the reason of a refusal at intake as the note of its progress record (form 03)', () => {
    // given
    const online: DossierLifecycleInput = { ...atCounter, channel: 2, start: { type: 'dossier.submitted', at: vn('2026-03-01T21:00') } };
    // when
    const result = run(online, [{ type: 'dossier.refused', at: vn('2026-03-02T09:00'), reason: 'not in our jurisdiction', actorId: 'officer-1' }]);
    // then
    expect(result.status).toBe(3);
    expect(result.records.at(-1)).toEqual({
      dossierId: 'd-1', dossierCode: '000.00.64.H10-260302-0001', status: 3, previousStatus: 1, action: 'dossier.refused',
      at: vn('2026-03-02T09:00'), stepStartAt: vn('2026-03-02T09:00'), actorId: 'officer-1', note: 'not in our jurisdiction',
    });
  });

  it('starts an online dossier in status 1 and computes the appointment only when it is received', () => {
    // given
    const online: DossierLifecycleInput = { ...atCounter, channel: 2, start: { type: 'dossier.submitted', at: vn('2026-03-01T21:00') } };
    // when
    const result = run(online, [{ type: 'dossier.received', at: vn('2026-03-02T09:00'), actorId: 'officer-1' }]);
    // then
    expect(result.records.map((record) => record.status)).toEqual([1, 2]);
    expect(result.context.submittedAt).toBe(vn('2026-03-01T21:00'));
    expect(result.context.appointmentAt).toBe(time.computeDueDate(vn('2026-03-02T09:00'), { value: 10, unit: 'workingDays' }).dueAt);
  });

  it('refuses transitions the rules forbid and leaves the dossier as it was', () => {
    // given
    const received = startDossierLifecycle(machine, atCounter);
    const withdrawn = applyDossierEvent(machine, received.snapshot, { type: 'dossier.withdrawn', at: vn('2026-03-02T11:00') });
    // when / then
    expect(refusal(() => applyDossierEvent(machine, received.snapshot, { type: 'dossier.finished', at: vn('2026-03-03T09:00') })).code).toBe('TRANSITION_NOT_ALLOWED');
    expect(refusal(() => applyDossierEvent(machine, received.snapshot, { type: 'result.returned', at: vn('2026-03-03T09:00') })).code).toBe('TRANSITION_NOT_ALLOWED');
    expect(refusal(() => applyDossierEvent(machine, received.snapshot, { type: 'fees.paid', at: vn('2026-03-03T09:00') })).message).toContain('status 2');
    expect(refusal(() => applyDossierEvent(machine, withdrawn.snapshot, { type: 'processing.started', at: vn('2026-03-03T09:00') })).code).toBe('TRANSITION_NOT_ALLOWED');
    expect(withdrawn.status).toBe(7);
    // and a late timer after the end changes nothing
    const late = applyDossierEvent(machine, withdrawn.snapshot, { type: 'timer.due', at: vn('2026-04-01T09:00') });
    expect(late.emitted).toEqual([]);
    expect(late.snapshot).toEqual(withdrawn.snapshot);
  });

  it('counts a dossier with a second supplement request as overdue even when it finishes early', () => {
    // given
    const events: DossierEvent[] = [
      { type: 'processing.started', at: vn('2026-03-02T10:00') },
      { type: 'supplement.requested', at: vn('2026-03-02T11:00') },
      { type: 'supplement.received', at: vn('2026-03-03T09:00') },
      { type: 'supplement.requested', at: vn('2026-03-03T10:00') },
      { type: 'supplement.received', at: vn('2026-03-04T09:00') },
      { type: 'dossier.finished', at: vn('2026-03-05T09:00') },
    ];
    // when
    const result = run(atCounter, events);
    // then
    expect(result.context.supplementCount).toBe(2);
    expect(result.context.countsAsOverdue).toBe(true);
    expect(result.context.classification).toBe('overdue');
    expect(result.records.map((record) => record.status)).toEqual([2, 4, 5, 4, 5, 4, 9]);
  });

  it('issues one apology letter with a new appointment and refuses a second one by default', () => {
    // given
    const started = run(atCounter, [{ type: 'processing.started', at: vn('2026-03-02T10:00') }]);
    const original = started.context.appointmentAt ?? 0;
    // when
    const first = applyDossierEvent(machine, started.snapshot, {
      type: 'dossier.reappointed', at: vn('2026-03-12T09:00'), newAppointmentAt: original + 48 * HOUR, reason: 'site visit needed', actorId: 'head-1',
    });
    const second = () =>
      applyDossierEvent(machine, first.snapshot, { type: 'dossier.reappointed', at: vn('2026-03-16T09:00'), newAppointmentAt: original + 96 * HOUR, reason: 'again' });
    // then
    expect(first.context.appointmentAt).toBe(original + 48 * HOUR);
    expect(first.emitted).toEqual([
      {
        type: 'dossier.reappointed', dossierId: 'd-1', originalAppointmentAt: original, number: 1, at: vn('2026-03-12T09:00'),
        previousAppointmentAt: original, newAppointmentAt: original + 48 * HOUR, reason: 'site visit needed', actorId: 'head-1',
      },
    ]);
    expect(refusal(second).code).toBe('REAPPOINTMENT_LIMIT_REACHED');
  });

  it('allows two apology letters when the procedure allows two', () => {
    // given
    const input = { ...atCounter, rules: { ...atCounter.rules, maxReappointments: 2 } };
    const original = startDossierLifecycle(machine, input).context.appointmentAt ?? 0;
    // when
    const result = run(input, [
      { type: 'processing.started', at: vn('2026-03-02T10:00') },
      { type: 'dossier.reappointed', at: vn('2026-03-12T09:00'), newAppointmentAt: original + 24 * HOUR, reason: 'first' },
      { type: 'dossier.reappointed', at: vn('2026-03-13T09:00'), newAppointmentAt: original + 72 * HOUR, reason: 'second' },
    ]);
    // then
    expect(result.context.reappointments.map((letter) => [letter.number, letter.newAppointmentAt])).toEqual([
      [1, original + 24 * HOUR],
      [2, original + 72 * HOUR],
    ]);
    expect(() => applyDossierEvent(machine, result.snapshot, { type: 'dossier.reappointed', at: vn('2026-03-16T09:00'), newAppointmentAt: original + 96 * HOUR, reason: 'third' })).toThrow(EngineError);
  });

  it('stops a bounded-wait dossier in process when the citizen window closes without the supplement', () => {
    // given: Decree 63/2024, the citizen has 7 working days
    const input: DossierLifecycleInput = { ...atCounter, rules: { ...atCounter.rules, supplementPolicy: { kind: 'boundedWait', waitBudget: { value: 7, unit: 'workingDays' } } } };
    const requestedAt = vn('2026-03-03T10:00');
    const windowDueAt = time.computeDueDate(requestedAt, { value: 7, unit: 'workingDays' }).dueAt;
    // when
    const result = run(input, [
      { type: 'processing.started', at: vn('2026-03-02T10:00') },
      { type: 'supplement.requested', at: requestedAt },
      { type: 'timer.due', at: windowDueAt - 1, kind: 'supplement.window' },
      { type: 'timer.due', at: windowDueAt, kind: 'supplement.window' },
    ]);
    // then
    expect(result.status).toBe(8);
    expect(result.records.at(-1)).toEqual({
      dossierId: 'd-1', dossierCode: '000.00.64.H10-260302-0001', status: 8, previousStatus: 5, action: 'supplement.window_closed',
      at: windowDueAt, stepStartAt: windowDueAt, stepDueAt: result.context.clock?.dueAt,
    });
    expect(result.context.clock?.outcome).toBe('rejected');
  });

  it('refuses a dossier asked to supplement at intake when the citizen window closes', () => {
    // given
    const input: DossierLifecycleInput = { ...atCounter, rules: { ...atCounter.rules, supplementPolicy: { kind: 'boundedWait', waitBudget: { value: 7, unit: 'workingDays' } } } };
    const windowDueAt = time.computeDueDate(vn('2026-03-02T10:00'), { value: 7, unit: 'workingDays' }).dueAt;
    // when
    const result = run(input, [
      { type: 'supplement.requested', at: vn('2026-03-02T10:00') },
      { type: 'clock.tick', at: windowDueAt + HOUR },
    ]);
    // then
    expect(result.status).toBe(3);
  });

  it('promises a new appointment when a restart-policy dossier gets its supplement', () => {
    // given
    const input: DossierLifecycleInput = { ...atCounter, rules: { ...atCounter.rules, supplementPolicy: { kind: 'restart' } } };
    const completeAt = vn('2026-03-09T14:00');
    // when
    const result = run(input, [
      { type: 'processing.started', at: vn('2026-03-02T10:00') },
      { type: 'supplement.requested', at: vn('2026-03-04T10:00') },
      { type: 'supplement.received', at: completeAt },
    ]);
    // then
    expect(result.context.appointmentAt).toBe(time.computeDueDate(completeAt, { value: 10, unit: 'workingDays' }).dueAt);
    expect(result.context.clock?.consumedMs).toBe(0);
    expect(result.context.originalAppointmentAt).toBe(time.computeDueDate(vn('2026-03-02T09:00'), { value: 10, unit: 'workingDays' }).dueAt);
  });
});
