import { describe, expect, it } from 'vitest';
import { attributeDelay, type StepTiming } from '../../../engine/src/lifecycle/index';
import { HOUR, time, vn } from './vietnam-time';

describe('delay attribution', () => {
  it('attributes the delay of a two-agency dossier to the agency whose step overran', () => {
    // given: the commune had 1 working day and used it; the police had 2 and used 2 days and 3 hours
    const steps: StepTiming[] = [
      { stepId: 'register-birth', agencyId: 'ubnd-xa', startedAt: vn('2026-03-02T08:00'), dueAt: vn('2026-03-03T08:00'), completedAt: vn('2026-03-02T16:00') },
      { stepId: 'register-residence', agencyId: 'cong-an', startedAt: vn('2026-03-02T16:00'), dueAt: vn('2026-03-04T16:00'), completedAt: vn('2026-03-05T10:30') },
    ];
    // when
    const attribution = attributeDelay(steps, time, { at: vn('2026-03-06T09:00'), appointmentAt: vn('2026-03-05T08:00') });
    // then: Thu 16:00–17:00 and Fri 07:30–10:30 = 4 working hours late
    expect(attribution.overrunByAgency).toEqual({ 'ubnd-xa': 0, 'cong-an': 4 * HOUR });
    expect(attribution.responsibleAgencyId).toBe('cong-an');
    expect(attribution.missesAppointment).toBe(true);
  });

  it('does not hold the agency responsible for the time the dossier waited for the citizen', () => {
    // given: the police step waited a whole working day for fees
    const steps: StepTiming[] = [
      {
        stepId: 'register-residence', agencyId: 'cong-an', startedAt: vn('2026-03-02T08:00'), dueAt: vn('2026-03-04T08:00'),
        completedAt: vn('2026-03-05T08:00'), pausedSpans: [{ from: vn('2026-03-03T08:00'), to: vn('2026-03-04T08:00') }],
      },
    ];
    // when
    const attribution = attributeDelay(steps, time, { at: vn('2026-03-06T09:00') });
    // then
    expect(attribution.steps).toEqual([{ stepId: 'register-residence', agencyId: 'cong-an', overrunMs: 0 }]);
    expect(attribution.responsibleAgencyId).toBeUndefined();
  });

  it('counts a step still open against its agency up to now', () => {
    // given
    const steps: StepTiming[] = [
      { stepId: 'issue-card', agencyId: 'bhxh', startedAt: vn('2026-03-02T08:00'), dueAt: vn('2026-03-03T08:00') },
    ];
    // when
    const attribution = attributeDelay(steps, time, { at: vn('2026-03-03T10:00'), appointmentAt: vn('2026-03-04T08:00') });
    // then
    expect(attribution.overrunByAgency).toEqual({ bhxh: 2 * HOUR });
    expect(attribution.responsibleAgencyId).toBe('bhxh');
    expect(attribution.missesAppointment).toBe(false);
  });
});
