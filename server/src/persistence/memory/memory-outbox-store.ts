/**
 * @module MemoryOutboxStore — the outbox in memory: entries, one delivery per consumer, and per consumer the pending
 * deliveries of each dossier, so a claim looks only at dossiers with something pending (the twin of the mongoose
 * adapter's `{consumer, status, dossierId, seq}` index).
 */
import { deliveryStateOf, type ClaimedOutboxEntry, type ConsumerTally, type DeliveryState as ConsoleState, type OutboxDelivery, type OutboxDeliveryView, type OutboxEntry, type OutboxStore } from '../../outbox/outbox-store';
import { paginate } from './paginate';
import type { UndoLog } from './undo-log';
import type { UnitOfWork } from '../../unit-of-work';
import { undoOf } from './memory-unit-of-work';
import { pagedBy, sortedBy, type NationalRead, type NationalReads } from './province-partitioned';

interface DeliveryState extends OutboxDelivery {
  dossierId: string;
  seq: number;
  leaseOwner?: string;
  leaseUntil?: number;
}

export interface MemoryOutboxState {
  entries: Map<string, OutboxEntry>;
  /** `<consumer>\0<entryId>` → delivery. */
  deliveries: Map<string, DeliveryState>;
  /** consumer → dossierId → keys of its pending deliveries. */
  pending: Map<string, Map<string, Set<string>>>;
}

export function createMemoryOutboxState(): MemoryOutboxState {
  return { entries: new Map(), deliveries: new Map(), pending: new Map() };
}

const keyOf = (consumer: string, entryId: string) => `${consumer}\u0000${entryId}`;

function toDelivery(state: DeliveryState): OutboxDelivery {
  const { dossierId: _dossier, seq: _seq, leaseOwner: _owner, leaseUntil: _until, ...delivery } = state;
  return structuredClone(delivery);
}

type Attempted = Pick<OutboxDelivery, 'consumer' | 'entryId' | 'nextAttemptAt'>;
const latestAttemptFirst = (a: Attempted, b: Attempted): number => b.nextAttemptAt - a.nextAttemptAt || (keyOf(a.consumer, a.entryId) < keyOf(b.consumer, b.entryId) ? -1 : 1);
const byConsumer = (a: OutboxDelivery, b: OutboxDelivery): number => (a.consumer < b.consumer ? -1 : a.consumer > b.consumer ? 1 : 0);

/** Every province's tally of each consumer, added up: counts summed, the earliest failure, the latest error. */
function sumTallies(byProvince: ConsumerTally[][]): ConsumerTally[] {
  const sums = new Map<string, ConsumerTally>();
  for (const tally of byProvince.flat()) {
    const sum = sums.get(tally.consumer);
    if (!sum) {
      sums.set(tally.consumer, { ...tally });
      continue;
    }
    sum.pending += tally.pending;
    sum.retrying += tally.retrying;
    sum.dead += tally.dead;
    if (tally.failingSince !== undefined) sum.failingSince = Math.min(sum.failingSince ?? tally.failingSince, tally.failingSince);
    if (tally.lastAttemptAt !== undefined && tally.lastAttemptAt >= (sum.lastAttemptAt ?? -Infinity)) {
      sum.lastAttemptAt = tally.lastAttemptAt;
      sum.lastError = tally.lastError;
    }
  }
  return [...sums.values()];
}

export class MemoryOutboxStore implements OutboxStore {
  /** How each read is answered in a national scope; every other method writes (province-partitioned.ts). */
  static readonly nationalReads: NationalReads<MemoryOutboxStore> = {
    listDeliveries: pagedBy(1, () => latestAttemptFirst),
    tallyByConsumer: { combine: (answers) => sumTallies(answers as ConsumerTally[][]) } satisfies NationalRead,
    listByDossier: sortedBy<OutboxEntry>((a, b) => a.seq - b.seq),
    deliveries: sortedBy<OutboxDelivery>(byConsumer),
  };

