/**
 * @module indexBounds: what a filter's top level says about each field (equality, $in or a range), and the
 * key bounds that follow for one compound index: equalities on a prefix of its keys, then a range on the next.
 */
import type { Document } from 'bson';
import type { CollectionIndex } from './collection-index';
import { isPlainObject } from './document-path';
import type { EntryRange, IndexEntries, KeyBounds } from './index-entries';
import { toValueKey } from './value-key';

export type Predicate = { kind: 'eq'; values: unknown[] } | { kind: 'range'; range: EntryRange };

/** The bounds of one index for one filter, with the estimated number of entries they hold. */
export interface IndexBounds {
  index: CollectionIndex;
  entries: IndexEntries;
  /** One per combination of the prefix's equality values ($in gives several). */
  bounds: KeyBounds[];
  /** How many leading keys are fixed by equalities. */
  prefixLength: number;
  /** Whether the filter constrains the index at all (else the bounds are the whole index). */
  constrained: boolean;
  estimate: number;
}

const RANGE_OPERATORS = new Set(['$gt', '$gte', '$lt', '$lte']);
/** Beyond this many $in combinations the planner stops extending the prefix. */
const MAX_PREFIXES = 256;

/** Values an index can look up exactly: scalars and ObjectIds, never regexes, arrays or documents. */
function isIndexable(value: unknown): boolean {
  return !(value instanceof RegExp) && !Array.isArray(value) && !isPlainObject(value) && value !== undefined;
}

/** What one field's condition says, when that is an equality, an $in or a range (other operators are left to mingo). */
function predicateOf(condition: unknown): Predicate | undefined {
  if (!isPlainObject(condition)) return isIndexable(condition) ? { kind: 'eq', values: [condition] } : undefined;
  const operators = Object.keys(condition);
  if (operators.length === 0 || !operators.every((op) => op.startsWith('$'))) return undefined;
  if ('$eq' in condition) return isIndexable(condition.$eq) ? { kind: 'eq', values: [condition.$eq] } : undefined;
  if ('$in' in condition) {
    const values = condition.$in;
    return Array.isArray(values) && values.length > 0 && values.every(isIndexable) ? { kind: 'eq', values } : undefined;
  }
  const range: EntryRange = {};
  for (const op of operators) {
    if (!RANGE_OPERATORS.has(op)) continue;
    const bound = condition[op];
    if (!isIndexable(bound)) return undefined;
    if (op === '$gt' || op === '$gte') range.lower = { value: bound, inclusive: op === '$gte' };
    else range.upper = { value: bound, inclusive: op === '$lte' };
  }
  return range.lower || range.upper ? { kind: 'range', range } : undefined;
}

/**
 * Predicates of the filter's top level and of the documents of a top-level $and (an implicit AND, manual:
 * "$and"). Every one narrows to a superset of the matches; the caller still applies the whole filter.
 */
export function predicatesOf(filter: Document): Map<string, Predicate> {
  const predicates = new Map<string, Predicate>();
  const parts = [filter, ...(Array.isArray(filter.$and) ? (filter.$and as unknown[]).filter(isPlainObject) : [])];
  for (const part of parts) {
    for (const [field, condition] of Object.entries(part)) {
      if (field.startsWith('$') || predicates.get(field)?.kind === 'eq') continue;
      const predicate = predicateOf(condition);
      if (predicate && (!predicates.has(field) || predicate.kind === 'eq')) predicates.set(field, predicate);
    }
  }
  return predicates;
}

/**
 * Equalities on the longest prefix of the index's keys, then a range (or nothing) on the next key. A
 * multikey index keeps only one side of a range: an array matches `{ $gt: a, $lt: b }` when one element
 * passes each bound, which a single key interval would miss (manual: "Multikey Index Bounds").
 */
export function indexBounds(index: CollectionIndex, predicates: Map<string, Predicate>): IndexBounds | undefined {
  const entries = index.sorted;
  // A hidden index is maintained but not used by the planner (manual: "Hidden Indexes").
  if (!entries || index.spec.hidden === true) return undefined;
  let prefixes: unknown[][] = [[]];
  let prefixLength = 0;
  for (const field of index.fields) {
    const predicate = predicates.get(field);
    if (predicate?.kind !== 'eq') break;
    if (prefixes.length * predicate.values.length > MAX_PREFIXES) break;
    // Values equal in BSON order ($in: [1, 1.0]) would walk the same keys twice.
    const values = [...new Map(predicate.values.map((value) => [toValueKey(value), value])).values()];
    prefixes = prefixes.flatMap((prefix) => values.map((value) => [...prefix, value]));
    prefixLength += 1;
  }
  let range: EntryRange | undefined;
  const next = index.fields[prefixLength];
  const predicate = next === undefined ? undefined : predicates.get(next);
  if (predicate?.kind === 'range') {
    range = predicate.range;
    if (entries.multikey && range.lower && range.upper) range = { lower: range.lower };
  }
  const bounds = prefixes.map((prefix) => (range ? { prefix, range } : { prefix }));
  const constrained = prefixLength > 0 || range !== undefined;
  const estimate = constrained ? bounds.reduce((sum, b) => sum + entries.estimate(b), 0) : entries.size;
  return { index, entries, bounds, prefixLength, constrained, estimate };
}
