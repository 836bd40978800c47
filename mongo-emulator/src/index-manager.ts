/** @module IndexManager: a collection's indexes, the `_id_` index first, and the unique constraints they enforce. */
import type { Document } from 'bson';
import { CollectionIndex } from './collection-index';
import { CommandError } from './command-error';
import { duplicateKeyError } from './duplicate-key-error';
import { toValueKey } from './value-key';

/** Index options that must match for createIndexes to treat a second request as the same index. */
const IDENTITY_OPTIONS = ['unique', 'sparse', 'partialFilterExpression', 'expireAfterSeconds', 'collation', 'hidden'];

export type IndexCreation = 'created' | 'exists';

export class IndexManager {
  private readonly indexes = new Map<string, CollectionIndex>();

  /** `onChange` is told after an index is created or dropped (the collection then stages its metadata). */
  constructor(
    private readonly namespace: string,
    private readonly onChange: () => void = () => undefined,
  ) {
    // Every collection has a unique index on _id (manual: "Indexes > Default _id Index").
    this.indexes.set('_id_', new CollectionIndex({ v: 2, key: { _id: 1 }, name: '_id_' }));
  }

  list(): CollectionIndex[] {
    return [...this.indexes.values()];
  }

  get(name: string): CollectionIndex | undefined {
    return this.indexes.get(name);
  }

  /**
   * Adds an index and builds it over the existing documents. Re-creating an identical index is a no-op;
   * the same name with another key (86) or the same key with other options (85) is refused as mongod does.
   */
  create(spec: Document, docs: Iterable<[string, Document]>): IndexCreation {
    const keyString = toValueKey(spec.key);
    for (const existing of this.indexes.values()) {
      const sameKey = toValueKey(existing.spec.key) === keyString;
      const sameName = existing.name === spec.name;
      if (!sameKey && !sameName) continue;
      const sameOptions = IDENTITY_OPTIONS.every((option) => toValueKey(existing.spec[option]) === toValueKey(spec[option]));
      if (sameKey && sameName && sameOptions) return 'exists';
      if (sameName) {
        throw new CommandError({ code: 86, message: `An existing index has the same name as the requested index. When index names are not specified, they are auto generated and can cause conflicts. Please refer to our documentation. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(existing.spec)}` });
      }
      if (sameOptions) continue;
      throw new CommandError({ code: 85, message: `An equivalent index already exists with a different name and options. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(existing.spec)}` });
    }
    const index = new CollectionIndex({ v: 2, ...spec });
    const entries = [...docs];
    if (index.unique) {
      const seen = new Map<string, unknown[]>();
      for (const [, doc] of entries) {
        for (const { key, values } of index.keysOf(doc)) {
          if (seen.has(key)) {
            const error = duplicateKeyError({ namespace: this.namespace, indexName: index.name, keyPattern: spec.key as Document, keyValue: index.keyValueDocument(values) });
            throw new CommandError({ code: 11000, message: `Index build failed: ${error.message}`, details: error.details });
          }
          seen.set(key, values);
        }
      }
    }
    for (const [id, doc] of entries) index.add(id, doc);
    this.indexes.set(index.name, index);
    this.onChange();
    return 'created';
  }

  drop(name: string): void {
    if (name === '_id_') throw new CommandError({ code: 72, message: 'cannot drop _id index' });
    if (!this.indexes.delete(name)) throw new CommandError({ code: 27, message: `index not found with name [${name}]` });
    this.onChange();
  }

  /** Drops every index but `_id_` (dropIndexes with "*"). */
  dropAll(): void {
    for (const name of [...this.indexes.keys()]) if (name !== '_id_') this.indexes.delete(name);
    this.onChange();
  }

  /**
   * Throws E11000 when the document would share a unique key with a live document other than itself.
   * `isLive` lets a transaction ignore base documents that it has already deleted or replaced.
   */
  assertUnique(doc: Document, selfId: string, isLive: (id: string) => boolean = () => true): void {
    for (const index of this.indexes.values()) {
      if (!index.unique && index.name !== '_id_') continue;
      for (const { key, values } of index.keysOf(doc)) {
        for (const holder of index.holdersOf(key)) {
          if (holder !== selfId && isLive(holder)) {
            throw duplicateKeyError({ namespace: this.namespace, indexName: index.name, keyPattern: index.spec.key as Document, keyValue: index.keyValueDocument(values) });
          }
        }
      }
    }
  }

  add(id: string, doc: Document): void {
    for (const index of this.indexes.values()) index.add(id, doc);
  }

  remove(id: string, doc: Document): void {
    for (const index of this.indexes.values()) index.remove(id, doc);
  }

  /** Re-indexes a replaced document, skipping the indexes whose keys it kept (e.g. a lease field no index names). */
  update(id: string, previous: Document, next: Document): void {
    for (const index of this.indexes.values()) {
      if (index.sameKeys(previous, next)) continue;
      index.remove(id, previous);
      index.add(id, next);
    }
  }
}
