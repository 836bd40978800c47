/** @module Collection: the committed documents of one namespace, keyed by `_id`, with their indexes. */
import { UUID, type Document } from 'bson';
import { compileFilter } from './compiled-filter';
import type { DocumentStore } from './document-store';
import { IndexManager } from './index-manager';
import type { Persistence } from './persistence';
import { bestPlan, planCandidates, plannerOptions, sortedPlan } from './query-planner';
import { toValueKey } from './value-key';
import { VersionHistory } from './version-history';
import type { WriteClock } from './write-clock';

export class Collection implements DocumentStore {
  readonly docs = new Map<string, Document>();
  readonly indexes: IndexManager;
  readonly uuid: UUID;
  /** Earlier versions and write times of documents, kept only while a transaction is open. */
  private readonly history = new VersionHistory();
  /** Where each committed change is staged to be written to disk; none for an in-memory emulator. */
  private persistence: Persistence | undefined;

  constructor(
    readonly namespace: string,
    readonly options: Document,
    private readonly clock: WriteClock,
    uuid?: string,
  ) {
    this.uuid = uuid ? new UUID(uuid) : new UUID();
    this.indexes = new IndexManager(namespace, () => this.persistMetadata());
  }

  /** From now on every change is staged in `persistence`; a new collection stages itself first. */
  persistTo(persistence: Persistence | undefined, { created }: { created: boolean }): void {
    this.persistence = persistence;
    if (created) this.persistMetadata();
  }

  /** A document read back from disk at start: indexed, not re-written. */
  restoreDocument(doc: Document): void {
    const id = toValueKey(doc._id);
    this.docs.set(id, doc);
    this.indexes.add(id, doc);
  }

  private persistMetadata(): void {
    const indexes = this.indexes.list().filter((index) => index.name !== '_id_').map((index) => index.spec);
    this.persistence?.putCollection({ namespace: this.namespace, options: this.options, uuid: this.uuid.toHexString(), indexes });
  }

  find(filter: Document): Document[] {
    const query = compileFilter(filter);
    const candidates = planCandidates(filter, this.indexes.list());
    const source = candidates ? candidates.map((id) => this.docs.get(id)).filter((d) => d !== undefined) : this.docs.values();
    const result: Document[] = [];
    for (const doc of source) if (query.test(doc)) result.push(doc);
    return result;
  }

  /**
   * The first `count` matches in the sort's order, read from an index walked in that order and stopped early;
   * undefined when no index serves the sort, or when the filter's own candidates are few enough to sort.
   */
  findSorted(filter: Document, sort: Document | undefined, count: number): Document[] | undefined {
    if (count <= 0) return undefined;
    const indexes = this.indexes.list();
    const walk = sortedPlan(filter, sort, indexes);
    if (!walk) return undefined;
    const candidates = bestPlan(filter, indexes);
    if (candidates && candidates.estimate < Math.min(walk.estimate, 10_000) && !plannerOptions.preferSortedWalk) return undefined;
    const query = compileFilter(filter);
    const result: Document[] = [];
    const seen = new Set<string>();
    for (const id of walk.ids()) {
      if (seen.has(id)) continue;
      seen.add(id);
      const doc = this.docs.get(id);
      if (doc && query.test(doc)) result.push(doc);
      if (result.length >= count) break;
    }
    return result;
  }

  getById(id: string): Document | undefined {
    return this.docs.get(id);
  }

  /** Whether a committed write (including a removal) touched the document after `sequence`: a write conflict for a transaction. */
  changedSince(id: string, sequence: number): boolean {
    return this.history.changedSince(id, sequence);
  }

  /** Ids written after `sequence` (only known while a transaction is open). */
  idsChangedAfter(sequence: number): string[] {
    return this.history.changedAfter(sequence);
  }

  /** The document as a transaction that began at `sequence` sees it. */
  versionAt(id: string, sequence: number): Document | undefined {
    return this.history.versionAt(id, sequence, this.docs.get(id));
  }

  private stamp(id: string, previous: Document | undefined): void {
    this.history.record(id, this.clock.next(), previous, this.clock.snapshotHorizon());
  }

  insert(doc: Document): void {
    const id = toValueKey(doc._id);
    this.indexes.assertUnique(doc, '');
    this.stamp(id, undefined);
    this.docs.set(id, doc);
    this.indexes.add(id, doc);
    this.persistence?.putDocument(this.namespace, id, doc);
  }

  replace(previous: Document, next: Document): void {
    const id = toValueKey(previous._id);
    this.indexes.assertUnique(next, id);
    const stored = this.docs.get(id);
    this.stamp(id, stored);
    this.docs.set(id, next);
    if (stored) this.indexes.update(id, stored, next);
    else this.indexes.add(id, next);
    this.persistence?.putDocument(this.namespace, id, next);
  }

  remove(doc: Document): void {
    const id = toValueKey(doc._id);
    const stored = this.docs.get(id);
    if (!stored) return;
    this.stamp(id, stored);
    this.indexes.remove(id, stored);
    this.docs.delete(id);
    this.persistence?.removeDocument(this.namespace, id);
  }

  count(): number {
    return this.docs.size;
  }
}
