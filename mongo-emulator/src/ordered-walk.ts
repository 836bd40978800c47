/**
 * @module orderedWalk: documents of one or several index walks in a sort's order. Several walks (one per value of an
 * `$in` on the equality prefix) are merged on the keys after the prefix, as mongod's SORT_MERGE stage does; a sort
 * ending with `_id` against the entries' ascending `_id` tie-break has each group of equal keys reversed.
 */
import type { IndexEntries, IndexEntry, KeyBounds } from './index-entries';

export interface WalkOrder {
  /** Walk the index backwards (the sort is the index order reversed). */
  reverse: boolean;
  /** Key components compared between walks: the index keys after the equality prefix. */
  from: number;
  to: number;
  /** Order of `_id` among equal keys when the sort names it; otherwise the walk's own. */
  idDirection: 1 | -1 | undefined;
}

/** One walk with its groups of equal keys emitted in `_id` order `idDirection`. */
function* tiesOrdered(entries: IndexEntries, walk: Iterable<IndexEntry>, order: WalkOrder): Generator<IndexEntry> {
  const natural = order.reverse ? -1 : 1;
  if (order.idDirection === undefined || order.idDirection === natural) {
    yield* walk;
    return;
  }
  let group: IndexEntry[] = [];
  for (const entry of walk) {
    if (group.length > 0 && entries.compareKeys(group[0]!.key, entry.key, 0, order.to) !== 0) {
      for (let i = group.length - 1; i >= 0; i -= 1) yield group[i]!;
      group = [];
    }
    group.push(entry);
  }
  for (let i = group.length - 1; i >= 0; i -= 1) yield group[i]!;
}

/** Ids of the entries within any of the bounds, in the order described; with one bound, a plain (lazy) walk. */
export function* orderedWalk(entries: IndexEntries, bounds: KeyBounds[], order: WalkOrder): Generator<string> {
  const streams = bounds.map((b) => tiesOrdered(entries, entries.walkEntries(b, order.reverse), order));
  if (streams.length === 1) {
    for (const entry of streams[0]!) yield entry.id;
    return;
  }
  const direction = order.reverse ? -1 : 1;
  const idDirection = order.idDirection ?? direction;
  const before = (a: IndexEntry, b: IndexEntry): boolean => {
    const keys = entries.compareKeys(a.key, b.key, order.from, order.to) * direction;
    if (keys !== 0) return keys < 0;
    return entries.compareKeys(a.key, b.key, order.to, order.to + 1) * idDirection < 0;
  };
  const heads = streams.map((stream) => stream.next());
  for (;;) {
    let best = -1;
    for (let i = 0; i < heads.length; i += 1) {
      const head = heads[i]!;
      if (!head.done && (best < 0 || before(head.value, (heads[best] as IteratorYieldResult<IndexEntry>).value))) best = i;
    }
    if (best < 0) return;
    yield (heads[best] as IteratorYieldResult<IndexEntry>).value.id;
    heads[best] = streams[best]!.next();
  }
}
