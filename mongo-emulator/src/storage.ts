/**
 * @module Storage: databases → collections → documents, in memory; with a Persistence (--dbpath), every change is
 * also written to disk before the command that made it is answered, and everything is read back at start.
 */
import type { Document } from 'bson';
import { Collection } from './collection';
import { CommandError } from './command-error';
import type { Persistence } from './persistence';
import { WriteClock } from './write-clock';

export class Storage {
  readonly clock = new WriteClock();
  private readonly databases = new Map<string, Map<string, Collection>>();

  constructor(readonly persistence?: Persistence) {
    if (persistence) this.restore(persistence);
  }

  /** Whether acknowledged writes survive the process (a --dbpath store) or live in memory only. */
  get durable(): boolean {
    return this.persistence !== undefined;
  }

  getCollection(db: string, name: string): Collection | undefined {
    return this.databases.get(db)?.get(name);
  }

  /** Inserts and index creation create the collection implicitly (manual: "Databases and Collections"). */
  ensureCollection(db: string, name: string, options: Document = {}): Collection {
    const existing = this.getCollection(db, name);
    if (existing) return existing;
    if (name.length === 0 || name.includes('$') || name.startsWith('system.') || name.includes('\0')) {
      throw new CommandError({ code: 73, message: `Invalid collection name: ${db}.${name}` });
    }
    const collection = this.addCollection(db, name, options);
    collection.persistTo(this.persistence, { created: true });
    return collection;
  }

  dropCollection(db: string, name: string): boolean {
    const collections = this.databases.get(db);
    const dropped = collections?.delete(name) ?? false;
    if (collections?.size === 0) this.databases.delete(db);
    if (dropped) this.persistence?.dropCollection(`${db}.${name}`);
    return dropped;
  }

  dropDatabase(db: string): void {
    for (const collection of this.collectionsOf(db)) this.persistence?.dropCollection(collection.namespace);
    this.databases.delete(db);
  }

  databaseNames(): string[] {
    return [...this.databases.keys()];
  }

  collectionsOf(db: string): Collection[] {
    return [...(this.databases.get(db)?.values() ?? [])];
  }

  /** Writes the changes made since the last call; resolves once they are durable (at once without a Persistence). */
  persist(): Promise<void> {
    return this.persistence?.commit() ?? Promise.resolve();
  }

  private addCollection(db: string, name: string, options: Document, uuid?: string): Collection {
    let collections = this.databases.get(db);
    if (!collections) this.databases.set(db, (collections = new Map()));
    const collection = new Collection(`${db}.${name}`, options, this.clock, uuid);
    collections.set(name, collection);
    return collection;
  }

  /** Reads collections, then documents, then builds the secondary indexes over them; nothing is re-written. */
  private restore(persistence: Persistence): void {
    const byNamespace = new Map<string, Collection>();
    const metadata = persistence.readCollections();
    for (const { namespace, options, uuid } of metadata) {
      const dot = namespace.indexOf('.');
      byNamespace.set(namespace, this.addCollection(namespace.slice(0, dot), namespace.slice(dot + 1), options, uuid));
    }
    for (const { namespace, doc } of persistence.readDocuments()) byNamespace.get(namespace)?.restoreDocument(doc);
    for (const { namespace, indexes } of metadata) {
      const collection = byNamespace.get(namespace)!;
      for (const spec of indexes) collection.indexes.create(spec, collection.docs.entries());
      collection.persistTo(persistence, { created: false });
    }
  }
}
