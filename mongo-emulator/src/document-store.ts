/** @module DocumentStore: what commands need from a collection, whether read directly or through a transaction. */
import type { Document } from 'bson';

/**
 * Documents are returned as stored: callers treat them as read-only and pass a fresh object to
 * `replace`, so a failed update never leaves a half-modified document behind.
 */
export interface DocumentStore {
  readonly namespace: string;
  /** Documents matching the MongoDB filter, in natural order (or index order when an index narrowed the scan). */
  find(filter: Document): Document[];
  /**
   * The first `count` matches in the order of `sort`, when an index can produce them in that order;
   * undefined when the caller should sort `find`'s result itself.
   */
  findSorted(filter: Document, sort: Document | undefined, count: number): Document[] | undefined;
  /** Throws E11000 when the `_id` or a unique index key is taken. */
  insert(doc: Document): void;
  replace(previous: Document, next: Document): void;
  remove(doc: Document): void;
  count(): number;
}
