import { describe, expect, it } from 'vitest';
import { computeStatistics, computeStatisticsBy, type DossierFacts } from '../../../engine/src/lifecycle/index';
import { time, vn } from './vietnam-time';

const march = { from: vn('2026-03-01T00:00'), to: vn('2026-03-31T23:59') };
const received = vn('2026-03-03T09:00');
const appointmentAt = vn('2026-03-10T09:00');

/** A hand-computed set: 7 dossiers count, 4 of them on time; 6 received in March, 3 online. */
const dossiers: DossierFacts[] = [
  // finished on 9/3, returned after the appointment: status 9 wins over 10 → on time
  { dossierId: 'A', agencyId: 'so-xd', officialIds: ['an'], channel: 2, receivedAt: received, appointmentAt, terminalAt: { 9: vn('2026-03-09T15:00'), 10: vn('2026-03-12T09:00') } },
  // finished a day late → overdue
  { dossierId: 'B', agencyId: 'so-xd', officialIds: ['binh'], channel: 1, receivedAt: received, appointmentAt, terminalAt: { 9: vn('2026-03-11T09:00') } },
  // finished after the appointment, but the citizen took 2 days to supplement → on time
  {
    dossierId: 'C', agencyId: 'ubnd-xa', officialIds: ['an'], channel: 2, receivedAt: received, appointmentAt,
    terminalAt: { 9: vn('2026-03-11T08:00') }, supplements: [{ requestedAt: vn('2026-03-04T09:00'), completedAt: vn('2026-03-06T09:00') }],
  },
  // two supplement requests → overdue however early
  {
    dossierId: 'D', agencyId: 'ubnd-xa', channel: 1, receivedAt: received, appointmentAt, terminalAt: { 9: vn('2026-03-09T09:00') },
    supplements: [
      { requestedAt: vn('2026-03-04T09:00'), completedAt: vn('2026-03-05T09:00') },
      { requestedAt: vn('2026-03-06T09:00'), completedAt: vn('2026-03-07T09:00') },
    ],
  },
  // received in February, still open at the end of March, appointment passed → overdue, processed in the period
  { dossierId: 'E', agencyId: 'so-xd', channel: 2, receivedAt: vn('2026-02-20T09:00'), appointmentAt: vn('2026-03-05T09:00') },
  // finished in February → not in March's figures
  { dossierId: 'F', agencyId: 'so-xd', channel: 2, receivedAt: vn('2026-02-15T09:00'), appointmentAt: vn('2026-02-25T09:00'), terminalAt: { 9: vn('2026-02-24T09:00') } },
  // received in April → not in March's figures
  { dossierId: 'G', agencyId: 'so-xd', channel: 2, receivedAt: vn('2026-04-05T09:00'), appointmentAt: vn('2026-04-20T09:00') },
  // open at the end of the period, appointment in April → on time
  { dossierId: 'H', agencyId: 'so-xd', channel: 1, receivedAt: vn('2026-03-25T09:00'), appointmentAt: vn('2026-04-08T09:00') },
  // submitted online, not yet accepted (status 1) → not a received dossier
  { dossierId: 'J', agencyId: 'ubnd-xa', channel: 2, submittedAt: vn('2026-03-30T20:00') },
  // submitted online and refused at intake (status 3) → counts, on time
  { dossierId: 'I', agencyId: 'ubnd-xa', channel: 2, submittedAt: vn('2026-03-02T20:00'), terminalAt: { 3: vn('2026-03-03T10:00') } },
];

describe('Decision 766 statistics', () => {
  it('computes the on-time rate, the online rate and the average processing time of a small hand-computed set', () => {
    // when
    const figures = computeStatistics(dossiers, { period: march });
    // then
    expect(figures).toMatchObject({ dossiers: 7, onTime: 4, overdue: 3, received: 6, online: 3, onlineRate: 0.5 });
    expect(figures.onTimeRate).toBeCloseTo(4 / 7, 10);
    // A 6.25 d, B 8 d, C 7 d 23 h − 2 d, D 6 d − 2 d (calendar days, citizen time subtracted)
    expect(figures.averageProcessing?.unit).toBe('calendarDays');
    expect(figures.averageProcessing?.finished).toBe(4);
    expect(figures.averageProcessing?.value).toBeCloseTo((6.25 + 8 + (7 + 23 / 24 - 2) + 4) / 4, 10);
  });

  it('gives the average processing time in working days on the calendar', () => {
    // given: A took Tue 3/3 09:00 → Mon 9/3 15:00 = 6.5 + 8 + 8 + 8 + 6 = 36.5 working hours
    // when
    const figures = computeStatistics(dossiers, { period: march, scope: { procedureCode: undefined }, workingTime: time, unit: 'workingDays' });
    const onlyA = computeStatistics([dossiers[0]], { period: march, workingTime: time });
    // then
    expect(onlyA.averageProcessing).toEqual({ value: 36.5 / 8, unit: 'workingDays', finished: 1 });
    expect(figures.averageProcessing?.finished).toBe(4);
  });

  it('splits the figures per agency and per official in one pass', () => {
    // when
    const byAgency = computeStatisticsBy(dossiers, (dossier) => dossier.agencyId, { period: march });
    const an = computeStatistics(dossiers, { period: march, scope: { officialId: 'an' } });
    // then: so-xd counts A, B, E, H (2 on time); ubnd-xa counts C, D, I (2 on time)
    expect(byAgency.get('so-xd')).toMatchObject({ dossiers: 4, onTime: 2 });
    expect(byAgency.get('ubnd-xa')).toMatchObject({ dossiers: 3, onTime: 2 });
    expect(an).toMatchObject({ dossiers: 2, onTime: 2, onTimeRate: 1 });
  });

  it('has no rate for an empty scope rather than a division by zero', () => {
    expect(computeStatistics(dossiers, { period: march, scope: { agencyId: 'nobody' } })).toEqual({ dossiers: 0, onTime: 0, overdue: 0, received: 0, online: 0 });
  });
});
