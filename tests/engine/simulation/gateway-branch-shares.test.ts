/**
 * What the heatmap and the API show per step beyond durations, on hand-computed cases: the supplement and return
 * probabilities, a step timed on its own agency's calendar (its office hours), and the measured decisions carried onto
 * the branches of the library's business registration procedure by the flows' own FEEL conditions.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createVietnamWorkingCalendar, fromLocalDateTime, gatewayBranchShares, measureHistory, parseProcedure, type HistoricStep } from '../../../engine/src/index';

const at = fromLocalDateTime;
const national = createVietnamWorkingCalendar();
const period = { fromAt: at('2025-04-14T00:00'), toAt: at('2025-04-19T00:00') };
const xml = readFileSync(fileURLToPath(new URL('../../../procedures/dang-ky-thanh-lap-doanh-nghiep/dang-ky-thanh-lap-doanh-nghiep.bpmn', import.meta.url)), 'utf8');

describe('the per-step shares and the branch probabilities of a measured history', () => {
  it('counts a step as supplemented when it was decided so or when the dossier was paused during it, and as returned when handed back', () => {
    // given four completed reviews: one decided `supplement`, one during which the dossier waited for the citizen, one returned
    const review = (startAt: string, endAt: string, extra: Partial<HistoricStep> = {}): HistoricStep =>
      ({ procedureVersion: 1, elementId: 'task-review', startedAt: at(startAt), completedAt: at(endAt), ...extra });
    const steps = [
      review('2025-04-14T08:00', '2025-04-14T10:00', { outcome: 'supplement' }),
      review('2025-04-14T08:00', '2025-04-15T08:00', { pausedSpans: [{ from: at('2025-04-14T13:00'), to: at('2025-04-14T15:00') }] }),
      // a pause that began before the step opened is not this step's request
      review('2025-04-15T08:00', '2025-04-15T10:00', { pausedSpans: [{ from: at('2025-04-14T13:00'), to: at('2025-04-14T15:00') }] }),
      review('2025-04-16T08:00', '2025-04-16T09:00', { outcome: 'return' }),
    ];
    // when measured
    const [measured] = measureHistory(national, steps, [], period).steps;
    // then half were supplemented and a quarter returned
    expect(measured!.supplementShare).toBe(0.5);
    expect(measured!.returnShare).toBe(0.25);
  });

  it('times each step on its agency\'s calendar when one is given', () => {
    // given an agency open 08:00–12:00 and 13:30–17:30, and a step Monday 07:30 → 12:00
    const hours = [{ start: '08:00', end: '12:00' }, { start: '13:30', end: '17:30' }];
    const own = createVietnamWorkingCalendar([{ id: 'so-x', level: 'agency', name: { vi: 'Sở X', en: 'Department X' }, officeHours: { monday: hours, tuesday: hours, wednesday: hours, thursday: hours, friday: hours } }]);
    const step: HistoricStep = { procedureVersion: 1, elementId: 'task-review', agencyId: 'so-x', startedAt: at('2025-04-14T07:30'), completedAt: at('2025-04-14T12:00') };
    // when measured on the national calendar and on the agency's
    const onNational = measureHistory(national, [step], [], period).steps[0]!;
    const onOwn = measureHistory(national, [step], [], period, { calendarOf: (s) => (s.agencyId === 'so-x' ? own : national) }).steps[0]!;
    // then 4 working hours either way in the morning (07:30–11:30 nationally, 08:00–12:00 at the agency)
    expect(onNational.p50Hours).toBeCloseTo(4, 9);
    expect(onOwn.p50Hours).toBeCloseTo(4, 9);
    // and 13:00 → 14:00 is 1 h nationally but half an hour at the agency, which opens at 13:30
    const afternoon = { ...step, startedAt: at('2025-04-14T13:00'), completedAt: at('2025-04-14T14:00') };
    expect(measureHistory(national, [afternoon], [], period).steps[0]!.p50Hours).toBeCloseTo(1, 9);
    expect(measureHistory(national, [afternoon], [], period, { calendarOf: () => own }).steps[0]!.p50Hours).toBeCloseTo(0.5, 9);
  });

  it('carries the review\'s measured decisions onto the branches of the gateway after it, by the flows\' conditions, the rest on the default flow', async () => {
    // given the business registration procedure and reviews measured 70 % approve, 20 % supplement, 10 % reject
    const { definition } = await parseProcedure(xml);
    // when
    const shares = gatewayBranchShares(definition!, {
      'task-review': { count: 40, outcomeShares: { approve: 0.7, supplement: 0.2, reject: 0.1 } },
      'task-head': { count: 30, outcomeShares: { approve: 0.9, return: 0.1 } },
    });
    // then the review's gateway sends 70 % on (default flow), 20 % to the supplement wait, 10 % to the refusal
    const review = shares.find((gateway) => gateway.gatewayId === 'gateway-review')!;
    expect(review).toMatchObject({ fromElementId: 'task-review', sampleSize: 40, name: 'Kết quả thẩm định?' });
    const byFlow = Object.fromEntries(review.flows.map((flow) => [flow.flowId, flow.share]));
    expect(byFlow['flow-review-approve']).toBeCloseTo(0.7, 12);
    expect(byFlow['flow-review-supplement']).toBeCloseTo(0.2, 12);
    expect(byFlow['flow-review-reject']).toBeCloseTo(0.1, 12);
    // and the head's gateway 90 % on, 10 % back to the review
    const head = shares.find((gateway) => gateway.gatewayId === 'gateway-head')!;
    expect(Object.fromEntries(head.flows.map((flow) => [flow.flowId, flow.share]))).toEqual({ 'flow-head-return': 0.1, 'flow-head-approve': 0.9 });
    // and a gateway after an unmeasured step (the counter's intake) has no shares
    expect(shares.map((gateway) => gateway.gatewayId)).toEqual(['gateway-head', 'gateway-review']);
  });
});
