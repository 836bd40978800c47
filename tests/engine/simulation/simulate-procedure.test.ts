/**
 * The simulation on hand-computed cases: first-come-first-served queueing at one official on the Vietnamese working
 * calendar (lunch break, end of day, Tết), the statutory deadline and the delay attribution of the statistics, and
 * inter-agency group 1 driven by the real token stepper (parallel branches, call activities, the verification branch
 * that extends the deadline to 5 working days, the bounded supplement window).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createVietnamWorkingCalendar, fromLocalDateTime, parseProcedure, simulateProcedure, type ProcedureDefinition, type SimulationScenario,
} from '../../../engine/src/index';
import { loadDefinition } from '../../procedures/support/library';

const H = 3_600_000;
const calendar = createVietnamWorkingCalendar();
const at = fromLocalDateTime;

async function oneStep(): Promise<ProcedureDefinition> {
  const xml = readFileSync(new URL('../../fixtures/simulation/one-step-one-unit.bpmn', import.meta.url), 'utf8');
  const { definition } = await parseProcedure(xml);
  return definition!;
}

describe('simulating a procedure', () => {
  it('queues three dossiers received together at one official first come first served, across the lunch break and the night, and finds the third late', async () => {
    // given one official, three dossiers received Monday 9/3/2026 08:00, each taking exactly 3 working hours
    const scenario: SimulationScenario = {
      definition: await oneStep(), calendar,
      period: { fromAt: at('2026-03-09T07:30'), toAt: at('2026-03-09T12:00') },
      arrivals: { perWorkingDay: 0, at: [at('2026-03-09T08:00'), at('2026-03-09T08:00'), at('2026-03-09T08:00')] },
      staffing: { 'don-vi-a': 1 },
      durations: { 'task-work': { kind: 'fixed', ms: 3 * H } },
    };
    // when
    const result = await simulateProcedure(scenario);
    // then: 08:00–11:00; 11:00–11:30 + 13:00–15:30; 15:30–17:00 + Tue 07:30–09:00, due Tue 08:00 (1 working day)
    expect(result.dossiers).toEqual({ received: 3, finished: 3, unfinished: 0 });
    expect(result.onTime).toMatchObject({ count: 2, of: 3 });
    expect(result.onTime.share).toBeCloseTo(2 / 3, 12);
    expect(result.workingDays.mean).toBeCloseTo((3 + 6 + 9) / 3 / 8, 12);
    expect(result.workingDays.max).toBeCloseTo(9 / 8, 12);
    const [step] = result.steps;
    expect(step).toMatchObject({ elementId: 'task-work', agencyId: 'don-vi-a', count: 3, lateShare: 1 });
    expect(step!.meanWaitingHours).toBeCloseTo((0 + 3 + 6) / 3, 12);
    expect(step!.meanWorkingHours).toBeCloseTo(3, 12);
    // the late dossier overran the step's budget by one working hour: the unit is responsible
    expect(result.lateness).toEqual({ late: 1, byAgency: { 'don-vi-a': 1 }, mostResponsibleAgencyId: 'don-vi-a' });
    // 9 busy hours out of Mon 07:30 → Tue 09:00 = 9.5 working hours
    expect(result.units).toEqual([{ key: 'don-vi-a', officials: 1, busyHours: 9, utilisation: 9 / 9.5, meanWaitingHours: 3 }]);
  });

  it('with a second official nobody waits and every dossier is on time', async () => {
    const result = await simulateProcedure({
      definition: await oneStep(), calendar,
      period: { fromAt: at('2026-03-09T07:30'), toAt: at('2026-03-09T12:00') },
      arrivals: { perWorkingDay: 0, at: [at('2026-03-09T08:00'), at('2026-03-09T08:00')] },
      staffing: { 'don-vi-a': 2 },
      durations: { 'task-work': { kind: 'fixed', ms: 3 * H } },
    });
    expect(result.onTime).toMatchObject({ count: 2, of: 2, share: 1 });
    expect(result.steps[0]!.meanWaitingHours).toBe(0);
    expect(result.lateness).toEqual({ late: 0, byAgency: {} });
  });

  it('draws the measured wait for an official where the unit\'s staffing is not stated, and lets the queue make the wait where it is, never both', async () => {
    // given two dossiers received Monday 9/3/2026 08:00, worked 3 hours each, with a measured wait of 2 working hours
    const base: SimulationScenario = {
      definition: await oneStep(), calendar,
      period: { fromAt: at('2026-03-09T07:30'), toAt: at('2026-03-09T12:00') },
      arrivals: { perWorkingDay: 0, at: [at('2026-03-09T08:00'), at('2026-03-09T08:00')] },
      durations: { 'task-work': { kind: 'fixed', ms: 3 * H } },
      waits: { 'task-work': { kind: 'fixed', ms: 2 * H } },
    };
    // when the unit's officials are not stated, and when one official is
    const unstaffed = await simulateProcedure(base);
    const staffed = await simulateProcedure({ ...base, staffing: { 'don-vi-a': 1 } });
    // then unstaffed: each waits the measured 2 h (08:00–10:00), then works 10:00–11:30 + 13:00–14:30
    expect(unstaffed.steps[0]!.meanWaitingHours).toBeCloseTo(2, 12);
    expect(unstaffed.steps[0]!.meanWorkingHours).toBeCloseTo(3, 12);
    expect(unstaffed.workingDays.mean).toBeCloseTo(5 / 8, 12);
    // staffed: the queue alone makes the wait, 0 h for the first and 3 h for the second
    expect(staffed.steps[0]!.meanWaitingHours).toBeCloseTo(1.5, 12);
    expect(staffed.workingDays.mean).toBeCloseTo((3 + 6) / 2 / 8, 12);
  });

  it('counts working days on the real calendar: a dossier received the last morning before Tết 2026 and worked 8 hours took 1 working day, finished after the holiday', async () => {
    const result = await simulateProcedure({
      definition: await oneStep(), calendar,
      period: { fromAt: at('2026-02-13T00:00'), toAt: at('2026-02-14T00:00') },
      arrivals: { perWorkingDay: 0, at: [at('2026-02-13T08:00')] },
      durations: { 'task-work': { kind: 'fixed', ms: 8 * H } },
    });
    // Friday 13/2 08:00 → 17:00 is 7 working hours; Tết closes the offices until Monday 23/2; the 8th hour ends 08:30 there
    expect(result.workingDays.max).toBeCloseTo(1, 12);
    expect(result.onTime).toMatchObject({ count: 1, of: 1 });
    expect(result.units[0]).toMatchObject({ key: 'don-vi-a', busyHours: 8 });
    expect(result.units[0]!.officials).toBeUndefined();
  });

  it('runs inter-agency group 1 through the real token stepper: with every step taking its budget and no queue, every dossier is on time, the Police and Social Insurance in parallel', async () => {
    const definition = await loadDefinition('lien-thong-khai-sinh');
    const result = await simulateProcedure({
      definition, calendar, seed: 3,
      period: { fromAt: at('2026-03-02T00:00'), toAt: at('2026-03-14T00:00') },
      arrivals: { perWorkingDay: 20 },
      outcomes: { 'task-review-residence': [{ variables: { needsVerification: true }, probability: 0.3 }] },
    });
    expect(result.dossiers.received).toBeGreaterThan(100);
    expect(result.dossiers.unfinished).toBe(0);
    expect(result.onTime.share).toBe(1);
    const visited = Object.fromEntries(result.steps.map((step) => [step.elementId, step.count]));
    expect(visited['task-issue-health-card']).toBe(result.dossiers.received);
    expect(visited['task-review-residence']).toBe(result.dossiers.received);
    // the verification branch is taken about 30 % of the time (4 standard deviations), and its dossiers get 5 days
    const share = visited['task-verify-residence']! / result.dossiers.received;
    expect(Math.abs(share - 0.3)).toBeLessThan(4 * Math.sqrt((0.3 * 0.7) / result.dossiers.received));
    expect(result.workingDays.max).toBeGreaterThan(3);
    expect(result.statutory).toEqual({ value: 3, unit: 'workingDays' });
  });

  it('makes group 1 late at the Police when the residence review takes three days, and names the Police responsible', async () => {
    const definition = await loadDefinition('lien-thong-khai-sinh');
    const result = await simulateProcedure({
      definition, calendar, seed: 5,
      period: { fromAt: at('2026-03-02T00:00'), toAt: at('2026-03-07T00:00') },
      arrivals: { perWorkingDay: 10 },
      durations: { 'task-review-residence': { kind: 'fixed', ms: 3 * 8 * H } },
    });
    expect(result.onTime.count).toBe(0);
    expect(result.lateness.mostResponsibleAgencyId).toBe('cong-an-xa-demo');
    expect(result.steps.find((step) => step.elementId === 'task-review-residence')!.lateShare).toBe(1);
    expect(result.steps.find((step) => step.elementId === 'task-issue-health-card')!.lateShare).toBe(0);
  });

  it('a scenario that gives the residence review 4 working days instead of 1 clears the Police of the lateness without changing any step\'s work or the on-time share', async () => {
    // given group 1 (3 working days) where the residence review takes 3 working days: every dossier is late, the Police's
    // review overran its 1-day budget in each, so the Police are responsible (the case above)
    const definition = await loadDefinition('lien-thong-khai-sinh');
    const base: SimulationScenario = {
      definition, calendar, seed: 5,
      period: { fromAt: at('2026-03-02T00:00'), toAt: at('2026-03-07T00:00') },
      arrivals: { perWorkingDay: 10 },
      durations: { 'task-review-residence': { kind: 'fixed', ms: 3 * 8 * H } },
    };
    // when scenario B raises the review's budget to 4 working days (and the health card's, a step with no duration, to 3)
    const a = await simulateProcedure(base);
    const b = await simulateProcedure({ ...base, overrides: { stepBudgets: { 'task-review-residence': { value: 4, unit: 'workingDays' }, 'task-issue-health-card': { value: 3, unit: 'workingDays' } } } });
    // then the review no longer overruns: no step did, so each late dossier falls to the lead agency (the commune)
    const review = (result: typeof a) => result.steps.find((step) => step.elementId === 'task-review-residence')!;
    expect(review(a).lateShare).toBe(1);
    expect(review(b).lateShare).toBe(0);
    expect(a.lateness.mostResponsibleAgencyId).toBe('cong-an-xa-demo');
    expect(b.lateness).toEqual({ late: a.lateness.late, byAgency: { 'ubnd-xa-demo': a.lateness.late }, mostResponsibleAgencyId: 'ubnd-xa-demo' });
    // and the work is the same: the same dossiers late, every step as long (the health card still takes its own 1 day)
    expect(b.onTime).toEqual(a.onTime);
    expect(b.workingDays).toEqual(a.workingDays);
    expect(b.steps.map((step) => [step.elementId, step.count, step.meanWorkingHours])).toEqual(a.steps.map((step) => [step.elementId, step.count, step.meanWorkingHours]));
  });

  it('ends the dossiers whose parents never supplement when the 7-working-day window closes, and pauses the clock for those who do', async () => {
    const definition = await loadDefinition('lien-thong-khai-sinh');
    const base: SimulationScenario = {
      definition, calendar, seed: 11,
      period: { fromAt: at('2026-03-02T00:00'), toAt: at('2026-03-07T00:00') },
      arrivals: { perWorkingDay: 10 },
      outcomes: { 'task-register-birth': [{ variables: { decision: 'supplement' }, probability: 0.5 }] },
    };
    // the parents answer after 5 working days: the wait is paused, so no dossier counts those 5 days; only the
    // few asked again and again (each new check takes an hour) run past 3 working days
    const answered = await simulateProcedure({ ...base, citizen: { reply: { kind: 'fixed', ms: 5 * 8 * H } } });
    expect(answered.dossiers.unfinished).toBe(0);
    const checks = answered.steps.find((step) => step.elementId === 'task-register-birth')!.count;
    expect(checks).toBeGreaterThan(1.5 * answered.dossiers.received);
    expect(answered.workingDays.max).toBeLessThan(4);
    expect(answered.onTime.share).toBeGreaterThan(0.9);
    // nobody answers: the window closes and those dossiers end refused, still counted, on time
    const silent = await simulateProcedure({ ...base, citizen: { noReplyProbability: 1 } });
    expect(silent.dossiers.unfinished).toBe(0);
    expect(silent.steps.find((step) => step.elementId === 'task-return')!.count).toBeLessThan(silent.dossiers.received);
  });

  it('is reproducible: the same seed gives the same figures, and reusing identical engine transitions changes nothing', async () => {
    const definition = await loadDefinition('lien-thong-khai-sinh');
    const scenario: SimulationScenario = {
      definition, calendar, seed: 42,
      period: { fromAt: at('2026-03-02T00:00'), toAt: at('2026-03-21T00:00') },
      arrivals: { perWorkingDay: 30 },
      staffing: { 'cong-an-xa-demo': 1, 'bhxh-tinh': 1, 'ubnd-xa-demo': 1 },
      durations: { 'task-review-residence': { kind: 'exponential', meanMs: 0.2 * H }, 'task-register-birth': { kind: 'lognormal', mu: Math.log(0.2 * H), sigma: 0.5 } },
      outcomes: { 'task-register-birth': [{ variables: { decision: 'supplement' }, probability: 0.1 }] },
      citizen: { reply: { kind: 'exponential', meanMs: 8 * H } },
    };
    const first = await simulateProcedure(scenario);
    const again = await simulateProcedure(scenario);
    const fresh = await simulateProcedure({ ...scenario, reuseTransitions: false });
    const other = await simulateProcedure({ ...scenario, seed: 43 });
    expect(again).toEqual(first);
    expect({ ...fresh, transitions: undefined }).toEqual({ ...first, transitions: undefined });
    expect(first.transitions.reused).toBeGreaterThan(first.transitions.computed);
    expect(fresh.transitions.reused).toBe(0);
    expect(other.dossiers.received === first.dossiers.received && other.workingDays.mean === first.workingDays.mean).toBe(false);
  });

  it('applies a scenario\'s overrides over its baseline: one more official at the Police shortens the wait there', async () => {
    const definition = await loadDefinition('lien-thong-khai-sinh');
    const baseline: SimulationScenario = {
      definition, calendar, seed: 8,
      period: { fromAt: at('2026-03-02T00:00'), toAt: at('2026-03-28T00:00') },
      arrivals: { perWorkingDay: 12 },
      staffing: { 'cong-an-xa-demo': 1 },
      durations: { 'task-review-residence': { kind: 'exponential', meanMs: 0.5 * H }, 'task-approve-residence': { kind: 'exponential', meanMs: 0.1 * H } },
    };
    const more = await simulateProcedure({ ...baseline, overrides: { staffing: { 'cong-an-xa-demo': 2 } } });
    const base = await simulateProcedure(baseline);
    const police = (result: typeof base) => result.units.find((unit) => unit.key === 'cong-an-xa-demo')!;
    expect(police(more).officials).toBe(2);
    expect(police(more).meanWaitingHours).toBeLessThan(police(base).meanWaitingHours);
    expect(police(more).utilisation!).toBeLessThan(police(base).utilisation!);
  });
});
