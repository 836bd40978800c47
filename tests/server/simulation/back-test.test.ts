/**
 * Back-test of the what-if simulation on the seeded history (tests/support/seed-dossiers.ts: dossiers run through the
 * dossier core's use cases on a simulated clock, durations, supplements and rejections drawn per dossier): measure the
 * steps of the dossiers received in the first two weeks, simulate the next two weeks' receipts (replayed) from those
 * measurements alone, and compare the predicted on-time share with the observed one. Each step's work (claimed →
 * completed) is the service time; no staffing is stated, so each step's measured wait for an official is drawn.
 *
 * The margin is statistical, not tuned: the observed share of n dossiers has a binomial standard error
 * √(p(1−p)/n), the prediction (mean of R seeded replications) its own standard error s/√R; the two are independent,
 * so the difference must lie within 1.96 × √(SE_obs² + SE_sim²) (95 %).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createVietnamWorkingCalendar, measureHistory, simulateProcedure, toScenarioInputs, type ProcedureDefinition,
} from '../../../engine/src/index';
import { loadProcedureHistory } from '../../../server/src/simulation/load-procedure-history';
import { createSeededApp, SEED_START, SEED_STOP } from '../statistics/seeded-app';

const DAY = 86_400_000;
const REPLICATIONS = 20;
const KEY = 'seed-ubnd-xa';
let t: Awaited<ReturnType<typeof createSeededApp>>;

beforeAll(async () => {
  t = await createSeededApp(1200);
}, 600_000);
afterAll(async () => {
  await (t as unknown as { close?: () => Promise<void> })?.close?.();
});

describe('back-test of the simulation on the seeded history', () => {
  it('predicts the on-time share of the dossiers received 17–31 March 2025 from the durations measured on those received 3–17 March, within the 95 % margin', async () => {
    // given the history of one procedure, split in a training and a test fortnight
    const calendar = createVietnamWorkingCalendar();
    const train = { fromAt: SEED_START, toAt: SEED_START + 14 * DAY };
    const test = { fromAt: train.toAt, toAt: train.toAt + 14 * DAY };
    const trained = await loadProcedureHistory(t.stores, { procedureKey: KEY, ...train, observedAt: SEED_STOP });
    const observed = await loadProcedureHistory(t.stores, { procedureKey: KEY, ...test, observedAt: SEED_STOP });
    const version = trained.versions[0]!;
    const definition = (await t.stores.procedures.get(KEY, version))!.definition as ProcedureDefinition;
    const measured = measureHistory(calendar, trained.steps, trained.receivedAts, train, { citizenWaits: trained.citizenWaits });
    const inputs = toScenarioInputs(measured, version);
    expect(measured.steps.map((step) => step.elementId)).toEqual(expect.arrayContaining(['task-receive', 'task-review', 'task-appraise', 'task-return']));
    // the seeded officials claim every step they complete: the wait for an official is measured apart from the work
    for (const step of measured.steps) expect(step).toMatchObject({ unclaimedCount: 0, waiting: { sampleSize: step.count } });
    // when the test fortnight's receipts are replayed through the simulation, R times with different seeds
    const shares: number[] = [];
    for (let seed = 1; seed <= REPLICATIONS; seed += 1) {
      const result = await simulateProcedure({
        definition, calendar, seed, period: test,
        arrivals: { perWorkingDay: 0, at: observed.receivedAts },
        durations: inputs.durations, waits: inputs.waits, outcomes: inputs.outcomes, citizen: inputs.citizen,
      });
      shares.push(result.onTime.share);
    }
    // then
    const predicted = shares.reduce((sum, share) => sum + share, 0) / REPLICATIONS;
    const simVariance = shares.reduce((sum, share) => sum + (share - predicted) ** 2, 0) / (REPLICATIONS - 1) / REPLICATIONS;
    const n = observed.observed.onTime + observed.observed.late;
    const seen = observed.observed.onTime / n;
    const margin = 1.96 * Math.sqrt((seen * (1 - seen)) / n + simVariance);
    console.log(JSON.stringify({
      trainDossiers: trained.receivedAts.length, testDossiers: observed.receivedAts.length, observed: observed.observed,
      observedShare: seen, predictedShare: predicted, margin, difference: predicted - seen,
      steps: measured.steps.map((step) => ({ elementId: step.elementId, n: step.count, p50Hours: step.p50Hours, p90Hours: step.p90Hours, waitingP50Hours: step.waitingP50Hours, waitingP90Hours: step.waitingP90Hours, unclaimed: step.unclaimedCount, method: step.fitted.method, outcomes: step.outcomeShares })),
      citizenReply: { n: measured.citizenReply.sampleSize, method: measured.citizenReply.method },
    }));
    expect(n).toBeGreaterThan(60);
    expect(observed.observed.unknown).toBeLessThan(0.1 * observed.receivedAts.length);
    expect(Math.abs(predicted - seen)).toBeLessThanOrEqual(margin);
  }, 300_000);
});
