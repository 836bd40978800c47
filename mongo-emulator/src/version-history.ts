/** @module VersionHistory: earlier versions of changed documents, kept while a transaction may still need its snapshot. */
import type { Document } from 'bson';

interface Version {
  /** The write-clock reading of the write that replaced `previous`. */
  seq: number;
  /** The document before that write; undefined when the write inserted it. */
  previous: Document | undefined;
}

/**
 * Transactions read from a snapshot taken when they start (manual: "Read Concern snapshot" in
 * transactions). Writes committed later are undone for them by looking up the version each document
 * had at that moment. Nothing is kept while no transaction is open.
 */
export class VersionHistory {
  private readonly versions = new Map<string, Version[]>();
  private writes = 0;

  record(id: string, seq: number, previous: Document | undefined, horizon: number | undefined): void {
    if (horizon === undefined) {
      if (this.versions.size > 0) this.versions.clear();
      return;
    }
    const list = this.versions.get(id);
    if (list) list.push({ seq, previous });
    else this.versions.set(id, [{ seq, previous }]);
    this.writes += 1;
    if (this.writes % 1024 === 0) this.prune(horizon);
  }

  /** Whether the document was written after `seq` (asked only by open transactions, whose writes are all recorded). */
  changedSince(id: string, seq: number): boolean {
    const list = this.versions.get(id);
    return list !== undefined && list[list.length - 1]!.seq > seq;
  }

  /** Ids written after `seq`. */
  changedAfter(seq: number): string[] {
    const ids: string[] = [];
    for (const [id, list] of this.versions) if (list[list.length - 1]!.seq > seq) ids.push(id);
    return ids;
  }

  /** The document as it was at `seq`: the version replaced by the first later write, else the current one. */
  versionAt(id: string, seq: number, current: Document | undefined): Document | undefined {
    const later = this.versions.get(id)?.find((version) => version.seq > seq);
    return later ? later.previous : current;
  }

  /** Versions replaced before the oldest open transaction began can no longer be asked for. */
  private prune(horizon: number): void {
    for (const [id, list] of this.versions) {
      const kept = list.filter((version) => version.seq > horizon);
      if (kept.length === 0) this.versions.delete(id);
      else if (kept.length !== list.length) this.versions.set(id, kept);
    }
  }
}