  /**
   * @param consumers the consumers every entry is delivered to (each gets one pending delivery per entry)
   * @param undo set by `withUndo`: the writes of a unit of work, undone when it throws
   */
  constructor(
    private readonly consumers: readonly string[],
    private readonly state: MemoryOutboxState = createMemoryOutboxState(),
    private readonly undo?: UndoLog,
  ) {}

  /** The same outbox, recording the inverse of each write in `undo` (for an in-memory transaction). */
  withUndo(undo: UndoLog): MemoryOutboxStore {
    return new MemoryOutboxStore(this.consumers, this.state, undo);
  }

  /** The same outbox inside a unit of work of the memory adapter: its writes are undone if the unit throws. */
  within(unit: UnitOfWork): MemoryOutboxStore {
    const undo = undoOf(unit);
    return undo ? this.withUndo(undo) : this;
  }

  async enqueue(entries: OutboxEntry[]): Promise<void> {
    for (const entry of entries) {
      if (this.state.entries.has(entry.id)) continue;
      this.state.entries.set(entry.id, structuredClone(entry));
      this.undo?.record(() => this.state.entries.delete(entry.id));
      for (const consumer of this.consumers) {
        this.put(consumer, {
          entryId: entry.id,
          consumer,
          dossierId: entry.dossierId,
          seq: entry.seq,
          status: 'pending',
          attempts: 0,
          nextAttemptAt: entry.createdAt,
        });
      }
    }
  }

