/**
 * @module createRandomSource — the seeded random numbers of a simulation: the same seed draws the same dossiers, so
 * a scenario is reproducible and two scenarios can be compared on common random numbers. The generator is
 * pure-rand's xoroshiro128+; the variates are the textbook transforms (inverse CDF, Box–Muller).
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export interface RandomSource {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Exponential with the given mean (inverse CDF). */
  exponential(mean: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** An index drawn with the given weights (need not sum to 1). */
  pick(weights: readonly number[]): number;
}

/**
 * A random source from a 32-bit seed.
 * @example
 * const random = createRandomSource(42);
 * const waitMs = random.exponential(3_600_000);
 */
export function createRandomSource(seed: number): RandomSource {
  const generator = xoroshiro128plus(seed | 0);
  const uniform = (): number => uniformFloat64(generator);
  return {
    uniform,
    exponential: (mean) => -mean * Math.log(1 - uniform()),
    normal: () => {
      const u = 1 - uniform();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
    },
    pick: (weights) => {
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      let target = uniform() * total;
      for (let index = 0; index < weights.length; index += 1) {
        target -= weights[index]!;
        if (target < 0) return index;
      }
      return weights.length - 1;
    },
  };
}
