/** @module IndexEntries: one index field's values kept in BSON order, so a range or equality on it skips the scan. */
import { bsonTypeRank, compareBsonValues } from './bson-order';

interface Entry {
  value: unknown;
  id: string;
  alive: boolean;
}

/** Bounds of a range scan; a missing side is open. */
export interface EntryRange {
  lower?: { value: unknown; inclusive: boolean };
  upper?: { value: unknown; inclusive: boolean };
}

/**
 * A sorted array with tombstones and a pending buffer: additions are merged lazily at the next
 * read, which keeps bulk inserts linear; a read after few writes pays one binary insertion each.
 */
export class IndexEntries {
  private sorted: Entry[] = [];
  private pending: Entry[] = [];
  private byId = new Map<string, Entry[]>();
  private dead = 0;
  /** Set once any document contributed more than one value (an array field). */
  multikey = false;

  add(id: string, values: unknown[]): void {
    if (values.length > 1) this.multikey = true;
    const entries = values.map((value) => ({ value, id, alive: true }));
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

  /**
   * Ids whose value lies in the range, each once, in index order. An open side stops at the bound's
   * BSON type, because comparison operators only match values of the same type ("type bracketing").
   */
  scan(range: EntryRange): string[] {
    this.settle();
    const bracket = bsonTypeRank((range.lower ?? range.upper)!.value);
    const start = range.lower ? this.lowerBound(range.lower.value, range.lower.inclusive) : this.rankStart(bracket);
    const ids = new Set<string>();
    for (let i = start; i < this.sorted.length; i += 1) {
      const entry = this.sorted[i]!;
      if (range.upper) {
        const order = compareBsonValues(entry.value, range.upper.value);
        if (order > 0 || (order === 0 && !range.upper.inclusive)) break;
      } else if (bsonTypeRank(entry.value) > bracket) {
        break;
      }
      if (entry.alive) ids.add(entry.id);
    }
    return [...ids];
  }

  /** Every id in index order (descending when asked), for a sort served by the index. */
  *ordered(descending: boolean): Generator<string> {
    this.settle();
    const sorted = this.sorted;
    if (descending) {
      for (let i = sorted.length - 1; i >= 0; i -= 1) if (sorted[i]!.alive) yield sorted[i]!.id;
    } else {
      for (const entry of sorted) if (entry.alive) yield entry.id;
    }
  }

  private rankStart(rank: number): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (bsonTypeRank(this.sorted[mid]!.value) < rank) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private lowerBound(value: unknown, inclusive: boolean): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const order = compareBsonValues(this.sorted[mid]!.value, value);
      if (order < 0 || (order === 0 && !inclusive)) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private settle(): void {
    if (this.pending.length === 0 && this.dead * 4 <= this.sorted.length) return;
    const live = this.pending.filter((entry) => entry.alive);
    this.pending = [];
    if (live.length <= 32 && this.dead * 4 <= this.sorted.length) {
      for (const entry of live) this.sorted.splice(this.insertionPoint(entry.value), 0, entry);
      return;
    }
    live.sort((a, b) => compareBsonValues(a.value, b.value));
    const base = this.sorted.filter((entry) => entry.alive);
    this.dead = 0;
    const merged: Entry[] = new Array(base.length + live.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < base.length && j < live.length) {
      merged[k++] = compareBsonValues(base[i]!.value, live[j]!.value) <= 0 ? base[i++]! : live[j++]!;
    }
    while (i < base.length) merged[k++] = base[i++]!;
    while (j < live.length) merged[k++] = live[j++]!;
    this.sorted = merged;
  }

  private insertionPoint(value: unknown): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compareBsonValues(this.sorted[mid]!.value, value) <= 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
