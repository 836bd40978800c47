/**
 * The server's what-if (server/src/simulation/run-what-if.ts) on the seeded history: durations measured from the
 * stores, the engine's simulation with a scenario's changes, runs that yield to the event loop in chunks and stop at
 * their time budget, and requests refused when they would run too long.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVietnamWorkingCalendar } from '../../../engine/src/index';
import { checkWhatIfRequest, runWhatIf, WHAT_IF_LIMITS, type WhatIfAnswer, type WhatIfDeps, type WhatIfRequest } from '../../../server/src/simulation/run-what-if';
import { createSeededApp, SEED_START } from '../statistics/seeded-app';

const DAY = 86_400_000;
let t: Awaited<ReturnType<typeof createSeededApp>>;
let yields = 0;

const deps = (elapsedMs: () => number = () => 0): WhatIfDeps => ({
  stores: t.stores,
  calendar: async () => createVietnamWorkingCalendar(),
  elapsedMs,
  yieldToEventLoop: () => new Promise((resolve) => setImmediate(() => {
    yields += 1;
    resolve();
  })),
});
const history = { fromAt: SEED_START, toAt: SEED_START + 35 * DAY };
const request: WhatIfRequest = {
  procedureKey: 'seed-xay-dung', history, period: { fromAt: SEED_START + 35 * DAY, toAt: SEED_START + 126 * DAY },
  staffing: { 'so-xay-dung': 12 }, seed: 4,
};

beforeAll(async () => {
  t = await createSeededApp(600);
}, 600_000);
afterAll(async () => {
  await (t as unknown as { close?: () => Promise<void> })?.close?.();
});

describe('a what-if on a deployed procedure', () => {
  it('measures the history before the period and answers the on-time share; when arrivals triple, fewer dossiers are on time and the appraisal unit is busier', async () => {
    yields = 0;
    const baseline = (await runWhatIf(deps(), request)) as WhatIfAnswer;
    const tripled = (await runWhatIf(deps(), { ...request, arrivalFactor: 3 })) as WhatIfAnswer;
    expect(baseline.version).toBe(1);
    expect(baseline.measurement.steps.find((step) => step.elementId === 'task-appraise')!.count).toBeGreaterThan(30);
    expect(baseline.result.complete).toBe(true);
    expect(baseline.result.dossiers.received).toBeGreaterThan(50);
    expect(tripled.expectedDossiers).toBeCloseTo(3 * baseline.expectedDossiers, 6);
    expect(tripled.result.onTime.share).toBeLessThan(baseline.result.onTime.share);
    const appraisal = (answer: WhatIfAnswer) => answer.result.units.find((unit) => unit.key === 'so-xay-dung')!.utilisation!;
    expect(appraisal(tripled)).toBeGreaterThan(appraisal(baseline));
    // the runs gave the event loop a turn between chunks of events
    expect(yields).toBeGreaterThan(0);
    expect(baseline.result.onTime.share).toBeGreaterThan(0.3);
  }, 120_000);

  it('stops at its time budget and says the figures are incomplete', async () => {
    let elapsed = 0;
    const answer = (await runWhatIf(deps(() => (elapsed += 1_000)), { ...request, arrivalFactor: 3, timeBudgetMs: 1_500 })) as WhatIfAnswer;
    expect(answer.result.complete).toBe(false);
  }, 120_000);

  it('refuses a scenario that would simulate more dossiers than the limit, a period over a year and a budget over 10 s, and names an unknown procedure', async () => {
    const answer = await runWhatIf(deps(), { ...request, arrivalsPerWorkingDay: 1_000 });
    expect(answer).toEqual({ issues: [expect.stringContaining(`at most ${WHAT_IF_LIMITS.maxDossiers}`)] });
    expect(checkWhatIfRequest({ ...request, period: { fromAt: 0, toAt: 400 * DAY }, timeBudgetMs: 60_000 })).toHaveLength(2);
    expect(await runWhatIf(deps(), { ...request, procedureKey: 'khong-co' })).toBeUndefined();
  });
});
