/** Runs the DraftStore contract against the mongoose adapter, each test on a database of its own. */
import { createDraftCollection } from '../../server/src/persistence/mongo/draft-model';
import { MongoDraftStore } from '../../server/src/persistence/mongo/mongo-draft-store';
import { describeDraftStoreContract } from './draft-store.contract';
import { useContractDatabase } from './support/contract-database';

const { freshDb } = useContractDatabase('draft store');

describeDraftStoreContract('mongoose', async () => new MongoDraftStore(await createDraftCollection(freshDb('drafts'))));
