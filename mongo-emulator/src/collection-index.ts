/** @module CollectionIndex: one index of a collection: its spec, key extraction, unique lookups and sorted first field. */
import type { Document } from 'bson';
import { Query } from 'mingo';
import { hasPath, valuesAtPath } from './document-path';
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
  private readonly partial: Query | undefined;
  private readonly holders = new Map<string, Set<string>>();
  private readonly firstField: IndexEntries | undefined;

  constructor(readonly spec: Document) {
    const key = spec.key as Document;
    this.name = spec.name as string;
    this.fields = Object.keys(key);
    this.unique = spec.unique === true;
    this.sparse = spec.sparse === true;
    this.maintained = Object.values(key).every((kind) => ORDERED.has(kind) || kind === 'hashed');
    this.partial = spec.partialFilterExpression ? new Query(spec.partialFilterExpression as Document) : undefined;
    this.firstField = this.maintained && ORDERED.has(key[this.fields[0]!]) ? new IndexEntries() : undefined;
  }

  /** Partial and sparse indexes hold only some documents, so they cannot answer every query on their fields. */
  get coversAllDocuments(): boolean {
    return !this.partial && !this.sparse;
  }

  get sortedFirstField(): IndexEntries | undefined {
    return this.coversAllDocuments ? this.firstField : undefined;
  }

  /** The keys a document contributes; empty when a sparse or partial index leaves it out. */
  keysOf(doc: Document): IndexKey[] {
    if (!this.maintained) return [];
    if (this.sparse && !this.fields.some((field) => hasPath(doc, field))) return [];
    if (this.partial && !this.partial.test(doc)) return [];
    let combos: unknown[][] = [[]];
    for (const field of this.fields) {
      const values = valuesAtPath(doc, field);
      const choices = values.length === 0 ? [null] : dedupe(values.map((v) => (v === undefined ? null : v)));
      combos = combos.flatMap((combo) => choices.map((choice) => [...combo, choice]));
    }
    return combos.map((values) => ({ key: values.map(toValueKey).join('\u0000'), values }));
  }

  /** Ids of documents holding this key. */
  holdersOf(key: string): ReadonlySet<string> {
    return this.holders.get(key) ?? EMPTY;
  }

  add(id: string, doc: Document): void {
    for (const { key } of this.keysOf(doc)) {
      let set = this.holders.get(key);
      if (!set) this.holders.set(key, (set = new Set()));
      set.add(id);
    }
    if (this.firstField && this.keysOf(doc).length > 0) {
      const values = valuesAtPath(doc, this.fields[0]!);
      this.firstField.add(id, values.length === 0 ? [null] : values.map((v) => (v === undefined ? null : v)));
    }
  }

  remove(id: string, doc: Document): void {
    for (const { key } of this.keysOf(doc)) {
      const set = this.holders.get(key);
      set?.delete(id);
      if (set?.size === 0) this.holders.delete(key);
    }
    this.firstField?.remove(id);
  }

  /** The `{ field: value }` document that mongod prints as keyValue for a duplicate key. */
  keyValueDocument(values: unknown[]): Document {
    return Object.fromEntries(this.fields.map((field, i) => [field, values[i]]));
  }
}

const EMPTY: ReadonlySet<string> = new Set();

function dedupe(values: unknown[]): unknown[] {
  const seen = new Map<string, unknown>();
  for (const value of values) seen.set(toValueKey(value), value);
  return [...seen.values()];
}