  async claimNext(consumer: string, now: number, leaseMs: number, owner: string, limit: number): Promise<ClaimedOutboxEntry[]> {
    const heads: DeliveryState[] = [];
    for (const keys of this.state.pending.get(consumer)?.values() ?? []) {
      let head: DeliveryState | undefined;
      for (const key of keys) {
        const delivery = this.state.deliveries.get(key)!;
        if (!head || delivery.seq < head.seq) head = delivery;
      }
      // Only the oldest pending entry of a dossier may go out; it waits for its next attempt and any live lease.
      if (head && head.nextAttemptAt <= now && (head.leaseUntil === undefined || head.leaseUntil <= now)) heads.push(head);
    }
    heads.sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.seq - b.seq || (a.dossierId < b.dossierId ? -1 : 1));
    return heads.slice(0, limit).map((head) => {
      const attempts = head.attempts + 1;
      this.put(consumer, { ...head, attempts, leaseOwner: owner, leaseUntil: now + leaseMs });
      return { ...structuredClone(this.state.entries.get(head.entryId)!), attempt: attempts };
    });
  }

  async markDelivered(entryId: string, consumer: string, owner: string, at: number): Promise<boolean> {
    const current = this.state.deliveries.get(keyOf(consumer, entryId));
    if (current?.status !== 'pending' || current.leaseOwner !== owner) return false;
    const { leaseOwner: _owner, leaseUntil: _until, lastError: _error, failingSince: _since, ...rest } = current;
    this.put(consumer, { ...rest, status: 'delivered', deliveredAt: at, lastAttemptAt: at });
    return true;
  }

  async markFailed(entryId: string, consumer: string, owner: string, error: string, nextAttemptAt: number | undefined, at?: number): Promise<void> {
    const current = this.state.deliveries.get(keyOf(consumer, entryId));
    if (current?.status !== 'pending' || current.leaseOwner !== owner) return;
    const { leaseOwner: _owner, leaseUntil: _until, ...rest } = current;
    const attempt = at === undefined ? {} : { lastAttemptAt: at, failingSince: Math.min(rest.failingSince ?? at, at) };
    this.put(
      consumer,
      nextAttemptAt === undefined ? { ...rest, ...attempt, status: 'dead', lastError: error } : { ...rest, ...attempt, lastError: error, nextAttemptAt },
    );
  }

  async listDeliveries(query: { consumer?: string; state?: ConsoleState }, page: { offset: number; limit: number }): Promise<{ items: OutboxDeliveryView[]; total: number }> {
    const found = [...this.state.deliveries.values()]
      .filter((delivery) => (query.consumer === undefined || delivery.consumer === query.consumer) && (query.state === undefined || deliveryStateOf(delivery) === query.state))
      .sort(latestAttemptFirst);
    const result = paginate(found, page);
    return {
      items: result.items.map((delivery) => {
        const entry = this.state.entries.get(delivery.entryId)!;
        return { ...toDelivery(delivery), state: deliveryStateOf(delivery), dossierId: delivery.dossierId, seq: delivery.seq, kind: entry.kind, createdAt: entry.createdAt };
      }),
      total: result.total,
    };
  }

  async tallyByConsumer(): Promise<ConsumerTally[]> {
    const tallies = new Map<string, ConsumerTally>(this.consumers.map((consumer) => [consumer, { consumer, pending: 0, retrying: 0, dead: 0 }]));
    for (const delivery of this.state.deliveries.values()) {
      const tally = tallies.get(delivery.consumer);
      const state = deliveryStateOf(delivery);
      if (!tally || (state !== 'pending' && state !== 'retrying' && state !== 'dead')) continue;
      tally[state] += 1;
      if (delivery.failingSince !== undefined) tally.failingSince = Math.min(tally.failingSince ?? delivery.failingSince, delivery.failingSince);
      if (delivery.lastError !== undefined && delivery.lastAttemptAt !== undefined && delivery.lastAttemptAt >= (tally.lastAttemptAt ?? -Infinity)) {
        tally.lastAttemptAt = delivery.lastAttemptAt;
        tally.lastError = delivery.lastError;
      }
    }
    return [...tallies.values()];
  }

  async replay(entryId: string, consumer: string, at: number): Promise<OutboxDelivery | undefined> {
    const current = this.state.deliveries.get(keyOf(consumer, entryId));
    if (current?.status !== 'pending' && current?.status !== 'dead') return undefined;
    const { leaseOwner: _owner, leaseUntil: _until, lastError: _error, ...rest } = current;
    this.put(consumer, { ...rest, status: 'pending', attempts: 0, nextAttemptAt: at });
    return toDelivery(this.state.deliveries.get(keyOf(consumer, entryId))!);
  }

  async skip(entryId: string, consumer: string, _at: number): Promise<OutboxDelivery | undefined> {
    const current = this.state.deliveries.get(keyOf(consumer, entryId));
    if (current?.status !== 'pending' && current?.status !== 'dead') return undefined;
    const { leaseOwner: _owner, leaseUntil: _until, failingSince: _since, ...rest } = current;
    this.put(consumer, { ...rest, status: 'skipped' });
    return toDelivery(this.state.deliveries.get(keyOf(consumer, entryId))!);
  }

  async listByDossier(dossierId: string): Promise<OutboxEntry[]> {
    return [...this.state.entries.values()]
      .filter((entry) => entry.dossierId === dossierId)
      .sort((a, b) => a.seq - b.seq)
      .map((entry) => structuredClone(entry));
  }

  async deliveries(entryId: string): Promise<OutboxDelivery[]> {
    return [...this.state.deliveries.values()]
      .filter((delivery) => delivery.entryId === entryId)
      .sort(byConsumer)
      .map(toDelivery);
  }

  /** Stores a new version of a delivery, indexes it, and records how to restore the previous one. */
  private put(consumer: string, delivery: DeliveryState): void {
    const key = keyOf(consumer, delivery.entryId);
    const previous = this.state.deliveries.get(key);
    this.index(key, delivery);
    this.undo?.record(() => this.index(key, previous, delivery));
  }

  private index(key: string, delivery: DeliveryState | undefined, replaced = this.state.deliveries.get(key)): void {
    const { deliveries, pending } = this.state;
    const of = delivery ?? replaced;
    if (!of) return;
    const byDossier = pending.get(of.consumer) ?? new Map<string, Set<string>>();
    pending.set(of.consumer, byDossier);
    const keys = byDossier.get(of.dossierId) ?? new Set<string>();
    if (delivery) deliveries.set(key, delivery);
    else deliveries.delete(key);
    if (delivery?.status === 'pending') keys.add(key);
    else keys.delete(key);
    if (keys.size > 0) byDossier.set(of.dossierId, keys);
    else byDossier.delete(of.dossierId);
  }
}
