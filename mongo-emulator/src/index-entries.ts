/**
 * @module IndexEntries: an ordered index's composite keys kept sorted in MongoDB's BSON order, so an equality
 * prefix plus a range on the next key is one contiguous run found by binary search and walked in index order.
 */
import { bsonTypeRank, compareBsonValues } from './bson-order';

export interface IndexEntry {
  /** The index fields' values followed by the document's `_id` (which breaks ties, as a record id does in mongod). */
  readonly key: unknown[];
  readonly id: string;
}

type Entry = IndexEntry;

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

/** Entries per block by default; a block that grows past this splits in two, so an insertion moves at most this many. */
const MAX_BLOCK = 256;

/**
 * Entries in index order, kept in a list of sorted blocks (a flat B-tree of one level): finding a key is a
 * binary search over the blocks' last keys and then within one block, and an insertion or removal shifts
 * one block only, so keeping the index current costs O(log n + block) per write however large it grows.
 */
export class IndexEntries {
  private blocks: Entry[][] = [];
  /** 1 or -1 per index field (the index's key pattern), then 1 for the `_id` tie-breaker. */
  private readonly directions: number[];
  /** Set once a document contributed several keys or an array value: range bounds and sort order no longer hold. */
  multikey = false;
  /** Number of entries. */
  size = 0;

  constructor(
    directions: number[],
    private readonly maxBlock = MAX_BLOCK,
  ) {
    this.directions = [...directions, 1];
  }

  /** Adds a document's keys: one tuple of field values per key (several for an array field). */
  add(id: string, docId: unknown, tuples: unknown[][], hasArray = false): void {
    if (hasArray || tuples.length > 1 || tuples.some((tuple) => tuple.some(Array.isArray))) this.multikey = true;
    for (const tuple of tuples) this.insert({ key: [...tuple, docId], id });
  }

  /** Removes the keys a document added (the same tuples, recomputed from the same stored document). */
  remove(docId: unknown, tuples: unknown[][]): void {
    for (const tuple of tuples) {
      const key = [...tuple, docId];
      const b = this.blockFor(key);
      const block = this.blocks[b];
      if (!block) continue;
      const i = this.lowerBoundIn(block, key);
      if (i < block.length && this.compareKeys(block[i]!.key, key) === 0) {
        block.splice(i, 1);
        this.size -= 1;
        if (block.length === 0) this.blocks.splice(b, 1);
      }
    }
  }

  /** Number of entries within the bounds: the cost of walking them, in O(log n) plus one step per block. */
  estimate(bounds: KeyBounds): number {
    const [b0, o0] = this.locate(bounds, -1);
    const [b1, o1] = this.locate(bounds, 0);
    if (b0 === b1) return o1 - o0;
    let count = this.blocks[b0]!.length - o0 + o1;
    for (let b = b0 + 1; b < b1; b += 1) count += this.blocks[b]!.length;
    return count;
  }

  /** Ids within the bounds in index order (reversed when asked); a multikey document may come more than once. */
  *walk(bounds: KeyBounds, reverse = false): Generator<string> {
    for (const entry of this.walkEntries(bounds, reverse)) yield entry.id;
  }

  /** The entries (key and id) within the bounds, in index order or reversed. */
  *walkEntries(bounds: KeyBounds, reverse = false): Generator<IndexEntry> {
    const [b0, o0] = this.locate(bounds, -1);
    const [b1, o1] = this.locate(bounds, 0);
    const blocks = this.blocks;
    if (reverse) {
      for (let b = Math.min(b1, blocks.length - 1); b >= b0; b -= 1) {
        const block = blocks[b]!;
        const from = b === b1 ? o1 - 1 : block.length - 1;
        const to = b === b0 ? o0 : 0;
        for (let i = from; i >= to; i -= 1) yield block[i]!;
      }
    } else {
      for (let b = b0; b <= b1 && b < blocks.length; b += 1) {
        const block = blocks[b]!;
        const to = b === b1 ? o1 : block.length;
        for (let i = b === b0 ? o0 : 0; i < to; i += 1) yield block[i]!;
      }
    }
  }

  /** Compares two keys (or their components `from` to `to`) in index order: key by key, each in its field's direction. */
  compareKeys(a: unknown[], b: unknown[], from = 0, to = a.length): number {
    for (let i = from; i < to; i += 1) {
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

  /** [block, offset] of the first entry whose position is greater than `than` (positions are monotone in index order). */
  private locate(bounds: KeyBounds, than: number): [number, number] {
    const blocks = this.blocks;
    let low = 0;
    let high = blocks.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const block = blocks[mid]!;
      if (this.position(block[block.length - 1]!.key, bounds) <= than) low = mid + 1;
      else high = mid;
    }
    if (low === blocks.length) return [low, 0];
    const block = blocks[low]!;
    let first = 0;
    let last = block.length;
    while (first < last) {
      const mid = (first + last) >>> 1;
      if (this.position(block[mid]!.key, bounds) <= than) first = mid + 1;
      else last = mid;
    }
    return [low, first];
  }

  /** The block where a key belongs: the first whose last key is not below it, else the last block. */
  private blockFor(key: unknown[]): number {
    const blocks = this.blocks;
    let low = 0;
    let high = blocks.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const block = blocks[mid]!;
      if (this.compareKeys(block[block.length - 1]!.key, key) < 0) low = mid + 1;
      else high = mid;
    }
    return Math.min(low, blocks.length - 1);
  }

  private lowerBoundIn(block: Entry[], key: unknown[]): number {
    let low = 0;
    let high = block.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.compareKeys(block[mid]!.key, key) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private insert(entry: Entry): void {
    this.size += 1;
    if (this.blocks.length === 0) {
      this.blocks.push([entry]);
      return;
    }
    const b = this.blockFor(entry.key);
    const block = this.blocks[b]!;
    const at = this.lowerBoundIn(block, entry.key);
    if (at === block.length) block.push(entry);
    else block.splice(at, 0, entry);
    if (block.length > this.maxBlock) this.blocks.splice(b + 1, 0, block.splice(this.maxBlock >> 1));
  }
}
