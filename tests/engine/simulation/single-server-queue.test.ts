/**
 * The simulation's queueing against queueing theory: one official, dossiers arriving as a Poisson process in working
 * time and exponential working durations form an M/M/1 queue in working time, whatever the calendar's nights and
 * holidays (the official works exactly when the counter is open). Mean wait in queue Wq = ρ/(μ−λ), utilisation ρ = λ/μ.
 * The tolerance is statistical: independent replications (different seeds) give a Student t interval at 99.9 %, so
 * a correct simulation fails the check with probability 0.1 % (and, being seeded, never flakes).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createVietnamWorkingCalendar, fromLocalDateTime, parseProcedure, simulateProcedure } from '../../../engine/src/index';

const H = 3_600_000;
const REPLICATIONS = 20;
/** Student t, 19 degrees of freedom, two-sided 99.9 %. */
const T_19_999 = 3.883;

function meanAndHalfWidth(values: number[]): { mean: number; halfWidth: number } {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1);
  return { mean, halfWidth: T_19_999 * Math.sqrt(variance / values.length) };
}

describe('one official as an M/M/1 queue in working time', () => {
  it('waits ρ/(μ−λ) on average and is busy a share ρ of the working time (λ = 0.5, μ = 1 per working hour: 1 hour, 50 %)', async () => {
    // given
    const { definition } = await parseProcedure(readFileSync(new URL('../../fixtures/simulation/one-step-one-unit.bpmn', import.meta.url), 'utf8'));
    const calendar = createVietnamWorkingCalendar();
    const lambdaPerHour = 0.5;
    const mu = 1;
    // when: 20 replications of two years (about 2,000 dossiers each), Tết and every public holiday included
    const waits: number[] = [];
    const utilisations: number[] = [];
    const stays: number[] = [];
    for (let seed = 1; seed <= REPLICATIONS; seed += 1) {
      const result = await simulateProcedure({
        definition: definition!, calendar, seed,
        period: { fromAt: fromLocalDateTime('2026-01-01T00:00'), toAt: fromLocalDateTime('2028-01-01T00:00') },
        arrivals: { perWorkingDay: lambdaPerHour * 8 },
        staffing: { 'don-vi-a': 1 },
        durations: { 'task-work': { kind: 'exponential', meanMs: H / mu } },
      });
      const [step] = result.steps;
      waits.push(step!.meanWaitingHours);
      stays.push(step!.meanWaitingHours + step!.meanWorkingHours);
      utilisations.push(result.units[0]!.utilisation!);
    }
    // then
    const rho = lambdaPerHour / mu;
    const wait = meanAndHalfWidth(waits);
    expect(Math.abs(wait.mean - rho / (mu - lambdaPerHour))).toBeLessThan(wait.halfWidth);
    const stay = meanAndHalfWidth(stays);
    expect(Math.abs(stay.mean - 1 / (mu - lambdaPerHour))).toBeLessThan(stay.halfWidth);
    const busy = meanAndHalfWidth(utilisations);
    expect(Math.abs(busy.mean - rho)).toBeLessThan(busy.halfWidth);
    // and the interval is narrow enough to mean something: within ±20 % of the theoretical wait
    expect(wait.halfWidth).toBeLessThan(0.2 * (rho / (mu - lambdaPerHour)));
  });
});
