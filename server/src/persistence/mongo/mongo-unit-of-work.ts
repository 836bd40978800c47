/**
 * @module MongoUnitOfWork — the unit of work of the mongoose adapter: the session of one MongoDB multi-document
 * transaction (`connection.transaction`). Every store that joins it names this session in each operation, so its
 * writes commit or abort with the transaction; nothing relies on mongoose lending a session implicitly.
 */
import type { ClientSession } from 'mongoose';
import { foreignUnitOfWork, type UnitOfWork } from '../../unit-of-work';

export class MongoUnitOfWork implements UnitOfWork {
  readonly adapter = 'mongo';
  /** When this attempt of the transaction began (this process's monotonic clock): what its snapshot may have missed. */
  readonly beganAt = performance.now();
  constructor(readonly session: ClientSession) {}
}

/** The session of `unit`; throws when another adapter opened it. */
export function sessionOf(store: string, unit: UnitOfWork): ClientSession {
  if (!(unit instanceof MongoUnitOfWork)) throw foreignUnitOfWork(store, unit);
  return unit.session;
}
