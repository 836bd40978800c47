/**
 * @module MemoryUnitOfWork — the unit of work of the in-memory adapter: the undo log of one transaction. Every store
 * that joins it records the inverse of each write there, replayed when the work throws.
 */
import type { UnitOfWork } from '../../unit-of-work';
import type { UndoLog } from './undo-log';

export class MemoryUnitOfWork implements UnitOfWork {
  readonly adapter = 'memory';
  constructor(readonly undo: UndoLog) {}
}

/**
 * The undo log of `unit`; undefined for a unit another adapter opened, whose transaction an in-memory store cannot
 * join: it then writes on its own, as tests that pair a MongoDB with in-memory side stores (outbox, facts) expect.
 * The reverse pairing, a MongoDB store handed an in-memory unit, is refused (`sessionOf`).
 */
export function undoOf(unit: UnitOfWork): UndoLog | undefined {
  return unit instanceof MemoryUnitOfWork ? unit.undo : undefined;
}
