/** Runs the CitizenMessageStore contract against the mongoose adapter, each test on a database of its own. */
import { createCitizenMessageCollections } from '../../server/src/persistence/mongo/citizen-message-model';
import { MongoCitizenMessageStore } from '../../server/src/persistence/mongo/mongo-citizen-message-store';
import { describeCitizenMessageStoreContract } from './citizen-message-store.contract';
import { useContractDatabase } from './support/contract-database';

const { freshDb } = useContractDatabase('citizen message store');

describeCitizenMessageStoreContract('mongoose', async () => new MongoCitizenMessageStore(await createCitizenMessageCollections(freshDb('citizen-messages'))));
