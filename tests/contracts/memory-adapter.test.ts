/** Runs every store contract against the in-memory adapter (the engine's fast unit tests and benchmarks use it). */
import type { Stores } from '../../server/src/stores';
import { createMemoryStores } from '../../server/src/persistence/memory/create-memory-stores';
import { describeAuditStoreContract } from './audit-store.contract';
import { describeDossierStoreContract } from './dossier-store.contract';
import { describeProcedureStoreContract } from './procedure-store.contract';
import { describeStepStoreContract } from './step-store.contract';
import { describeTimerStoreContract } from './timer-store.contract';
import { describeTransactionContract } from './transaction.contract';
import { describeUnitOfWorkContract } from './unit-of-work.contract';
import { MemoryOutboxStore } from '../../server/src/persistence/memory/memory-outbox-store';
import { MemoryDossierFactsStore } from '../../server/src/persistence/memory/memory-dossier-facts-store';

const makeStores = async () => createMemoryStores();
/** In memory there is one process: "another process" sees the very same stores. */
const openAgain = async (stores: Stores) => stores;

describeProcedureStoreContract('memory', makeStores);
describeDossierStoreContract('memory', makeStores, openAgain);
describeStepStoreContract('memory', makeStores);
describeTimerStoreContract('memory', makeStores, openAgain);
describeAuditStoreContract('memory', makeStores);
describeTransactionContract('memory', makeStores);
describeUnitOfWorkContract(
  'memory',
  async () => ({ stores: createMemoryStores(), outbox: new MemoryOutboxStore(['portal']), facts: new MemoryDossierFactsStore() }),
  async () => ({ adapter: 'mongo' }),
  'writesOnItsOwn',
);
