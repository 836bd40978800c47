/**
 * @module index-entries.test: the blocked sorted index keeps every key in BSON/index order through inserts and
 * removals that split and empty blocks, and a bounds walk (forward, reverse) equals filtering a plain sorted list.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bsonTypeRank, compareBsonValues } from '../../mongo-emulator/src/bson-order';
import { IndexEntries, type KeyBounds } from '../../mongo-emulator/src/index-entries';

const value: fc.Arbitrary<unknown> = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constantFrom('p', 'q'), fc.constant(null), fc.integer({ min: 0, max: 2 }).map((n) => new Date(n * 1000)));
const DIRECTIONS = [1, -1];

/** What the bounds mean, written plainly: equal prefix, then the next value within the range of its BSON type. */
function within(key: unknown[], bounds: KeyBounds): boolean {
  if (!bounds.prefix.every((v, i) => compareBsonValues(key[i], v) === 0)) return false;
  const { range } = bounds;
  if (!range) return true;
  const v = key[bounds.prefix.length];
  const bound = (range.lower ?? range.upper)!.value;
  if (!range.lower || !range.upper) {
    if (bsonTypeRank(v) !== bsonTypeRank(bound)) return false;
  }
  if (range.lower) {
    const order = compareBsonValues(v, range.lower.value);
    if (order < 0 || (order === 0 && !range.lower.inclusive)) return false;
  }
  if (range.upper) {
    const order = compareBsonValues(v, range.upper.value);
    if (order > 0 || (order === 0 && !range.upper.inclusive)) return false;
  }
  return true;
}

function byIndexOrder(a: unknown[], b: unknown[]): number {
  const directions = [...DIRECTIONS, 1];
  for (let i = 0; i < a.length; i += 1) {
    const order = compareBsonValues(a[i], b[i]);
    if (order !== 0) return order * directions[i]!;
  }
  return 0;
}

const noPrefix = fc.constant<unknown[]>([]);
const onePrefix: fc.Arbitrary<unknown[]> = fc.tuple(value);
const bounds: fc.Arbitrary<KeyBounds> = fc.oneof(
  fc.record({ prefix: noPrefix }),
  fc.record({ prefix: onePrefix }),
  fc.record({ prefix: noPrefix, range: fc.record({ lower: fc.record({ value, inclusive: fc.boolean() }) }) }),
  fc.record({ prefix: onePrefix, range: fc.record({ upper: fc.record({ value, inclusive: fc.boolean() }) }) }),
  fc.record({ prefix: onePrefix, range: fc.record({ lower: fc.record({ value, inclusive: fc.boolean() }), upper: fc.record({ value, inclusive: fc.boolean() }) }) }),
);

describe('IndexEntries', () => {
  it('walks exactly the keys within bounds, in index order and reversed, across split and emptied blocks', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value), { minLength: 1, maxLength: 400 }), fc.array(fc.nat(), { maxLength: 300 }), fc.array(bounds, { minLength: 1, maxLength: 8 }), (tuples, removals, queries) => {
        // given keys added in random order to blocks of at most 8, then some removed
        const entries = new IndexEntries(DIRECTIONS, 8);
        const live = new Map(tuples.map((tuple, i) => [i, tuple]));
        for (const [i, tuple] of live) entries.add(`id-${i}`, i, [tuple]);
        for (const r of removals) {
          const i = r % tuples.length;
          const tuple = live.get(i);
          if (!tuple) continue;
          entries.remove(i, [tuple]);
          live.delete(i);
        }
        for (const query of queries) {
          // when
          const walked = [...entries.walk(query)];
          const reversed = [...entries.walk(query, true)];
          // then
          const expected = [...live].map(([i, tuple]) => ({ id: `id-${i}`, key: [...tuple, i] })).filter(({ key }) => within(key, query)).sort((a, b) => byIndexOrder(a.key, b.key)).map(({ id }) => id);
          expect(walked).toEqual(expected);
          expect(reversed).toEqual([...expected].reverse());
          expect(entries.estimate(query)).toBe(expected.length);
          expect(entries.size).toBe(live.size);
        }
      }),
      { seed: 20_261_124, numRuns: 200 },
    );
  });
});
