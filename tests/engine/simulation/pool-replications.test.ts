/**
 * Pooling independent replications of one scenario, on hand-computed cases: the pooled on-time ratio, its interval from
 * the spread of the runs' shares (never narrower than the Wilson interval of the pooled counts), lateness summed by
 * agency, utilisation and waiting averaged.
 */
import { describe, expect, it } from 'vitest';
import { poolReplications, wilsonInterval, Z_95, type SimulationResult } from '../../../engine/src/index';

/** A run's figures that pooling reads; the rest is as empty as the tally leaves it. */
function run(onTime: number, of: number, byAgency: Record<string, number>, utilisation: number, waiting: number): SimulationResult {
  return {
    seed: 1, complete: true, dossiers: { received: of, finished: of, unfinished: 0 },
    onTime: { count: onTime, of, share: onTime / of, ci95: wilsonInterval(onTime, of) },
    workingDays: { mean: 0, p50: 0, p90: 0, p95: 0, max: 0, histogram: [] }, steps: [],
    lateness: { late: of - onTime, byAgency }, transitions: { computed: 0, reused: 0 },
    units: [{ key: 'so-tai-chinh', officials: 1, busyHours: 0, utilisation, meanWaitingHours: waiting }, { key: 'ttpvhcc', busyHours: 0, meanWaitingHours: 0 }],
  };
}

describe('pooling replications of a scenario', () => {
  it('pools the on-time ratio and takes the interval from the spread of five runs', () => {
    // given five runs of 10 dossiers: 8, 6, 9, 7, 5 on time
    const runs = [8, 6, 9, 7, 5].map((onTime, index) => run(onTime, 10, { 'so-tai-chinh': 10 - onTime }, 0.5 + index * 0.1, index));
    // when
    const pooled = poolReplications(runs);
    // then 35 of 50 on time; the shares' sd is √0.025 = 0.1581, so the half-width is 1.96 × 0.1581 / √5 = 0.1386
    expect(pooled.onTime).toMatchObject({ count: 35, of: 50 });
    expect(pooled.onTime.share).toBeCloseTo(0.7, 12);
    const half = Z_95 * Math.sqrt(0.025 / 5);
    const wilson = wilsonInterval(35, 50);
    expect(pooled.onTime.ci95.low).toBeCloseTo(Math.min(wilson.low, 0.7 - half), 12);
    expect(pooled.onTime.ci95.high).toBeCloseTo(Math.max(wilson.high, 0.7 + half), 12);
    expect(half).toBeGreaterThan(0.7 - wilson.low);
    // and 15 late dossiers all at the Department of Finance, busy 70 % on average, waiting 2 h on average
    expect(pooled).toMatchObject({ replications: 5, received: 50, receivedPerRun: 10, late: 15, lateByAgency: { 'so-tai-chinh': 15 }, mostResponsibleAgencyId: 'so-tai-chinh', complete: true });
    expect(pooled.units[0]!.utilisation).toBeCloseTo(0.7, 12);
    expect(pooled.units[0]!.meanWaitingHours).toBeCloseTo(2, 12);
    // and a unit without stated staffing has no utilisation
    expect(pooled.units[1]).toEqual({ key: 'ttpvhcc', meanWaitingHours: 0 });
  });

  it('falls back to the Wilson interval of the pooled counts with fewer than five runs', () => {
    const pooled = poolReplications([run(3, 4, {}, 0.2, 0), run(4, 4, {}, 0.4, 0)]);
    expect(pooled.onTime.ci95).toEqual(wilsonInterval(7, 8));
    expect(pooled.mostResponsibleAgencyId).toBeUndefined();
  });
});
