/**
 * @module DurationDistribution — how long an official works on a step (claimed → completed, pauses excluded), in
 * working milliseconds of the step's calendar. Empirical distributions resample what was measured; the parametric
 * ones are the fallback when a step has few samples, or what an analyst types where no history exists.
 */
import type { RandomSource } from './random-source';

export type DurationDistribution =
  | { kind: 'fixed'; ms: number }
  | { kind: 'exponential'; meanMs: number }
  /** ln(duration in ms) ~ Normal(mu, sigma). */
  | { kind: 'lognormal'; mu: number; sigma: number }
  /** The measured durations, sorted; drawn by inverse CDF with linear interpolation between order statistics. */
  | { kind: 'empirical'; sortedMs: number[] };

/** Draws one duration (≥ 0 working ms). */
export function sampleDuration(distribution: DurationDistribution, random: RandomSource): number {
  switch (distribution.kind) {
    case 'fixed':
      return distribution.ms;
    case 'exponential':
      return random.exponential(distribution.meanMs);
    case 'lognormal':
      return Math.exp(distribution.mu + distribution.sigma * random.normal());
    case 'empirical':
      return quantileOfSorted(distribution.sortedMs, random.uniform());
  }
}

/** The mean of a distribution (working ms): the M/M/1 checks and the scenario summaries use it. */
export function meanDuration(distribution: DurationDistribution): number {
  switch (distribution.kind) {
    case 'fixed':
      return distribution.ms;
    case 'exponential':
      return distribution.meanMs;
    case 'lognormal':
      return Math.exp(distribution.mu + (distribution.sigma * distribution.sigma) / 2);
    case 'empirical':
      return distribution.sortedMs.reduce((sum, ms) => sum + ms, 0) / Math.max(1, distribution.sortedMs.length);
  }
}

/** The q-quantile (0 ≤ q ≤ 1) of sorted values, interpolated linearly (Hyndman–Fan type 7, as R and numpy). */
export function quantileOfSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const position = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}
