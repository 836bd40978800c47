/** @module Persistence: what the storage tells a durable store about each change, and what it reads back at start. */
import type { Document } from 'bson';

/** What a collection is besides its documents: its create options and secondary indexes (never `_id_`). */
export interface CollectionMetadata {
  namespace: string;
  options: Document;
  /** The collection's UUID as hex, kept so listCollections reports the same one after a restart. */
  uuid: string;
  indexes: Document[];
}

/**
 * Changes are staged as commands make them and written together by `commit`, which the dispatcher awaits before it
 * answers: a write is durable before it is acknowledged, and a transaction's writes (applied to the collections at
 * commitTransaction) reach the disk as one atomic batch (manual: "Journaling": "j: true" acknowledgement).
 */
export interface Persistence {
  putDocument(namespace: string, id: string, doc: Document): void;
  removeDocument(namespace: string, id: string): void;
  putCollection(metadata: CollectionMetadata): void;
  /** Removes the collection's metadata and every document of it. */
  dropCollection(namespace: string): void;
  /** Writes what was staged in one transaction; resolves once it is on disk. Nothing staged: resolves at once. */
  commit(): Promise<void>;
  /** Everything stored, for the start: collections first, then documents in namespace order. */
  readCollections(): CollectionMetadata[];
  readDocuments(): Iterable<{ namespace: string; doc: Document }>;
  /** Where the data lives, for the log. */
  readonly location: string;
  close(): Promise<void>;
}
