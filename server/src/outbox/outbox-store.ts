/**
 * @module outbox-store — the transactional outbox: every status change, progress record and notification is written
 * in the same unit of work as the change itself, then delivered at least once, in order per dossier, to each
 * consumer (national portal, webhooks, e-mail, SMS/Zalo gateway) by the outbox deliverer.
 */

import type { OutboxEntry, OutboxKind } from '../../../engine/src/index';
import type { JoinsUnitOfWork } from '../unit-of-work';

export type { OutboxEntry, OutboxKind } from '../../../engine/src/index';

/** Delivery state of one entry for one consumer. */
export interface OutboxDelivery {
  entryId: string;
  consumer: string;
  /** `skipped`: an administrator gave up on it from the outbox console (it no longer holds anything back). */
  status: 'pending' | 'delivered' | 'dead' | 'skipped';
  attempts: number;
  nextAttemptAt: number;
  lastError?: string;
  deliveredAt?: number;
  /** When the last attempt ended (failed or delivered). */
  lastAttemptAt?: number;
  /** When the first of its failed attempts since it was last delivered ended: how long this delivery has been failing. */
  failingSince?: number;
}

/**
 * How the outbox console names a delivery: `pending` (not tried yet, or tried and in flight), `retrying` (failed, to
 * be tried again after its backoff), `dead` (no attempt left), `delivered`, `skipped`.
 */
export type DeliveryState = 'pending' | 'retrying' | 'dead' | 'delivered' | 'skipped';

export const DELIVERY_STATES: readonly DeliveryState[] = ['pending', 'retrying', 'dead', 'delivered', 'skipped'];

/** A delivery with what its entry is, for the console's list. */
export interface OutboxDeliveryView extends OutboxDelivery {
  state: DeliveryState;
  dossierId: string;
  seq: number;
  kind: OutboxKind;
  createdAt: number;
}

/** One consumer's backlog: how many deliveries wait, retry or are dead, and its failures. */
export interface ConsumerTally {
  consumer: string;
  pending: number;
  retrying: number;
  dead: number;
  /** The earliest `failingSince` among its retrying and dead deliveries: failing without a break since then. */
  failingSince?: number;
  /** The latest failed attempt among them: its error and when it ended. */
  lastError?: string;
  lastAttemptAt?: number;
}

/** The state the console shows for a stored delivery. */
export function deliveryStateOf(delivery: Pick<OutboxDelivery, 'status' | 'lastError'>): DeliveryState {
  if (delivery.status === 'pending') return delivery.lastError === undefined ? 'pending' : 'retrying';
  return delivery.status;
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
export interface OutboxStore extends JoinsUnitOfWork<OutboxStore> {
  /** Appends entries (idempotent by id). Called through `within(unit)`, in the unit of work of the change they record. */
  enqueue(entries: OutboxEntry[]): Promise<void>;
  /**
   * For `consumer`, leases the oldest undelivered entry of up to `limit` dossiers whose next attempt is due and
   * whose earlier entries are all delivered (order per dossier), until `now + leaseMs`. Each claim counts as an
   * attempt, so an entry that crashes its deliverer still ends dead.
   */
  claimNext(consumer: string, now: number, leaseMs: number, owner: string, limit: number): Promise<ClaimedOutboxEntry[]>;
  /** Records the delivery; false when `owner` no longer holds the lease (another owner took it after it expired). */
  markDelivered(entryId: string, consumer: string, owner: string, at: number): Promise<boolean>;
  /**
   * Records a failed attempt and when to try again (backoff), or `dead` after the last attempt. With `at` (when the
   * attempt ended) it also keeps `lastAttemptAt` and, from the first failure on, `failingSince`.
   */
  markFailed(entryId: string, consumer: string, owner: string, error: string, nextAttemptAt: number | undefined, at?: number): Promise<void>;
  listByDossier(dossierId: string): Promise<OutboxEntry[]>;
  deliveries(entryId: string): Promise<OutboxDelivery[]>;
  /** The console's list: deliveries of `consumer` in `state` (any when absent), the latest next attempt first. */
  listDeliveries(query: { consumer?: string; state?: DeliveryState }, page: { offset: number; limit: number }): Promise<{ items: OutboxDeliveryView[]; total: number }>;
  /** Per consumer the outbox was built with: its pending, retrying and dead deliveries and its failures. */
  tallyByConsumer(): Promise<ConsumerTally[]>;
  /**
   * An administrator's replay: a dead or retrying delivery becomes pending with its attempts from zero, due at `at`
   * (its lease dropped). Returns it as it is now; undefined when there is none or it is delivered or skipped.
   * `failingSince` stays until it is delivered.
   */
  replay(entryId: string, consumer: string, at: number): Promise<OutboxDelivery | undefined>;
  /** An administrator gives up on a dead or waiting delivery: it becomes `skipped`. Same answer as `replay`. */
  skip(entryId: string, consumer: string, at: number): Promise<OutboxDelivery | undefined>;
}
