/** @module LmdbPersistence: the emulator's documents, collections and indexes kept in an LMDB file under --dbpath. */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { BSON, type Document } from 'bson';
import { open, type Database, type RootDatabase } from 'lmdb';
import type { CollectionMetadata, Persistence } from './persistence';

/** The data file inside --dbpath (its lock file is `emulator.mdb-lock` beside it). */
export const DATA_FILE = 'emulator.mdb';

type StagedChange =
  | { kind: 'put'; key: Buffer; value: Buffer }
  | { kind: 'remove'; key: Buffer }
  | { kind: 'putCollection'; namespace: string; value: Buffer }
  | { kind: 'dropCollection'; namespace: string };

/** LMDB keys are limited (1,978 bytes here); an `_id` whose key would be longer is stored under its SHA-256. */
const MAX_PLAIN_ID_BYTES = 1_024;

/** Raw bytes (`binary` key encoding): the ordered-binary encoding would give NUL a meaning of its own. */
function documentKey(namespace: string, id: string): Buffer {
  const plain = Buffer.from(`${namespace}\u0000${id}`);
  if (plain.length <= MAX_PLAIN_ID_BYTES) return plain;
  return Buffer.from(`${namespace}\u0000#${createHash('sha256').update(id).digest('hex')}`);
}

/**
 * One LMDB environment (a B+tree file, copy-on-write, crash-safe: a commit either is wholly there after a crash or
 * not at all) with two named databases: `documents` (namespace + `_id` key → BSON) and `collections` (namespace →
 * BSON metadata). LMDB commits on its writing thread; `commit()` then waits for the fsync, run on LMDB's flushing
 * thread so concurrent commands share it (`overlappingSync`), and the commands of one turn of the event loop share
 * one commit.
 */
export class LmdbPersistence implements Persistence {
  private staged: StagedChange[] = [];
  /** The group commit of this turn of the event loop, once a command has asked for it. */
  private group: Promise<void> | undefined;

  private constructor(
    readonly location: string,
    private readonly root: RootDatabase,
    private readonly documents: Database<Buffer, Buffer>,
    private readonly collections: Database<Buffer, string>,
    private readonly onFailure: (error: unknown) => never,
  ) {}

  /**
   * Opens (or creates) the data file in `dbpath`. `onFailure` is called when a commit fails (disk full, I/O error):
   * memory and disk would disagree from then on, so it must stop the process, as mongod stops on a storage error.
   */
  static open(dbpath: string, onFailure: (error: unknown) => never): LmdbPersistence {
    const location = join(dbpath, DATA_FILE);
    const root = open({ path: location, noSubdir: true, maxDbs: 4 });
    const documents = root.openDB<Buffer, Buffer>({ name: 'documents', encoding: 'binary', keyEncoding: 'binary' });
    const collections = root.openDB<Buffer, string>({ name: 'collections', encoding: 'binary' });
    return new LmdbPersistence(location, root, documents, collections, onFailure);
  }

  putDocument(namespace: string, id: string, doc: Document): void {
    this.staged.push({ kind: 'put', key: documentKey(namespace, id), value: Buffer.from(BSON.serialize(doc)) });
  }

  removeDocument(namespace: string, id: string): void {
    this.staged.push({ kind: 'remove', key: documentKey(namespace, id) });
  }

  putCollection(metadata: CollectionMetadata): void {
    const { namespace, options, uuid, indexes } = metadata;
    this.staged.push({ kind: 'putCollection', namespace, value: Buffer.from(BSON.serialize({ options, uuid, indexes })) });
  }

  dropCollection(namespace: string): void {
    this.staged.push({ kind: 'dropCollection', namespace });
  }

  /**
   * Writes what is staged together with what other commands stage in the same turn of the event loop: one LMDB
   * commit for all of them (a group commit, as mongod's journal groups concurrent writers), each command answered
   * once it is on disk. Under load the synchronous commit was a third of the emulator's time, one per command
   * (bench/README.md, "Load"). A command that staged nothing answers at once: it may have read a write whose commit
   * is still under way, as a read of mongod's (read concern "local") may see one not yet in the journal.
   */
  commit(): Promise<void> {
    if (this.staged.length === 0) return Promise.resolve();
    this.group ??= new Promise<void>((turnEnded) => setImmediate(turnEnded)).then(() => this.writeStaged());
    return this.group;
  }

  private async writeStaged(): Promise<void> {
    this.group = undefined;
    const changes = this.staged;
    this.staged = [];
    if (changes.length === 0) return;
    try {
      // An asynchronous transaction: its callback runs here, and LMDB commits (writes the pages) on its own writing
      // thread, so the event loop serves the next commands meanwhile. The synchronous commit held the loop for
      // most of what the emulator spent on LMDB under load (bench/README.md, "Load").
      await this.root.transaction(() => {
        for (const change of changes) this.apply(change);
      });
      await this.root.flushed;
    } catch (error) {
      this.onFailure(error);
    }
  }

  private apply(change: StagedChange): void {
    switch (change.kind) {
      case 'put':
        this.documents.putSync(change.key, change.value);
        break;
      case 'remove':
        this.documents.removeSync(change.key);
        break;
      case 'putCollection':
        this.collections.putSync(change.namespace, change.value);
        break;
      case 'dropCollection':
        this.collections.removeSync(change.namespace);
        // Keys are collected first: removing while a cursor walks the same tree would move it.
        for (const key of [...this.documents.getKeys({ start: Buffer.from(`${change.namespace}\u0000`), end: Buffer.from(`${change.namespace}\u0001`) })]) {
          this.documents.removeSync(key);
        }
        break;
    }
  }

  readCollections(): CollectionMetadata[] {
    return [...this.collections.getRange()].map(({ key, value }) => {
      const { options, uuid, indexes } = BSON.deserialize(value);
      return { namespace: key, options: options as Document, uuid: uuid as string, indexes: indexes as Document[] };
    });
  }

  *readDocuments(): Iterable<{ namespace: string; doc: Document }> {
    for (const { key, value } of this.documents.getRange()) {
      yield { namespace: key.subarray(0, key.indexOf(0)).toString(), doc: BSON.deserialize(value) };
    }
  }

  async close(): Promise<void> {
    await this.root.close();
  }
}
