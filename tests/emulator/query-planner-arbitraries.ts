/**
 * @module queryPlannerArbitraries: fast-check generators of documents, filters, sorts and command steps for the
 * planner's property test. Values mix BSON types (numbers, strings, null, missing, dates, booleans) so index
 * order and type bracketing are exercised; only field `d` may hold arrays (a multikey index).
 */
import type { Document } from 'bson';
import fc from 'fast-check';

export const FIELDS = ['a', 'b', 'c', 'd'] as const;

/** Indexes of the indexed collection: compound with mixed directions, single-field, and one that may turn multikey. */
export const INDEXES: Document[] = [
  { key: { a: 1, b: 1 }, name: 'a_1_b_1' },
  { key: { b: 1, c: -1, a: 1 }, name: 'b_1_c_-1_a_1' },
  { key: { c: 1 }, name: 'c_1' },
  { key: { a: -1, d: 1 }, name: 'a_-1_d_1' },
];

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 3 }) },
  { weight: 3, arbitrary: fc.constantFrom('x', 'y') },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 2 }).map((n) => new Date(Date.UTC(2026, 0, 1 + n))) },
  { weight: 1, arbitrary: fc.boolean() },
);

function valueFor(field: string): fc.Arbitrary<unknown> {
  if (field !== 'd') return scalar;
  return fc.oneof({ weight: 8, arbitrary: scalar }, { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) });
}

export const ids = fc.integer({ min: 0, max: 80 });

/** A document body without `_id`; any field may be missing. */
export const body: fc.Arbitrary<Document> = fc.record(
  { a: valueFor('a'), b: valueFor('b'), c: valueFor('c'), d: valueFor('d') },
  { requiredKeys: [] },
);

const condition: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: scalar.map((v) => ({ $eq: v })) },
  { weight: 2, arbitrary: fc.array(scalar, { minLength: 1, maxLength: 3 }).map((vs) => ({ $in: vs })) },
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom('$lt', '$lte', '$gt', '$gte'), scalar).map(([op, v]) => ({ [op]: v })) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('$gt', '$gte'), scalar, fc.constantFrom('$lt', '$lte'), scalar).map(([lo, l, hi, h]) => ({ [lo]: l, [hi]: h })) },
  { weight: 1, arbitrary: scalar.map((v) => ({ $ne: v })) },
  { weight: 1, arbitrary: fc.boolean().map((e) => ({ $exists: e })) },
);

const range: fc.Arbitrary<unknown> = fc.oneof(
  fc.tuple(fc.constantFrom('$lt', '$lte', '$gt', '$gte'), scalar).map(([op, v]) => ({ [op]: v })),
  fc.tuple(fc.constantFrom('$gt', '$gte'), scalar, fc.constantFrom('$lt', '$lte'), scalar).map(([lo, l, hi, h]) => ({ [lo]: l, [hi]: h })),
);

/** The planner's target shapes: equality on a prefix of an index, then a range on the next key. */
const prefixAndRange: fc.Arbitrary<Document> = fc.oneof(
  fc.record({ a: scalar, b: range }),
  fc.record({ b: scalar, c: range }),
  fc.record({ b: scalar, c: scalar, a: range }),
  fc.record({ a: range }),
  fc.record({ c: range }),
  fc.record({ a: scalar, d: range }),
  fc.record({ a: fc.array(scalar, { minLength: 1, maxLength: 2 }).map((vs) => ({ $in: vs })), b: range }),
);

/** Random conditions on some fields, sometimes with the sweeper's lease-style $or and a top-level $and. */
const anyFilter: fc.Arbitrary<Document> = fc
  .tuple(
    fc.record({ a: condition, b: condition, c: condition, d: condition }, { requiredKeys: [] }),
    fc.option(scalar, { nil: undefined }),
    fc.option(fc.record({ a: condition, c: condition }, { requiredKeys: [] }), { nil: undefined }),
  )
  .map(([fields, lease, and]) => ({
    ...fields,
    ...(lease !== undefined ? { $or: [{ d: { $exists: false } }, { d: { $lte: lease } }] } : {}),
    ...(and !== undefined ? { $and: [and] } : {}),
  }));

export const filter: fc.Arbitrary<Document> = fc.oneof(anyFilter, prefixAndRange);

/** A sort on some fields ending with `_id`, so that the order is total and results must be identical. */
const randomTotalSort: fc.Arbitrary<Document> = fc
  .tuple(fc.shuffledSubarray([...FIELDS]), fc.array(fc.constantFrom(1, -1), { minLength: 5, maxLength: 5 }))
  .map(([fields, directions]) => Object.fromEntries([...fields.map((f, i) => [f, directions[i]!]), ['_id', directions[4]!]]));

