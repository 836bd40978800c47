/**
 * @module UnitOfWork — the port of a running transaction. A command's writes (the dossier, its steps, timers,
 * progress, audit, outbox entries and the dashboard's facts) commit or roll back together (Fowler, "Unit of Work";
 * the transactional outbox). `Stores.transaction` opens one and hands it to the work with the stores bound to it;
 * stores built apart from `Stores` (the outbox, the facts) join it through `within(unit)`. The handle is opaque to
 * the use cases: each adapter knows its own (a MongoDB session in its transaction, an in-memory undo log); nothing
 * joins a transaction by an implicit, process-wide setting. A MongoDB store refuses an in-memory unit; an in-memory
 * side store handed a MongoDB unit writes on its own (tests pair a database with in-memory outbox and facts).
 */

/** A running unit of work, as the adapter that opened it knows it. */
export interface UnitOfWork {
  /** Which adapter opened it ('mongo', 'memory'): a store of another adapter cannot join it. */
  readonly adapter: string;
}

/** A store whose writes can join a running unit of work: `within(unit)` is the same store, writing in `unit`. */
export interface JoinsUnitOfWork<T> {
  within(unit: UnitOfWork): T;
}

/** The error of a store handed a unit of work another adapter opened (a wiring bug, never a user's error). */
export function foreignUnitOfWork(store: string, unit: UnitOfWork): Error {
  return new Error(`${store} cannot join a unit of work of the ${unit.adapter} adapter`);
}
