/**
 * @module poolReplications — the figures of independent replications of one scenario (the same period simulated again
 * with other seeds), pooled: a month of a small procedure is a dozen dossiers, too few for one run to say anything, so
 * a forecast repeats it. The on-time share is the pooled ratio; its 95 % interval comes from the spread of the
 * replications' own shares (the method of independent replications: dossiers of one run share queues, so they are not
 * independent trials), with the Wilson interval of the pooled counts as a floor and when there are fewer than five
 * replications. Lateness is summed by agency; utilisation and waiting are averaged over the runs.
 */
import type { SimulationResult } from './simulation-tally';
import { wilsonInterval, Z_95, type Interval } from './wilson-interval';

/** Below this many replications their spread says little: the Wilson interval of the pooled counts is used. */
const MIN_REPLICATIONS_FOR_SPREAD = 5;

export interface PooledFigures {
  replications: number;
  /** Every run ran to its end (none stopped by a time budget). */
  complete: boolean;
  /** Dossiers received over all replications, and per replication on average. */
  received: number;
  receivedPerRun: number;
  onTime: { count: number; of: number; share: number; ci95: Interval };
  late: number;
  lateByAgency: Record<string, number>;
  mostResponsibleAgencyId?: string;
  units: { key: string; officials?: number; utilisation?: number; meanWaitingHours: number }[];
}

/**
 * Pools replications of one scenario.
 * @example
 * const pooled = poolReplications(await Promise.all(seeds.map((seed) => simulateProcedure({ ...scenario, seed }))));
 */
export function poolReplications(results: readonly SimulationResult[]): PooledFigures {
  const runs = results.length;
  const count = results.reduce((sum, result) => sum + result.onTime.count, 0);
  const of = results.reduce((sum, result) => sum + result.onTime.of, 0);
  const share = of > 0 ? count / of : 0;
  const wilson = wilsonInterval(count, of);
  let ci95 = wilson;
  const shares = results.filter((result) => result.onTime.of > 0).map((result) => result.onTime.share);
  if (shares.length >= MIN_REPLICATIONS_FOR_SPREAD) {
    const mean = shares.reduce((sum, value) => sum + value, 0) / shares.length;
    const variance = shares.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (shares.length - 1);
    const half = Z_95 * Math.sqrt(variance / shares.length);
    ci95 = { low: Math.max(0, Math.min(wilson.low, share - half)), high: Math.min(1, Math.max(wilson.high, share + half)) };
  }
  const lateByAgency: Record<string, number> = {};
  for (const result of results) for (const [agencyId, late] of Object.entries(result.lateness.byAgency)) lateByAgency[agencyId] = (lateByAgency[agencyId] ?? 0) + late;
  const mostResponsible = Object.entries(lateByAgency).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  const units = new Map<string, { officials?: number; utilisation: number[]; waiting: number[] }>();
  for (const result of results) {
    for (const unit of result.units) {
      const sums = units.get(unit.key) ?? { ...(unit.officials === undefined ? {} : { officials: unit.officials }), utilisation: [], waiting: [] };
      if (unit.utilisation !== undefined) sums.utilisation.push(unit.utilisation);
      sums.waiting.push(unit.meanWaitingHours);
      units.set(unit.key, sums);
    }
  }
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const received = results.reduce((sum, result) => sum + result.dossiers.received, 0);
  return {
    replications: runs,
    complete: results.every((result) => result.complete),
    received,
    receivedPerRun: runs > 0 ? received / runs : 0,
    onTime: { count, of, share, ci95 },
    late: results.reduce((sum, result) => sum + result.lateness.late, 0),
    lateByAgency,
    ...(mostResponsible ? { mostResponsibleAgencyId: mostResponsible[0] } : {}),
    units: [...units.entries()].map(([key, sums]) => ({
      key, ...(sums.officials === undefined ? {} : { officials: sums.officials }),
      ...(sums.utilisation.length > 0 ? { utilisation: mean(sums.utilisation) } : {}), meanWaitingHours: mean(sums.waiting),
    })),
  };
}
