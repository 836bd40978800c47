/** @module Storage: databases → collections → documents, all in memory (nothing is written to --dbpath). */
import type { Document } from 'bson';
import { Collection } from './collection';
import { CommandError } from './command-error';
import { WriteClock } from './write-clock';

export class Storage {
  readonly clock = new WriteClock();
  private readonly databases = new Map<string, Map<string, Collection>>();

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
    let collections = this.databases.get(db);
    if (!collections) this.databases.set(db, (collections = new Map()));
    const collection = new Collection(`${db}.${name}`, options, this.clock);
    collections.set(name, collection);
    return collection;
  }

  dropCollection(db: string, name: string): boolean {
    const collections = this.databases.get(db);
    const dropped = collections?.delete(name) ?? false;
    if (collections?.size === 0) this.databases.delete(db);
    return dropped;
  }

  dropDatabase(db: string): void {
    this.databases.delete(db);
  }

  databaseNames(): string[] {
    return [...this.databases.keys()];
  }

  collectionsOf(db: string): Collection[] {
    return [...(this.databases.get(db)?.values() ?? [])];
  }
}
