/** Runs the DraftStore contract against the in-memory adapter, in province 01 beside province 79's records. */
import { MemoryDraftStore } from '../../server/src/persistence/memory/memory-draft-store';
import { describeDraftStoreContract } from './draft-store.contract';
import { partitionedByProvince } from '../../server/src/persistence/memory/province-partitioned';
import { actInHomeProvince, besideNeighbour } from './support/beside-neighbour';
import { neighbourDrafts } from './support/neighbour-records';

actInHomeProvince();

describeDraftStoreContract('memory', besideNeighbour(async () => partitionedByProvince(MemoryDraftStore), neighbourDrafts));
