/**
 * @module createOutboxDeliverer — takes outbox entries to their consumers: at least once, in order per dossier
 * per consumer, with exponential backoff and a last attempt after which the delivery is dead (and logged). Several
 * server processes may each run one: the outbox leases every entry to one owner at a time. In a national deployment
 * each round runs once per province (`provinces`), inside its scope: it claims that province's entries and its
 * consumers read that province's dossiers; a province whose round fails is logged and the others go on.
 */
import type { Clock } from '../../../engine/src/index';
import type { Logger } from '../logger';
import { runInEachProvince } from '../tenancy/run-in-each-province';
import { backoffDelayMs, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff-policy';
import { DeliveryError } from './delivery-error';
import type { OutboxConsumer } from './outbox-consumer';
import type { ClaimedOutboxEntry, OutboxStore } from './outbox-store';

export interface OutboxDelivererOptions {
  outbox: OutboxStore;
  consumers: readonly OutboxConsumer[];
  clock: Clock;
  /** Who holds the leases: unique per process (e.g. `<hostname>:<pid>:<random>`). */
  owner: string;
  /** How long a claimed entry is ours; longer than any consumer's timeout. 2 minutes by default. */
  leaseMs?: number;
  backoff?: BackoffPolicy;
  /** Dossiers claimed per consumer and round; 20 by default. */
  batchSize?: number;
  /** Polling interval of `start()`; 2 seconds by default. */
  pollIntervalMs?: number;
  /** The provinces delivered for, one after another, each in its own scope; absent: once, in the caller's scope. */
  provinces?: readonly string[];
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
}

export interface OutboxDeliverer {
  /** One round: in each province, for each consumer, claims what is due and delivers it. Resolves with the number delivered. */
  deliverOnce(): Promise<number>;
  /** Polls every `pollIntervalMs` (a round never overlaps the previous one). */
  start(): void;
  /** Stops polling and waits for the round in progress. */
  stop(): Promise<void>;
}

/**
 * @example
 * const deliverer = createOutboxDeliverer({ outbox, consumers: [portal, webhook], clock, owner: `${hostname()}:${process.pid}` });
 * deliverer.start();
 * // on shutdown
 * await deliverer.stop();
 */
export function createOutboxDeliverer(options: OutboxDelivererOptions): OutboxDeliverer {
  const { outbox, consumers, clock, owner } = options;
  // Sized to the work: a round delivers its claimed entries side by side, each within the 10 s delivery timeout, so
  // 30 s is 3× a round; a crashed deliverer's dossiers wait half a minute, not two.
  const leaseMs = options.leaseMs ?? 30_000;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const batchSize = options.batchSize ?? 20;
  const logger = options.logger;

  async function deliverEntry(consumer: OutboxConsumer, entry: ClaimedOutboxEntry, provinceCode: string | undefined): Promise<boolean> {
    try {
      if (consumer.accepts(entry)) await consumer.deliver(entry);
    } catch (error) {
      const message = String((error as Error).message ?? error).slice(0, 500);
      const permanent = error instanceof DeliveryError && error.permanent;
      const last = permanent || entry.attempt >= backoff.maxAttempts;
      const nextAttemptAt = last ? undefined : clock.now() + backoffDelayMs(backoff, entry.attempt);
      await outbox.markFailed(entry.id, consumer.name, owner, message, nextAttemptAt, clock.now());
      const details = { consumer: consumer.name, entryId: entry.id, kind: entry.kind, attempt: entry.attempt, error: message, ...(provinceCode ? { provinceCode } : {}) };
      if (last) logger?.error({ ...details, permanent }, 'outbox delivery is dead: it will not be retried');
      else logger?.warn({ ...details, nextAttemptAt }, 'outbox delivery failed; retrying later');
      return false;
    }
    const recorded = await outbox.markDelivered(entry.id, consumer.name, owner, clock.now());
    // Lost the lease while delivering (it expired and another process took it): that one records the delivery.
    if (!recorded) logger?.warn({ consumer: consumer.name, entryId: entry.id }, 'outbox lease lost during delivery; the entry may be delivered again');
    return recorded;
  }

  async function deliverInProvince(provinceCode: string | undefined): Promise<number> {
    let delivered = 0;
    for (const consumer of consumers) {
      const claimed = await outbox.claimNext(consumer.name, clock.now(), leaseMs, owner, batchSize);
      // Claimed entries belong to distinct dossiers, so they may go out side by side without breaking any order.
      const results = await Promise.all(claimed.map((entry) => deliverEntry(consumer, entry, provinceCode)));
      delivered += results.filter(Boolean).length;
    }
    return delivered;
  }

  async function deliverOnce(): Promise<number> {
    const delivered = await runInEachProvince(options.provinces, deliverInProvince, (error, provinceCode) =>
      logger?.error({ err: error, provinceCode }, 'outbox round of a province failed; its other provinces went on'),
    );
    return delivered.reduce((sum, n) => sum + n, 0);
  }

  let timer: ReturnType<typeof setInterval> | undefined;
  let round: Promise<unknown> | undefined;

  function poll(): void {
    if (round || !timer) return;
    round = deliverOnce()
      .then((delivered) => {
        round = undefined;
        // A round takes one entry per dossier: while it delivers something, go on at once with the next ones
        // instead of waiting a whole interval per entry of a busy dossier.
        if (delivered > 0 && timer) setImmediate(poll);
      })
      .catch((error: unknown) => {
        round = undefined;
        logger?.error({ err: error }, 'outbox round failed');
      });
  }

  return {
    deliverOnce,
    start() {
      if (timer) return;
      timer = setInterval(poll, options.pollIntervalMs ?? 2_000);
      timer.unref?.();
      poll();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await round;
    },
  };
}
