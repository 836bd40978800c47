/** @module OutboxConsumer — a destination of outbox entries (national portal, a webhook, e-mail, the SMS/Zalo gateway). */
import type { ClaimedOutboxEntry, OutboxEntry } from './outbox-store';

/**
 * A plugin of the outbox deliverer. `name` is stable across restarts: deliveries are recorded under it. An entry
 * the consumer does not `accept` is recorded as delivered without a call, so it does not hold back its dossier.
 * `deliver` resolves once the destination has the entry, and throws (a `DeliveryError` when it knows better) otherwise.
 */
export interface OutboxConsumer {
  readonly name: string;
  accepts(entry: OutboxEntry): boolean;
  deliver(entry: ClaimedOutboxEntry): Promise<void>;
}