/** Total sorts an index can serve after an equality prefix (in its order or reversed), and some it cannot. */
const alignedTotalSort: fc.Arbitrary<Document> = fc.constantFrom<Document>(
  { b: 1, c: -1, a: 1, _id: 1 }, { b: -1, c: 1, a: -1, _id: -1 }, { c: -1, a: 1, _id: 1 }, { c: 1, a: -1, _id: -1 },
  { c: 1, _id: 1 }, { c: -1, _id: -1 }, { a: 1, b: 1, _id: 1 }, { a: -1, b: -1, _id: -1 }, { a: -1, d: 1, _id: 1 },
  { b: 1, _id: 1 }, { a: 1, b: 1, _id: -1 }, { b: 1, a: 1, _id: 1 },
);

/** Sorts with ties (no `_id`): results are compared group by group of equal sort keys. */
const partialSort: fc.Arbitrary<Document> = fc.oneof(
  fc.constantFrom<Document>({ b: 1 }, { b: -1 }, { c: -1, a: 1 }, { a: 1 }, { a: -1 }, { c: 1 }, { d: 1 }, { a: -1, d: 1 }, { c: -1 }, { a: 1, b: 1 }),
  fc.shuffledSubarray([...FIELDS], { minLength: 1 }).map((fields) => Object.fromEntries(fields.map((f, i) => [f, i % 2 === 0 ? 1 : -1]))),
);

/** A sort whose order is total: findAndModify with it must pick the same document on both collections. */
export const totalSort: fc.Arbitrary<Document> = fc.oneof(randomTotalSort, alignedTotalSort);

export const sort: fc.Arbitrary<Document> = fc.oneof(totalSort, partialSort);

export type Step =
  | { kind: 'insert'; id: number; doc: Document }
  | { kind: 'update'; ids: number[]; field: string; value: unknown; unset: boolean }
  | { kind: 'delete'; ids: number[] }
  | { kind: 'find'; filter: Document; sort: Document | undefined; limit: number }
  | { kind: 'aggregate'; filter: Document; sort: Document; limit: number }
  | { kind: 'findAndModify'; filter: Document; sort: Document; remove: boolean; returnNew: boolean; value: unknown };

export const write: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), id: ids, doc: body }),
  fc.record({ kind: fc.constant('update' as const), ids: fc.array(ids, { maxLength: 6 }), field: fc.constantFrom(...FIELDS), value: valueFor('d'), unset: fc.boolean() }),
  fc.record({ kind: fc.constant('delete' as const), ids: fc.array(ids, { maxLength: 3 }) }),
);

const direction = fc.constantFrom(1, -1);
const inList = fc.array(scalar, { minLength: 1, maxLength: 3 }).map((vs) => ({ $in: vs }));

/** Filters with the sorts an index serves after their equality prefix, single or `$in` (merged walks), `_id` either way. */
const servedShape: fc.Arbitrary<{ filter: Document; sort: Document }> = fc.oneof(
  fc.tuple(fc.oneof(scalar, inList), range, direction, direction).map(([a, b, s, t]) => ({ filter: { a, b }, sort: { b: s, _id: t } })),
  fc.tuple(fc.oneof(scalar, inList), fc.option(range, { nil: undefined }), direction, direction).map(([b, c, s, t]) => ({ filter: c === undefined ? { b } : { b, c }, sort: { c: s, a: -s, _id: t } })),
  fc.tuple(scalar, fc.oneof(scalar, inList), direction, direction).map(([b, c, s, t]) => ({ filter: { b, c }, sort: { a: s, _id: t } })),
  fc.tuple(range, direction, direction).map(([c, s, t]) => ({ filter: { c }, sort: { c: s, _id: t } })),
  fc.tuple(fc.oneof(scalar, inList), direction, direction).map(([a, s, t]) => ({ filter: { a }, sort: { d: s, _id: t } })),
);

export const read: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.tuple(servedShape, fc.integer({ min: 0, max: 4 }), fc.constantFrom('find', 'aggregate', 'findAndModify'), scalar).map(([{ filter, sort }, limit, kind, value]): Step =>
      kind === 'findAndModify' ? { kind, filter, sort, remove: false, returnNew: true, value } : { kind, filter, sort, limit },
    ),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('find' as const), filter, sort: fc.option(sort, { nil: undefined }), limit: fc.integer({ min: 0, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('aggregate' as const), filter, sort, limit: fc.integer({ min: 0, max: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('findAndModify' as const), filter, sort: totalSort, remove: fc.boolean(), returnNew: fc.boolean(), value: scalar }) },
);

export const step: fc.Arbitrary<Step> = fc.oneof(write, read);

/** A transaction: steps, then a committed write by someone else, then more steps, then commit or abort. */
export interface TransactionScript {
  before: Step[];
  outside: Step | undefined;
  after: Step[];
  commit: boolean;
}

export const transaction: fc.Arbitrary<TransactionScript> = fc.record({
  before: fc.array(step, { maxLength: 5 }),
  outside: fc.option(write, { nil: undefined }),
  after: fc.array(step, { maxLength: 5 }),
  commit: fc.boolean(),
});
