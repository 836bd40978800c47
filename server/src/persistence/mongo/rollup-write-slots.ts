/**
 * @module RollupWriteSlots — which write slot of the dashboard's rollups a unit of work increments
 * (`statistics/dossier-rollup.ts`, "Contention").
 *
 * Every dossier command adds to the rollup documents of its procedure and route in its own transaction. On MongoDB
 * two transactions that write one document meet a write conflict, and the loser's whole command runs again; nine
 * concurrent intakes of one procedure ran 6–7 transactions each (`bench/load-bench.ts`, the database's own count).
 * So each session in flight in this process holds its own slot from its first rollup write until the session ends
 * (its retries keep it): the lowest slot that is free and was last released before the transaction began. A slot
 * released after that would still conflict: the transaction reads from a snapshot taken when it began, and MongoDB
 * refuses a write to a document changed since (snapshot isolation). Commands of one process then never conflict on a
 * rollup. Processes share the numbering, so two processes writing one key at the same instant may still conflict, and
 * one retries, as before. Slots are capped (`MAX_SLOTS`): a key's documents per bucket stay few, and the readers, who
 * add them up, read few; past the cap the last slot is shared.
 *
 * Hand-written: a pool of small integers, nothing a library offers for this.
 */
import type { ClientSession } from 'mongoose';

const MAX_SLOTS = 24;

export class RollupWriteSlots {
  /** Slot → the session holding it. */
  private readonly held = new Map<number, ClientSession>();
  /** Slot → when it was last released (`performance.now()`). */
  private readonly releasedAt = new Map<number, number>();
  private readonly bySession = new WeakMap<ClientSession, number>();

  /** The slot of `session`, whose transaction began at `beganAt` (`performance.now()`): its own while it lasts. */
  slotOf(session: ClientSession | undefined, beganAt: number): number {
    if (!session) return 0;
    const known = this.bySession.get(session);
    if (known !== undefined) return known;
    let slot = 0;
    while (slot < MAX_SLOTS - 1 && (this.held.has(slot) || (this.releasedAt.get(slot) ?? Number.NEGATIVE_INFINITY) >= beganAt)) slot += 1;
    this.bySession.set(session, slot);
    if (!this.held.has(slot)) {
      this.held.set(slot, session);
      session.once('ended', () => {
        this.held.delete(slot);
        this.releasedAt.set(slot, performance.now());
      });
    }
    return slot;
  }
}
