/** @module startTtlMonitor: removes documents whose TTL index date has expired, as mongod's TTL monitor does. */
import type { Document } from 'bson';
import type { ReplicaSetState } from './replica-set-state';
import type { Storage } from './storage';

/**
 * Every `ttlMonitorSleepSecs` (60 by default, settable with --setParameter like mongod) each single-field index
 * with expireAfterSeconds removes the documents whose field holds a date (or an array with a date) older than
 * now minus that many seconds (manual: "TTL Indexes"). Only a primary deletes; the pass is not in a transaction.
 */
export function startTtlMonitor(storage: Storage, replication: ReplicaSetState, sleepSecs: number): () => void {
  const timer = setInterval(() => {
    if (removeExpired(storage, replication) > 0) void storage.persist();
  }, sleepSecs * 1000);
  timer.unref();
  return () => clearInterval(timer);
}

export function removeExpired(storage: Storage, replication: ReplicaSetState, now = new Date()): number {
  if (!replication.isPrimary) return 0;
  let removed = 0;
  for (const db of storage.databaseNames()) {
    for (const collection of storage.collectionsOf(db)) {
      for (const index of collection.indexes.list()) {
        const seconds = index.spec.expireAfterSeconds;
        if (typeof seconds !== 'number' || index.fields.length !== 1) continue;
        const cutoff = new Date(now.getTime() - seconds * 1000);
        const filter: Document = { [index.fields[0]!]: { $lt: cutoff } };
        if (index.spec.partialFilterExpression) Object.assign(filter, { $and: [index.spec.partialFilterExpression] });
        for (const doc of collection.find(filter)) {
          collection.remove(doc);
          removed += 1;
        }
      }
    }
  }
  return removed;
}
