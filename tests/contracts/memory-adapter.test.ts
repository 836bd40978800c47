/**
 * Runs every store contract against the in-memory adapter (the engine's fast unit tests and benchmarks use it), in
 * province 01 beside province 79's records on the same stores (support/beside-neighbour.ts).
 */
import type { Stores } from '../../server/src/stores';
import { createMemoryStores } from '../../server/src/persistence/memory/create-memory-stores';
import { describeAuditStoreContract } from './audit-store.contract';
import { describeDossierStoreContract } from './dossier-store.contract';
import { describeProcedureStoreContract } from './procedure-store.contract';
import { describeStepStoreContract } from './step-store.contract';
import { describeTimerStoreContract } from './timer-store.contract';
import { describeTransactionContract } from './transaction.contract';
import { describeUnitOfWorkContract } from './unit-of-work.contract';
import { describeProvinceIsolationContract } from './province-isolation.contract';
import { MemoryOutboxStore } from '../../server/src/persistence/memory/memory-outbox-store';
import { MemoryDossierFactsStore } from '../../server/src/persistence/memory/memory-dossier-facts-store';
import { partitionedByProvince, provincePartitioned } from '../../server/src/persistence/memory/province-partitioned';
import { dossierFactsNationalReads } from '../../server/src/persistence/memory/dossier-facts-national-reads';
import { actInHomeProvince, besideNeighbour } from './support/beside-neighbour';
import { neighbourStores, neighbourUnitOfWork } from './support/neighbour-records';

actInHomeProvince();

const makeStores = besideNeighbour(async () => createMemoryStores(), neighbourStores);
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
  besideNeighbour(
    async () => ({ stores: createMemoryStores(), outbox: partitionedByProvince(MemoryOutboxStore, ['portal']), facts: provincePartitioned(dossierFactsNationalReads, () => new MemoryDossierFactsStore()) }),
    neighbourUnitOfWork,
  ),
  async () => ({ adapter: 'mongo' }),
  'writesOnItsOwn',
);
describeProvinceIsolationContract('memory', async () => createMemoryStores());
