/** @module CollectionIndex: one index of a collection: its spec, key extraction, unique lookups and sorted composite keys. */
import type { Document } from 'bson';
import { compileFilter } from './compiled-filter';
import { hasPath, reachesArray, valuesAtPath } from './document-path';
import { IndexEntries } from './index-entries';
import { toValueKey } from './value-key';

/** One generated index key: the canonical string (for uniqueness) and the values (for keyValue in errors). */
export interface IndexKey {
  key: string;
  values: unknown[];
}

const ORDERED = new Set<unknown>([1, -1]);

/** Index specifications as createIndexes receives them and listIndexes returns them (manual: db.collection.createIndex). */
export class CollectionIndex {
  readonly name: string;
  readonly fields: string[];
  readonly unique: boolean;
  readonly sparse: boolean;
  /** Only ascending/descending and hashed keys are maintained; text and geo indexes are recorded, not used. */
  readonly maintained: boolean;
  private readonly partial: ReturnType<typeof compileFilter> | undefined;
  /**
   * key → the id holding it, or a set when several do; one string per key saves memory. Kept where exact
   * lookups are needed without sorted keys: unique indexes (and `_id_`), and hashed indexes.
   */
  private readonly holders: Map<string, string | Set<string>> | undefined;
  /** Every key in index order, for indexes of ascending/descending keys that hold every document. */
  private readonly entries: IndexEntries | undefined;

  constructor(readonly spec: Document) {
    const key = spec.key as Document;
    this.name = spec.name as string;
    this.fields = Object.keys(key);
    this.unique = spec.unique === true;
    this.sparse = spec.sparse === true;
    this.maintained = Object.values(key).every((kind) => ORDERED.has(kind) || kind === 'hashed');
    this.partial = spec.partialFilterExpression ? compileFilter(spec.partialFilterExpression as Document) : undefined;
    const ordered = this.maintained && Object.values(key).every((kind) => ORDERED.has(kind));
    this.entries = ordered && this.coversAllDocuments ? new IndexEntries(Object.values(key).map(Number)) : undefined;
    const exact = this.unique || this.name === '_id_' || (this.maintained && !this.entries && this.coversAllDocuments);
    this.holders = exact ? new Map() : undefined;
  }

  /** Partial and sparse indexes hold only some documents, so they cannot answer every query on their fields. */
  get coversAllDocuments(): boolean {
    return !this.partial && !this.sparse;
  }

  /** The keys in index order; undefined for partial, sparse, hashed, text and geo indexes. */
  get sorted(): IndexEntries | undefined {
    return this.entries;
  }

  /** Whether `holdersOf` can answer exact-key lookups. */
  get hasExactLookup(): boolean {
    return this.holders !== undefined;
  }

  /** The keys a document contributes; empty when a sparse or partial index leaves it out. */
  keysOf(doc: Document): IndexKey[] {
    return this.tuplesOf(doc).map((values) => ({ key: values.length === 1 ? toValueKey(values[0]) : values.map(toValueKey).join('\u0000'), values }));
  }

  /** The field values of each key a document contributes (several when a field holds an array). */
  private tuplesOf(doc: Document): unknown[][] {
    if (!this.maintained) return [];
    if (this.sparse && !this.fields.some((field) => hasPath(doc, field))) return [];
    if (this.partial && !this.partial.test(doc)) return [];
    if (this.fields.length === 1) return this.choicesFor(doc, this.fields[0]!).map((value) => [value]);
    let combos: unknown[][] = [[]];
    for (const field of this.fields) {
      const choices = this.choicesFor(doc, field);
      combos = combos.flatMap((combo) => choices.map((choice) => [...combo, choice]));
    }
    return combos;
  }

  /** A missing field is indexed as null; an array contributes each distinct element. */
  private choicesFor(doc: Document, field: string): unknown[] {
    const values = valuesAtPath(doc, field);
    if (values.length === 0) return [null];
    if (values.length === 1) return [values[0] === undefined ? null : values[0]];
    return dedupe(values.map((v) => (v === undefined ? null : v)));
  }

  /** Ids of documents holding this key. */
  holdersOf(key: string): Iterable<string> {
    const holders = this.holders?.get(key);
    if (holders === undefined) return EMPTY;
    return typeof holders === 'string' ? [holders] : holders;
  }

  add(id: string, doc: Document): void {
    const tuples = this.tuplesOf(doc);
    const map = this.holders;
    if (map) {
      for (const { key } of this.keysOf(doc)) {
        const holders = map.get(key);
        if (holders === undefined) map.set(key, id);
        else if (typeof holders === 'string') {
          if (holders !== id) map.set(key, new Set([holders, id]));
        } else holders.add(id);
      }
    }
    if (this.entries && tuples.length > 0) {
      const hasArray = this.fields.some((field) => reachesArray(doc, field));
      this.entries.add(id, doc._id, tuples, hasArray);
    }
  }

  remove(id: string, doc: Document): void {
    const map = this.holders;
    if (map) {
      for (const { key } of this.keysOf(doc)) {
        const holders = map.get(key);
        if (holders === id) map.delete(key);
        else if (typeof holders === 'object') {
          holders.delete(id);
          if (holders.size === 1) map.set(key, [...holders][0]!);
        }
      }
    }
    this.entries?.remove(doc._id, this.tuplesOf(doc));
  }

  /** Whether two versions of a document give the same keys, so an update need not touch this index. */
  sameKeys(previous: Document, next: Document): boolean {
    if (!this.maintained) return true;
    const before = this.keysOf(previous);
    const after = this.keysOf(next);
    return before.length === after.length && before.every((k, i) => k.key === after[i]!.key) && toValueKey(previous._id) === toValueKey(next._id);
  }

  /** The `{ field: value }` document that mongod prints as keyValue for a duplicate key. */
  keyValueDocument(values: unknown[]): Document {
    return Object.fromEntries(this.fields.map((field, i) => [field, values[i]]));
  }
}

const EMPTY: readonly string[] = [];

function dedupe(values: unknown[]): unknown[] {
  const seen = new Map<string, unknown>();
  for (const value of values) seen.set(toValueKey(value), value);
  return [...seen.values()];
}
