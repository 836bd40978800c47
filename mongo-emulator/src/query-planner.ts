/**
 * @module queryPlanner: picks the index that narrows a filter to the fewest candidates (a superset of its matches),
 * and the index whose order serves a sort, so a sorted find or findAndModify stops after its limit.
 */
import type { Document } from 'bson';
import type { CollectionIndex } from './collection-index';
import { isPlainObject } from './document-path';
import { indexBounds, predicatesOf, type IndexBounds, type Predicate } from './index-bounds';
import { orderedWalk, type WalkOrder } from './ordered-walk';
import { toValueKey } from './value-key';

/** Tuning of plan choice; tests force index-ordered walks to check them on small collections. */
export const plannerOptions = { preferSortedWalk: false };

/** Beyond this many $in combinations a sorted walk would merge too many streams: the candidates are sorted instead. */
const MAX_MERGED_WALKS = 32;

/** A way to produce candidates, with its estimated size; `ids` materialises them. */
export interface CandidatePlan {
  estimate: number;
  ids(): string[];
}

/** A walk that yields candidate ids already in the requested sort order. */
export interface SortedPlan {
  estimate: number;
  ids(): Iterable<string>;
}

function walkAll(plan: IndexBounds): string[] {
  const ids = new Set<string>();
  for (const bounds of plan.bounds) for (const id of plan.entries.walk(bounds)) ids.add(id);
  return [...ids];
}

/** Hashed indexes have no order: only equality on every field can use them. */
function exactPlan(index: CollectionIndex, predicates: Map<string, Predicate>): CandidatePlan | undefined {
  if (index.sorted || index.spec.hidden === true || !index.hasExactLookup || !index.coversAllDocuments || !index.maintained) return undefined;
  let combos: unknown[][] = [[]];
  for (const field of index.fields) {
    const predicate = predicates.get(field);
    if (predicate?.kind !== 'eq') return undefined;
    combos = combos.flatMap((combo) => predicate.values.map((value) => [...combo, value]));
  }
  const ids = new Set<string>();
  for (const combo of combos) for (const id of index.holdersOf(combo.map(toValueKey).join('\u0000'))) ids.add(id);
  const list = [...ids];
  return { estimate: list.length, ids: () => list };
}

/** An $or can use indexes only when every branch can: the union of the branches' candidates. */
function orPlan(branches: unknown, indexes: CollectionIndex[]): CandidatePlan | undefined {
  if (!Array.isArray(branches) || branches.length === 0) return undefined;
  const ids = new Set<string>();
  for (const branch of branches) {
    if (!isPlainObject(branch)) return undefined;
    const candidates = planCandidates(branch, indexes);
    if (!candidates) return undefined;
    for (const id of candidates) ids.add(id);
  }
  const list = [...ids];
  return { estimate: list.length, ids: () => list };
}

/**
 * The plan with the fewest estimated candidates among the indexes whose leading keys the filter constrains
 * (equality prefix, then $in or a range on the next key), and the top-level $or (or an $or inside $and).
 */
export function bestPlan(filter: Document, indexes: CollectionIndex[]): CandidatePlan | undefined {
  const predicates = predicatesOf(filter);
  let best: CandidatePlan | undefined;
  const consider = (plan: CandidatePlan | undefined): void => {
    if (plan && (!best || plan.estimate < best.estimate)) best = plan;
  };
  for (const index of indexes) {
    const bounds = indexBounds(index, predicates);
    if (bounds?.constrained) consider({ estimate: bounds.estimate, ids: () => walkAll(bounds) });
    else consider(exactPlan(index, predicates));
  }
  const ors = [filter.$or, ...(Array.isArray(filter.$and) ? (filter.$and as unknown[]).filter(isPlainObject).map((part) => part.$or) : [])];
  // An $or is materialised to be estimated: worth it only when no index already narrows well.
  for (const branches of ors) if (branches !== undefined && (!best || best.estimate > 64)) consider(orPlan(branches, indexes));
  return best;
}

/** Ids of a superset of the filter's matches, or undefined when no index helps (a full scan). */
export function planCandidates(filter: Document, indexes: CollectionIndex[]): string[] | undefined {
  return bestPlan(filter, indexes)?.ids();
}

/**
 * Whether walking the bounds (forward or backward) yields documents in the sort's order: after dropping sort
 * keys fixed by a single equality, the sort must name the next index keys in their directions (or all
 * reversed), optionally followed by `_id` once every index key is named (entries tie-break on `_id`). Returns
 * the walk's order, or undefined. (Manual: "Use Indexes to Sort Query Results", sort on a subset of an index's
 * keys after equality conditions on the preceding keys.)
 */
function walkOrder(plan: IndexBounds, sort: [string, number][]): WalkOrder | undefined {
  const { fields } = plan.index;
  const directions = Object.values(plan.index.spec.key as Document).map(Number);
  const single = plan.bounds.length === 1;
  const fixed = new Set(single ? fields.slice(0, plan.prefixLength) : []);
  const rest = sort.filter(([field]) => !fixed.has(field));
  let sign = 0;
  let idDirection: 1 | -1 | undefined;
  let position = plan.prefixLength;
  for (const [field, direction] of rest) {
    if (position === fields.length && field === '_id' && idDirection === undefined) {
      idDirection = direction as 1 | -1;
      continue;
    }
    if (idDirection !== undefined || fields[position] !== field) return undefined;
    const relative = direction * directions[position]!;
    if (sign === 0) sign = relative;
    if (relative !== sign) return undefined;
    position += 1;
  }
  return { reverse: sign < 0, from: plan.prefixLength, to: fields.length, idDirection };
}

/** The cheapest index walk that produces the filter's candidates in the sort's order, if any index can. */
export function sortedPlan(filter: Document, sort: Document | undefined, indexes: CollectionIndex[]): SortedPlan | undefined {
  if (!sort) return undefined;
  const keys = Object.entries(sort);
  if (keys.length === 0 || keys.some(([, direction]) => direction !== 1 && direction !== -1)) return undefined;
  const predicates = predicatesOf(filter);
  let best: SortedPlan | undefined;
  for (const index of indexes) {
    const plan = indexBounds(index, predicates);
    // An index with array values does not hold documents in sort order (arrays sort by their smallest or largest element).
    if (!plan || plan.entries.multikey || plan.bounds.length > MAX_MERGED_WALKS) continue;
    const order = walkOrder(plan, keys as [string, number][]);
    if (!order || (best && best.estimate <= plan.estimate)) continue;
    best = { estimate: plan.estimate, ids: () => orderedWalk(plan.entries, plan.bounds, order) };
  }
  return best;
}
