/** Runs the DraftStore contract against the mongoose adapter, each test on a database of its own, in province 01 beside province 79's records (support/beside-neighbour.ts). */
import { createDraftCollection } from '../../server/src/persistence/mongo/draft-model';
import { MongoDraftStore } from '../../server/src/persistence/mongo/mongo-draft-store';
import { describeDraftStoreContract } from './draft-store.contract';
import { useContractDatabase } from './support/contract-database';
import { actInHomeProvince, besideNeighbour } from './support/beside-neighbour';
import { neighbourDrafts } from './support/neighbour-records';

const { freshDb } = useContractDatabase('draft store');

actInHomeProvince();

describeDraftStoreContract('mongoose', besideNeighbour(async () => new MongoDraftStore(await createDraftCollection(freshDb('drafts'))), neighbourDrafts));
