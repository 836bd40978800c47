/** @module planCandidates: picks an index that narrows a filter to a superset of its matches, or none (full scan). */
import type { Document } from 'bson';
import type { CollectionIndex } from './collection-index';
import { isPlainObject } from './document-path';
import type { EntryRange } from './index-entries';
import { toValueKey } from './value-key';

type Predicate = { kind: 'eq'; values: unknown[] } | { kind: 'range'; range: EntryRange } | undefined;

const RANGE_OPERATORS = new Set(['$gt', '$gte', '$lt', '$lte']);

/** Values an index can look up exactly: scalars and ObjectIds, never regexes, arrays or documents. */
function isIndexable(value: unknown): boolean {
  return !(value instanceof RegExp) && !Array.isArray(value) && !isPlainObject(value) && value !== undefined;
}

/** What the filter says about one top-level field, when that is an equality, an $in or a range. */
function predicateFor(filter: Document, field: string): Predicate {
  if (!(field in filter)) return undefined;
  const condition = filter[field] as unknown;
  if (!isPlainObject(condition)) return isIndexable(condition) ? { kind: 'eq', values: [condition] } : undefined;
  const operators = Object.keys(condition);
  if (operators.length === 0 || !operators.every((op) => op.startsWith('$'))) return undefined;
  if ('$eq' in condition) return isIndexable(condition.$eq) ? { kind: 'eq', values: [condition.$eq] } : undefined;
  if ('$in' in condition) {
    const values = condition.$in;
    return Array.isArray(values) && values.every(isIndexable) ? { kind: 'eq', values } : undefined;
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

/** Candidates from one index, or undefined when the filter constrains none of its leading fields. */
function candidatesFrom(index: CollectionIndex, filter: Document): string[] | undefined {
  if (!index.maintained || !index.coversAllDocuments) return undefined;
  const predicates = index.fields.map((field) => predicateFor(filter, field));
  if (predicates.every((p) => p?.kind === 'eq')) {
    let combos: unknown[][] = [[]];
    for (const p of predicates) combos = combos.flatMap((combo) => (p as { values: unknown[] }).values.map((v) => [...combo, v]));
    const ids = new Set<string>();
    for (const combo of combos) for (const id of index.holdersOf(combo.map(toValueKey).join('\u0000'))) ids.add(id);
    return [...ids];
  }
  const first = predicates[0];
  const sorted = index.sortedFirstField;
  if (!first || !sorted) return undefined;
  if (first.kind === 'range') return sorted.scan(first.range);
  const ids = new Set<string>();
  for (const value of first.values) {
    for (const id of sorted.scan({ lower: { value, inclusive: true }, upper: { value, inclusive: true } })) ids.add(id);
  }
  return [...ids];
}

/** An $or can use indexes only when every branch can: the union of the branches' candidates. */
function candidatesFromOr(branches: unknown, indexes: CollectionIndex[]): string[] | undefined {
  if (!Array.isArray(branches) || branches.length === 0) return undefined;
  const ids = new Set<string>();
  for (const branch of branches) {
    if (!isPlainObject(branch)) return undefined;
    const candidates = planCandidates(branch, indexes);
    if (!candidates) return undefined;
    for (const id of candidates) ids.add(id);
  }
  return [...ids];
}

/**
 * The smallest candidate set among the indexes whose leading field the filter constrains by equality,
 * $in or a range (a top-level $and and $or are searched too). The caller still applies the whole filter
 * to each candidate, so a superset is always safe.
 */
export function planCandidates(filter: Document, indexes: CollectionIndex[]): string[] | undefined {
  const filters = [filter, ...(Array.isArray(filter.$and) ? (filter.$and as Document[]).filter(isPlainObject) : [])];
  let best: string[] | undefined;
  const consider = (candidates: string[] | undefined): void => {
    if (candidates && (!best || candidates.length < best.length)) best = candidates;
  };
  for (const part of filters) {
    for (const index of indexes) consider(candidatesFrom(index, part));
    consider(candidatesFromOr(part.$or, indexes));
  }
  return best;
}

/**
 * An index whose first field is the single sort key can produce documents already in sort order, so a
 * sorted find with a limit stops early instead of sorting everything. Multikey fields are left out:
 * MongoDB sorts arrays by their smallest or largest element, which index order does not give.
 */
export function sortingIndex(sort: Document | undefined, indexes: CollectionIndex[]): CollectionIndex | undefined {
  if (!sort) return undefined;
  const keys = Object.keys(sort);
  if (keys.length !== 1 || (sort[keys[0]!] !== 1 && sort[keys[0]!] !== -1)) return undefined;
  return indexes.find((index) => index.fields[0] === keys[0] && index.sortedFirstField && !index.sortedFirstField.multikey);
}
