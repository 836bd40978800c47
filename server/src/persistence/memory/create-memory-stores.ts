/** @module createMemoryStores — every store port in memory, with transactions, for unit tests and benchmarks. */
import type { Stores } from '../../stores';
import { AsyncMutex } from './async-mutex';
import { MemoryAuditStore } from './memory-audit-store';
import { MemoryDossierStore } from './memory-dossier-store';
import { MemoryProcedureStore } from './memory-procedure-store';
import { MemoryProgressStore } from './memory-progress-store';
import { MemoryStepStore } from './memory-step-store';
import { MemoryTimerStore } from './memory-timer-store';
import { UndoLog } from './undo-log';
import { MemoryUnitOfWork } from './memory-unit-of-work';
import { partitionedByProvince, partitionOf, provincePartitioned } from './province-partitioned';

/**
 * Creates empty in-memory stores. Records are deep-copied in and out, so callers never share stored state. Each
 * province keeps its own records (`provincePartitioned`): a call acts in the province the work runs in, the home
 * province outside any scope.
 * `transaction` runs one unit of work at a time and, when `work` throws, undoes every write it made through the
 * stores it was given and through the stores joined to its `unit` (`MemoryUnitOfWork`: the outbox, the facts). Writes made outside a transaction are not isolated from it (reads may see uncommitted
 * writes); the mongoose adapter is the reference for isolation.
 *
 * @example
 * const stores = createMemoryStores();
 * await stores.transaction(async ({ dossiers, audit }) => {
 *   await dossiers.create(dossier);
 *   await audit.append(entry);
 * });
 */
export function createMemoryStores(): Stores {
  const procedures = partitionedByProvince(MemoryProcedureStore);
  const dossiers = partitionedByProvince(MemoryDossierStore);
  // A step is filtered by the facts of its dossier in the same province, whatever scope reads it.
  const steps = provincePartitioned(MemoryStepStore.nationalReads, (provinceCode) => new MemoryStepStore((dossierId) => partitionOf(dossiers, provinceCode).factsOf(dossierId)));
  const timers = partitionedByProvince(MemoryTimerStore);
  const audit = partitionedByProvince(MemoryAuditStore);
  const progress = partitionedByProvince(MemoryProgressStore);
  const mutex = new AsyncMutex();

  return {
    procedures,
    dossiers,
    steps,
    timers,
    audit,
    progress,
    transaction: (work) =>
      mutex.run(async () => {
        const undo = new UndoLog();
        const inside = {
          procedures: procedures.withUndo(undo),
          dossiers: dossiers.withUndo(undo),
          steps: steps.withUndo(undo),
          timers: timers.withUndo(undo),
          audit: audit.withUndo(undo),
          progress: progress.withUndo(undo),
          unit: new MemoryUnitOfWork(undo),
          writeTogether: <T>(inner: () => Promise<T>) => inner(),
        };
        try {
          return await work(inside);
        } catch (error) {
          undo.rollback();
          throw error;
        }
      }),
  };
}
