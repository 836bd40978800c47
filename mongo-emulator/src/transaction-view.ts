/** @module TransactionView: a collection as one transaction sees it: committed documents overlaid with its own writes. */
import type { Document } from 'bson';
import { compileFilter } from './compiled-filter';
import type { Collection } from './collection';
import type { DocumentStore } from './document-store';
import { duplicateKeyError } from './duplicate-key-error';
import { shapeResults } from './read-options';
import { toValueKey } from './value-key';
import { writeConflictError } from './write-conflict-error';

/** Claims a document for the transaction; throws WriteConflict when another transaction holds it. */
export type DocumentClaim = (namespace: string, id: string) => void;

/**
 * Writes stay in `overlay` (id → new document, or null for a removal) until commit, so other
 * clients never see them and an abort simply drops the overlay (manual: "Transactions and Atomicity").
 */
export class TransactionView implements DocumentStore {
  readonly overlay = new Map<string, Document | null>();

  constructor(
    readonly base: Collection,
    private readonly startedAt: number,
    private readonly claim: DocumentClaim,
  ) {}

  get namespace(): string {
    return this.base.namespace;
  }

  /** Committed documents as of the transaction's start, with its own writes on top. */
  find(filter: Document): Document[] {
    const changed = new Set(this.base.idsChangedAfter(this.startedAt));
    const result = this.base.find(filter).filter((doc) => {
      const id = toValueKey(doc._id);
      return !this.overlay.has(id) && !changed.has(id);
    });
    const query = compileFilter(filter);
    for (const id of changed) {
      if (this.overlay.has(id)) continue;
      const version = this.base.versionAt(id, this.startedAt);
      if (version && query.test(version)) result.push(version);
    }
    for (const doc of this.overlay.values()) if (doc && query.test(doc)) result.push(doc);
    return result;
  }

  /**
   * The first `count` matches in sort order: the committed walk, read far enough to survive dropping the
   * documents this transaction wrote or others changed since its snapshot, merged with their visible versions.
   */
  findSorted(filter: Document, sort: Document | undefined, count: number): Document[] | undefined {
    const changed = new Set(this.base.idsChangedAfter(this.startedAt));
    const committed = this.base.findSorted(filter, sort, count + changed.size + this.overlay.size);
    if (!committed) return undefined;
    const result = committed.filter((doc) => {
      const id = toValueKey(doc._id);
      return !this.overlay.has(id) && !changed.has(id);
    });
    const query = compileFilter(filter);
    for (const id of changed) {
      if (this.overlay.has(id)) continue;
      const version = this.base.versionAt(id, this.startedAt);
      if (version && query.test(version)) result.push(version);
    }
    for (const doc of this.overlay.values()) if (doc && query.test(doc)) result.push(doc);
    return shapeResults(result, { sort, limit: count });
  }

  insert(doc: Document): void {
    const id = toValueKey(doc._id);
    this.assertUnique(doc, '');
    this.write(id, doc);
  }

  replace(previous: Document, next: Document): void {
    const id = toValueKey(previous._id);
    this.assertUnique(next, id);
    this.write(id, next);
  }

  remove(doc: Document): void {
    this.write(toValueKey(doc._id), null);
  }

  count(): number {
    return this.find({}).length;
  }

  /** A write conflicts when a committed change to the document happened after this transaction began. */
  assertNoConflict(id: string): void {
    if (this.base.changedSince(id, this.startedAt)) throw writeConflictError();
  }

  /** Applies the overlay to the committed collection; called once all views passed their checks. */
  applyToBase(): void {
    for (const [id, doc] of this.overlay) {
      const committed = this.base.getById(id);
      if (doc && committed) this.base.replace(committed, doc);
      else if (doc) this.base.insert(doc);
      else if (committed) this.base.remove(committed);
    }
  }

  /** Re-checks unique keys against what others committed since the writes were made. */
  assertCommittable(): void {
    for (const [id, doc] of this.overlay) {
      this.assertNoConflict(id);
      if (doc) this.base.indexes.assertUnique(doc, id, (holder) => !this.overlay.has(holder));
    }
  }

  private write(id: string, doc: Document | null): void {
    this.assertNoConflict(id);
    this.claim(this.namespace, id);
    this.overlay.set(id, doc);
  }

  private assertUnique(doc: Document, selfId: string): void {
    this.base.indexes.assertUnique(doc, selfId, (holder) => !this.overlay.has(holder));
    for (const index of this.base.indexes.list()) {
      if (!index.unique && index.name !== '_id_') continue;
      for (const { key, values } of index.keysOf(doc)) {
        for (const [otherId, other] of this.overlay) {
          if (!other || otherId === selfId) continue;
          if (index.keysOf(other).some((k) => k.key === key)) {
            throw duplicateKeyError({ namespace: this.namespace, indexName: index.name, keyPattern: index.spec.key as Document, keyValue: index.keyValueDocument(values) });
          }
        }
      }
    }
  }
}
