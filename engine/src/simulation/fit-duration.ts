/**
 * @module fitDuration — turns measured step durations into the distribution a simulation draws from. With enough
 * samples the measurement speaks for itself (empirical, resampled); with few, a lognormal fitted by maximum likelihood
 * on the logarithms (durations of administrative work are positive and right-skewed); with one sample or none, the
 * step's own budget or that single value. The sample size always travels with the result, so a reader sees how much
 * history stands behind each figure.
 */
import { quantileOfSorted, type DurationDistribution } from './duration-distribution';

export interface FitDurationOptions {
  /** From this many samples on, the empirical distribution is used (default 30). */
  minEmpiricalSamples?: number;
  /** What to assume when there are no samples at all (typed by the analyst, or the step budget). */
  fallback?: DurationDistribution;
}

export interface FittedDuration {
  distribution: DurationDistribution;
  /** How the distribution was chosen. */
  method: 'empirical' | 'lognormal' | 'single' | 'fallback';
  sampleSize: number;
  p50Ms?: number;
  p90Ms?: number;
}

export const MIN_EMPIRICAL_SAMPLES = 30;

/**
 * Fits a duration distribution to measured working durations (ms).
 * @example
 * const { distribution, method, sampleSize } = fitDuration([3_600_000, 7_200_000], { fallback: { kind: 'fixed', ms: 28_800_000 } });
 */
export function fitDuration(samplesMs: readonly number[], options: FitDurationOptions = {}): FittedDuration {
  const sorted = samplesMs.filter((ms) => Number.isFinite(ms) && ms >= 0).sort((a, b) => a - b);
  const sampleSize = sorted.length;
  const percentiles = sampleSize > 0 ? { p50Ms: quantileOfSorted(sorted, 0.5), p90Ms: quantileOfSorted(sorted, 0.9) } : {};
  if (sampleSize >= (options.minEmpiricalSamples ?? MIN_EMPIRICAL_SAMPLES)) {
    return { distribution: { kind: 'empirical', sortedMs: sorted }, method: 'empirical', sampleSize, ...percentiles };
  }
  // A zero duration (completed the instant it was claimed) has no logarithm: count it as one working minute.
  const logs = sorted.map((ms) => Math.log(Math.max(ms, 60_000)));
  if (sampleSize >= 2) {
    const mu = logs.reduce((sum, value) => sum + value, 0) / sampleSize;
    const sigma = Math.sqrt(logs.reduce((sum, value) => sum + (value - mu) ** 2, 0) / sampleSize);
    return { distribution: { kind: 'lognormal', mu, sigma }, method: 'lognormal', sampleSize, ...percentiles };
  }
  if (sampleSize === 1) {
    return { distribution: { kind: 'fixed', ms: sorted[0]! }, method: 'single', sampleSize, ...percentiles };
  }
  return { distribution: options.fallback ?? { kind: 'fixed', ms: 0 }, method: 'fallback', sampleSize, ...percentiles };
}
