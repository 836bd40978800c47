/**
 * @module IndexEntries: an ordered index's composite keys kept sorted in MongoDB's BSON order, so an equality
 * prefix plus a range on the next key is one contiguous run found by binary search and walked in index order.
 */
import { bsonTypeRank, compareBsonValues } from './bson-order';

interface Entry {
  /** The index fields' values followed by the document's `_id` (which breaks ties, as a record id does in mongod). */
  key: unknown[];
  id: string;
  alive: boolean;
}

/** Bounds of a range on one key; a missing side is open. */
export interface EntryRange {
  lower?: { value: unknown; inclusive: boolean };
  upper?: { value: unknown; inclusive: boolean };
}

/** Equal values on the first `prefix.length` keys, then optionally a range on the next key. */
export interface KeyBounds {
  prefix: unknown[];
  range?: EntryRange;
}

/**
 * Where a value lies against a range: -1 below, 0 inside, 1 above (in ascending BSON order). An open
 * side stops at the bound's BSON type, because comparison operators only match values of the same
 * type (manual: "Comparison/Sort Order", type bracketing).
 */
function rangeSide(value: unknown, range: EntryRange): number {
  const bracket = bsonTypeRank((range.lower ?? range.upper)!.value);
  if (range.lower) {
    const order = compareBsonValues(value, range.lower.value);
    if (order < 0 || (order === 0 && !range.lower.inclusive)) return -1;
  } else if (bsonTypeRank(value) < bracket) return -1;
  if (range.upper) {
    const order = compareBsonValues(value, range.upper.value);
    if (order > 0 || (order === 0 && !range.upper.inclusive)) return 1;
  } else if (bsonTypeRank(value) > bracket) return 1;
  return 0;
}

/**
 * A sorted array with tombstones and a pending buffer: additions are merged lazily at the next read,
 * which keeps bulk inserts linear; a read after few writes pays one binary insertion each.
 */
export class IndexEntries {
  private sorted: Entry[] = [];
  private pending: Entry[] = [];
  private byId = new Map<string, Entry[]>();
  private dead = 0;
  /** 1 or -1 per index field (the index's key pattern), then 1 for the `_id` tie-breaker. */
  private readonly directions: number[];
  /** Set once a document contributed several keys or an array value: range bounds and sort order no longer hold. */
  multikey = false;

  constructor(directions: number[]) {
    this.directions = [...directions, 1];
  }

  /** Adds a document's keys: one tuple of field values per key (several for an array field). */
  add(id: string, docId: unknown, tuples: unknown[][], hasArray = false): void {
    if (hasArray || tuples.length > 1 || tuples.some((tuple) => tuple.some(Array.isArray))) this.multikey = true;
    const entries = tuples.map((tuple) => ({ key: [...tuple, docId], id, alive: true }));
    this.byId.set(id, entries);
    for (const entry of entries) this.pending.push(entry);
  }

  remove(id: string): void {
    for (const entry of this.byId.get(id) ?? []) {
      entry.alive = false;
      this.dead += 1;
    }
    this.byId.delete(id);
  }

  /** Number of live and dead entries within the bounds: an estimate of a walk's cost, in O(log n). */
  estimate(bounds: KeyBounds): number {
    this.settle();
    return this.firstAfter(bounds, 0) - this.firstAfter(bounds, -1);
  }

  /** Ids within the bounds in index order (reversed when asked); a multikey document may come more than once. */
  *walk(bounds: KeyBounds, reverse = false): Generator<string> {
    this.settle();
    const sorted = this.sorted;
    const start = this.firstAfter(bounds, -1);
    const end = this.firstAfter(bounds, 0);
    if (reverse) {
      for (let i = end - 1; i >= start; i -= 1) if (sorted[i]!.alive) yield sorted[i]!.id;
    } else {
      for (let i = start; i < end; i += 1) if (sorted[i]!.alive) yield sorted[i]!.id;
    }
  }

  /** Compares two keys in index order: key by key, each in its field's direction. */
  compareKeys(a: unknown[], b: unknown[], from = 0): number {
    for (let i = from; i < a.length; i += 1) {
      const order = compareBsonValues(a[i], b[i]);
      if (order !== 0) return order * this.directions[i]!;
    }
    return 0;
  }

  /** Where a key lies against the bounds in index order: -1 before, 0 within, 1 after. */
  private position(key: unknown[], bounds: KeyBounds): number {
    const { prefix, range } = bounds;
    for (let i = 0; i < prefix.length; i += 1) {
      const order = compareBsonValues(key[i], prefix[i]);
      if (order !== 0) return Math.sign(order) * this.directions[i]!;
    }
    return range ? rangeSide(key[prefix.length], range) * this.directions[prefix.length]! : 0;
  }

  /** Index of the first entry whose position is greater than `than` (binary search; positions are monotone). */
  private firstAfter(bounds: KeyBounds, than: number): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.position(this.sorted[mid]!.key, bounds) <= than) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private settle(): void {
    if (this.pending.length === 0 && this.dead * 4 <= this.sorted.length) return;
    const live = this.pending.filter((entry) => entry.alive);
    this.pending = [];
    if (live.length <= 32 && this.dead * 4 <= this.sorted.length) {
      for (const entry of live) this.sorted.splice(this.insertionPoint(entry.key), 0, entry);
      return;
    }
    const byKey = (a: Entry, b: Entry): number => this.compareKeys(a.key, b.key);
    live.sort(byKey);
    const base = this.sorted.filter((entry) => entry.alive);
    this.dead = 0;
    const merged: Entry[] = new Array<Entry>(base.length + live.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < base.length && j < live.length) merged[k++] = byKey(base[i]!, live[j]!) <= 0 ? base[i++]! : live[j++]!;
    while (i < base.length) merged[k++] = base[i++]!;
    while (j < live.length) merged[k++] = live[j++]!;
    this.sorted = merged;
  }

  private insertionPoint(key: unknown[]): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.compareKeys(this.sorted[mid]!.key, key) <= 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
