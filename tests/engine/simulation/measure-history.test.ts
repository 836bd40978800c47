/**
 * Measuring the recorded history on hand-computed cases: a step's working duration excludes nights, weekends and the
 * span the dossier waited for the citizen; outcome shares become branch probabilities; arrivals per working day with
 * weekday factors relative to the mean.
 */
import { describe, expect, it } from 'vitest';
import { createVietnamWorkingCalendar, fromLocalDateTime, measureHistory, toScenarioInputs, type CalendarLayer, type HistoricStep } from '../../../engine/src/index';

const H = 3_600_000;
const calendar = createVietnamWorkingCalendar();
const at = fromLocalDateTime;
// Monday 9/3/2026 – Monday 16/3/2026: five working days
const period = { fromAt: at('2026-03-09T00:00'), toAt: at('2026-03-16T00:00') };

describe('measuring the history of a procedure', () => {
  it('counts a step\'s working time without the night, the weekend and the wait for the citizen, and turns outcomes into branch probabilities', () => {
    const steps: HistoricStep[] = [
      // Fri 13/3 16:00 → Mon 16/3 09:00: 1 h Friday + 1.5 h Monday = 2.5 working hours
      { procedureVersion: 1, elementId: 'task-review', agencyId: 'so-tai-chinh', startedAt: at('2026-03-13T16:00'), completedAt: at('2026-03-16T09:00') },
      // Mon 9/3 08:00 → Tue 10/3 08:00 = 8 working hours, of which Mon 13:00–17:00 waiting for the citizen: 4 h
      { procedureVersion: 1, elementId: 'task-review', agencyId: 'so-tai-chinh', startedAt: at('2026-03-09T08:00'), completedAt: at('2026-03-10T08:00'), outcome: 'supplement', pausedSpans: [{ from: at('2026-03-09T13:00'), to: at('2026-03-09T17:00') }] },
      { procedureVersion: 1, elementId: 'task-review', agencyId: 'so-tai-chinh', startedAt: at('2026-03-10T08:00'), completedAt: at('2026-03-10T10:00'), outcome: 'reject' },
      { procedureVersion: 1, elementId: 'task-review', agencyId: 'so-tai-chinh', startedAt: at('2026-03-11T08:00'), completedAt: at('2026-03-11T11:00'), outcome: 'approve' },
      // still open: not measured
      { procedureVersion: 1, elementId: 'task-review', agencyId: 'so-tai-chinh', startedAt: at('2026-03-12T08:00') },
    ];
    const measured = measureHistory(calendar, steps, [], period, { citizenWaits: [{ from: at('2026-03-09T13:00'), to: at('2026-03-10T09:00') }] });
    expect(measured.steps).toHaveLength(1);
    const [review] = measured.steps;
    expect(review).toMatchObject({ procedureVersion: 1, elementId: 'task-review', agencyId: 'so-tai-chinh', count: 4 });
    expect(review!.fitted).toMatchObject({ method: 'lognormal', sampleSize: 4 });
    // 2, 2.5, 3, 4 hours: median 2.75, p90 position 2.7 → 3 + 0.7 × 1
    expect(review!.p50Hours).toBeCloseTo(2.75, 9);
    expect(review!.p90Hours).toBeCloseTo(3.7, 9);
    expect(review!.outcomeShares).toEqual({ approve: 0.5, supplement: 0.25, reject: 0.25 });
    // the citizen answered after Mon 13:00–17:00 + Tue 07:30–09:00 = 5.5 working hours
    expect(measured.citizenReply).toMatchObject({ method: 'single', sampleSize: 1, distribution: { kind: 'fixed', ms: 5.5 * H } });
    const inputs = toScenarioInputs(measured, 1);
    expect(inputs.outcomes['task-review']).toEqual([
      { variables: { decision: 'supplement' }, probability: 0.25 },
      { variables: { decision: 'reject' }, probability: 0.25 },
    ]);
    expect(inputs.durations['task-review']).toEqual(review!.fitted.distribution);
  });

  it('splits each step at its claim into the wait for an official and the work, on the agency\'s own calendar across its closure, the 30/4–1/5 holidays and the weekend', () => {
    // given the agency closes on Wednesday 29/4/2026 (its own layer); Thu 30/4 and Fri 1/5 are national holidays
    const closure: CalendarLayer = {
      id: 'so-tai-chinh', level: 'agency', name: { vi: 'Sở Tài chính', en: 'Finance department' },
      years: [{ year: 2026, status: 'official', days: [{ date: '2026-04-29', kind: 'localClosure', reason: { vi: 'Kiểm kê', en: 'Stocktaking' } }] }],
    };
    const own = createVietnamWorkingCalendar([closure]);
    const steps: HistoricStep[] = [
      // opened Tue 28/4 15:00, claimed Mon 4/5 09:00: wait = Tue 15:00–17:00 + Mon 07:30–09:00 = 3.5 h;
      // worked until Mon 16:00 = 09:00–11:30 + 13:00–16:00 = 5.5 h, less the citizen's Mon 13:00–14:00 = 4.5 h
      { procedureVersion: 1, elementId: 'task-review', agencyId: 'so-tai-chinh', startedAt: at('2026-04-28T15:00'), claimedAt: at('2026-05-04T09:00'), completedAt: at('2026-05-04T16:00'), pausedSpans: [{ from: at('2026-05-04T13:00'), to: at('2026-05-04T14:00') }] },
      // claimed the moment it opened: no wait, 1 h of work
      { procedureVersion: 1, elementId: 'task-review', agencyId: 'so-tai-chinh', startedAt: at('2026-05-05T08:00'), claimedAt: at('2026-05-05T08:00'), completedAt: at('2026-05-05T09:00') },
      // older history without a claim: Mon 08:00–10:00, all 2 h counted as work
      { procedureVersion: 1, elementId: 'task-review', agencyId: 'so-tai-chinh', startedAt: at('2026-05-04T08:00'), completedAt: at('2026-05-04T10:00') },
    ];
    // when measured on the agency's calendar
    const [review] = measureHistory(calendar, steps, [], period, { calendarOf: () => own }).steps;
    // then the work 1, 2, 4.5 h: median 2, p90 at position 1.8 → 2 + 0.8 × 2.5 = 4; the waits 0, 3.5 h over the 2 claimed
    expect(review).toMatchObject({ count: 3, unclaimedCount: 1 });
    expect(review!.p50Hours).toBeCloseTo(2, 9);
    expect(review!.p90Hours).toBeCloseTo(4, 9);
    expect(review!.waiting.sampleSize).toBe(2);
    expect(review!.waitingP50Hours).toBeCloseTo(1.75, 9);
    expect(review!.waitingP90Hours).toBeCloseTo(3.15, 9);
    // on the national calendar the agency's closed Wednesday would count as 8 more hours of wait
    const [national] = measureHistory(calendar, steps.slice(0, 1), [], period).steps;
    expect(national!.waitingP50Hours).toBeCloseTo(11.5, 9);
    // and the simulation draws the work as the service time and the measured wait where no staffing is stated
    const inputs = toScenarioInputs(measureHistory(calendar, steps, [], period, { calendarOf: () => own }), 1);
    expect(inputs.durations['task-review']).toEqual({ kind: 'lognormal', mu: expect.any(Number), sigma: expect.any(Number) });
    expect(inputs.waits['task-review']).toEqual(review!.waiting.distribution);
  });

  it('has no wait to draw for a step whose history has no claim', () => {
    const steps: HistoricStep[] = [{ procedureVersion: 1, elementId: 'task-review', startedAt: at('2026-03-09T08:00'), completedAt: at('2026-03-09T10:00') }];
    const measured = measureHistory(calendar, steps, [], period);
    expect(measured.steps[0]).toMatchObject({ count: 1, unclaimedCount: 1, p50Hours: 2, waiting: { sampleSize: 0, method: 'fallback' } });
    expect(toScenarioInputs(measured, 1).waits).toEqual({});
  });

  it('measures arrivals per working day with each weekday\'s factor relative to the mean', () => {
    // 10 on Monday, 5 on each other weekday, 2 on Saturday (online, counted on their own day): 32 over 5 working days
    const receivedAts = [
      ...Array.from({ length: 10 }, (_, i) => at('2026-03-09T08:00') + i * 60_000),
      ...[10, 11, 12, 13].flatMap((day) => Array.from({ length: 5 }, (_, i) => at(`2026-03-${day}T09:00`) + i * 60_000)),
      at('2026-03-14T10:00'), at('2026-03-14T11:00'),
    ];
    const { arrivals } = measureHistory(calendar, [], receivedAts, period);
    expect(arrivals.received).toBe(32);
    expect(arrivals.workingDays).toBe(5);
    expect(arrivals.perWorkingDay).toBeCloseTo(32 / 5, 12);
    expect(arrivals.weekdayFactors!.monday).toBeCloseTo(10 / 6.4, 12);
    expect(arrivals.weekdayFactors!.friday).toBeCloseTo(5 / 6.4, 12);
    expect(arrivals.weekdayFactors!.saturday).toBeUndefined();
  });
});
