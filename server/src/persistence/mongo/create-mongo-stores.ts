/** @module createMongoStores — every store port on MongoDB through mongoose, with multi-document transactions. */
import type { ClientSession, Connection } from 'mongoose';
import type { Stores } from '../../stores';
import { auditModel } from './audit-model';
import { counterModel } from './counter-model';
import { dossierModel } from './dossier-model';
import { MongoAuditStore } from './mongo-audit-store';
import { MongoDossierStore } from './mongo-dossier-store';
import { MongoProcedureStore, ProcedureVersionCache } from './mongo-procedure-store';
import { MongoProgressStore } from './mongo-progress-store';
import { progressModel } from './progress-model';
import { MongoStepStore } from './mongo-step-store';
import { MongoTimerStore } from './mongo-timer-store';
import { procedureModel } from './procedure-model';
import { stepModel } from './step-model';
import { timerModel } from './timer-model';
import { MongoUnitOfWork } from './mongo-unit-of-work';
import { backfillProvince } from './backfill-province';
import { learnBulkWriteSupport, writeTogether } from './unit-write-batch';

/**
 * Creates the stores on `connection` after creating their collections and syncing their indexes (unique keys,
 * the sweeper's `{status, dueAt}` index …). `transaction` runs `work` in a MongoDB transaction with the session
 * passed to every operation of the stores it hands to `work`, and as their `unit` (a `MongoUnitOfWork`) for the
 * stores that join it (the outbox, the facts); the driver retries `work` on transient errors, so
 * `work` must not have effects outside the stores. Transactions need a replica set (a one-member one will do).
 *
 * @example
 * const connection = await connectMongoose(uri, { dbName: 'lienthong' });
 * const stores = await createMongoStores(connection);
 */
export interface MongoStoresOptions {
  /**
   * Called with each transaction's session id before the transaction writes anything; the server notes it on the
   * request's Idempotency-Key, so that a retry after this process died can kill the transaction (issue 13).
   */
  noteTransaction?: (transactionId: string) => Promise<void>;
}

export async function createMongoStores(connection: Connection, options: MongoStoresOptions = {}): Promise<Stores> {
  const models = {
    procedures: procedureModel(connection),
    dossiers: dossierModel(connection),
    steps: stepModel(connection),
    timers: timerModel(connection),
    audit: auditModel(connection),
    counters: counterModel(connection),
    progress: progressModel(connection),
  };
  // Documents stored before provinces get the home province (or start-up stops, nationally) before any index.
  await backfillProvince(connection);
  // Collections first: a transaction cannot always create one, and syncIndexes needs it to list indexes.
  for (const model of Object.values(models)) {
    await model.createCollection();
    await model.syncIndexes();
  }

  await learnBulkWriteSupport(connection.getClient());
  const versions = new ProcedureVersionCache();
  const storesFor = (session?: ClientSession) => ({
    procedures: new MongoProcedureStore(models.procedures, session, versions),
    dossiers: new MongoDossierStore(models.dossiers, models.counters, session),
    steps: new MongoStepStore(models.steps, models.dossiers, session),
    timers: new MongoTimerStore(models.timers, session),
    audit: new MongoAuditStore(models.audit, session),
    progress: new MongoProgressStore(models.progress, session),
  });

  return {
    ...storesFor(),
    transaction: (work) =>
      connection.transaction(async (session) => {
        const sessionId = session.id?.id;
        if (options.noteTransaction && sessionId) await options.noteTransaction(Buffer.from(sessionId.buffer).toString('hex'));
        const client = connection.getClient();
        return work({ ...storesFor(session), unit: new MongoUnitOfWork(session), writeTogether: (inner) => writeTogether(client, session, inner) });
      }),
  };
}
