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
  /** key → the id holding it, or a set when several do (only in non-unique indexes); one string per key saves memory. */
  private readonly holders = new Map<string, string | Set<string>>();
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
    if (this.fields.length === 1) {
      return this.choicesFor(doc, this.fields[0]!).map((value) => ({ key: toValueKey(value), values: [value] }));
    }
    let combos: unknown[][] = [[]];
    for (const field of this.fields) {
      const choices = this.choicesFor(doc, field);
      combos = combos.flatMap((combo) => choices.map((choice) => [...combo, choice]));
    }
    return combos.map((values) => ({ key: values.map(toValueKey).join('\u0000'), values }));
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
    const holders = this.holders.get(key);
    if (holders === undefined) return EMPTY;
    return typeof holders === 'string' ? [holders] : holders;
  }

  add(id: string, doc: Document): void {
    const keys = this.keysOf(doc);
    for (const { key } of keys) {
      const holders = this.holders.get(key);
      if (holders === undefined) this.holders.set(key, id);
      else if (typeof holders === 'string') {
        if (holders !== id) this.holders.set(key, new Set([holders, id]));
      } else holders.add(id);
    }
    if (this.firstField && keys.length > 0) this.firstField.add(id, this.choicesFor(doc, this.fields[0]!));
  }

  remove(id: string, doc: Document): void {
    for (const { key } of this.keysOf(doc)) {
      const holders = this.holders.get(key);
      if (holders === id) this.holders.delete(key);
      else if (typeof holders === 'object') {
        holders.delete(id);
        if (holders.size === 1) this.holders.set(key, [...holders][0]!);
      }
    }
    this.firstField?.remove(id);
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
