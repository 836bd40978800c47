/**
 * @module outbox-store — the transactional outbox: every status change, progress record and notification is written
 * in the same unit of work as the change itself, then delivered at least once, in order per dossier, to each
 * consumer (national portal, webhooks, e-mail, SMS/Zalo gateway) by the outbox deliverer.
 */

/** What happened, as the outbox keeps it. `payload` is plain JSON in the shape its kind defines. */
export type OutboxKind =
  | 'dossier.status_changed'
  | 'dossier.progress_recorded'
  | 'notification.official'
  | 'notification.citizen';

export interface OutboxEntry {
  /** Unique and deterministic (e.g. `<dossierId>:<seq>`), so writing the same entry twice is harmless. */
  id: string;
  dossierId: string;
  /** Order within the dossier: 1, 2, 3 … assigned by the writer inside the dossier's unit of work. */
  seq: number;
  kind: OutboxKind;
  payload: Record<string, unknown>;
  createdAt: number;
}

/** Delivery state of one entry for one consumer. */
export interface OutboxDelivery {
  entryId: string;
  consumer: string;
  status: 'pending' | 'delivered' | 'dead';
  attempts: number;
  nextAttemptAt: number;
  lastError?: string;
  deliveredAt?: number;
}

/** An entry as `claimNext` hands it out: with the number of this attempt (1 for the first), for the backoff. */
export interface ClaimedOutboxEntry extends OutboxEntry {
  attempt: number;
}

/**
 * Every adapter is built with the names of its consumers: `enqueue` creates one pending delivery per consumer, so
 * that claiming is one indexed query per consumer. A dead delivery (after the last attempt) no longer holds back
 * the later entries of its dossier: it is logged and kept for an operator to replay.
 */
export interface OutboxStore {
  /** Appends entries (idempotent by id). Called inside the same transaction as the change they record. */
  enqueue(entries: OutboxEntry[]): Promise<void>;
  /**
   * For `consumer`, leases the oldest undelivered entry of up to `limit` dossiers whose next attempt is due and
   * whose earlier entries are all delivered (order per dossier), until `now + leaseMs`. Each claim counts as an
   * attempt, so an entry that crashes its deliverer still ends dead.
   */
  claimNext(consumer: string, now: number, leaseMs: number, owner: string, limit: number): Promise<ClaimedOutboxEntry[]>;
  /** Records the delivery; false when `owner` no longer holds the lease (another owner took it after it expired). */
  markDelivered(entryId: string, consumer: string, owner: string, at: number): Promise<boolean>;
  /** Records a failed attempt and when to try again (backoff), or `dead` after the last attempt. */
  markFailed(entryId: string, consumer: string, owner: string, error: string, nextAttemptAt: number | undefined): Promise<void>;
  listByDossier(dossierId: string): Promise<OutboxEntry[]>;
  deliveries(entryId: string): Promise<OutboxDelivery[]>;
}
