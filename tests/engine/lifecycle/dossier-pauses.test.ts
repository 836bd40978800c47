import { describe, expect, it } from 'vitest';
import { applyDossierEvent, startDossierLifecycle, type DossierStep } from '../../../engine/src/lifecycle/index';
import { createDossierLifecycleMachine, type DossierEvent, type DossierLifecycleInput } from '../../../engine/src/lifecycle/index';
import { HOUR, time, vn } from './vietnam-time';

const machine = createDossierLifecycleMachine(time);

function run(input: DossierLifecycleInput, events: DossierEvent[]): DossierStep {
  let step = startDossierLifecycle(machine, input);
  for (const event of events) step = applyDossierEvent(machine, JSON.parse(JSON.stringify(step.snapshot)), event);
  return step;
}

const received: DossierLifecycleInput = {
  dossierId: 'd-holiday',
  channel: 1,
  rules: { statutoryBudget: { value: 10, unit: 'workingDays' }, supplementPolicy: { kind: 'pause' } },
  start: { type: 'dossier.received', at: vn('2026-04-22T09:00') },
};

describe('dossier clock across holidays', () => {
  it('promises the appointment 10 working days ahead, skipping the Hùng Kings compensatory day, 30/4 and 1/5', () => {
    // given / when: received Wed 22/4/2026 09:00
    const step = startDossierLifecycle(machine, received);
    // then: Mon 27/4 (compensatory), Thu 30/4 and Fri 1/5 are not counted
    expect(step.context.appointmentAt).toBe(vn('2026-05-11T09:00'));
  });

  it('resumes a dossier paused twice with exactly the remaining working time, over the holidays', () => {
    // given: 80 working hours; 9 h used before the supplement request, 10.5 h between it and the fee request
    const resumedAt = vn('2026-04-29T09:00');
    // when
    const step = run(received, [
      { type: 'processing.started', at: vn('2026-04-22T09:30') },
      { type: 'supplement.requested', at: vn('2026-04-23T10:00') },
      { type: 'supplement.received', at: vn('2026-04-24T10:00') },
      { type: 'fees.requested', at: vn('2026-04-28T14:00') },
      { type: 'fees.paid', at: resumedAt },
    ]);
    // then: 80 − 19.5 = 60.5 h from Wed 29/4 09:00 land on Tue 12/5 15:00 (30/4 and 1/5 are holidays)
    const clock = step.context.clock!;
    expect(clock.pauses.map((pause) => pause.remainingMs)).toEqual([71 * HOUR, 60.5 * HOUR]);
    expect(time.workingTimeBetween(resumedAt, clock.dueAt)).toBe(60.5 * HOUR);
    expect(clock.dueAt).toBe(vn('2026-05-12T15:00'));
    // and the appointment on the receipt does not move: the statistics subtract the citizen's time instead
    expect(step.context.appointmentAt).toBe(vn('2026-05-11T09:00'));
    expect(step.status).toBe(4);
  });

  it('marks the dossier overdue when its projected due instant passes, once, and finishes it overdue', () => {
    // given
    const paused = run(received, [
      { type: 'processing.started', at: vn('2026-04-22T09:30') },
      { type: 'fees.requested', at: vn('2026-04-23T10:00') },
      { type: 'fees.paid', at: vn('2026-04-24T10:00') },
    ]);
    const dueAt = paused.context.clock!.dueAt;
    // when
    const late = applyDossierEvent(machine, paused.snapshot, { type: 'timer.due', at: dueAt, kind: 'dossier.overdue' });
    const again = applyDossierEvent(machine, late.snapshot, { type: 'timer.due', at: dueAt + 1, kind: 'dossier.overdue' });
    const finished = applyDossierEvent(machine, again.snapshot, { type: 'dossier.finished', at: dueAt + HOUR });
    // then
    expect(dueAt).toBe(vn('2026-05-12T09:00'));
    expect(late.emitted).toEqual([{ type: 'dossier.overdue', clockId: 'd-holiday', at: dueAt, dueAt }]);
    expect(again.emitted).toEqual([]);
    expect(finished.context.classification).toBe('overdue');
  });
});
