/** Runs the CitizenMessageStore contract against the mongoose adapter, each test on a database of its own, in province 01 beside province 79's records (support/beside-neighbour.ts). */
import { createCitizenMessageCollections } from '../../server/src/persistence/mongo/citizen-message-model';
import { MongoCitizenMessageStore } from '../../server/src/persistence/mongo/mongo-citizen-message-store';
import { describeCitizenMessageStoreContract } from './citizen-message-store.contract';
import { useContractDatabase } from './support/contract-database';
import { actInHomeProvince, besideNeighbour } from './support/beside-neighbour';
import { neighbourCitizenMessages } from './support/neighbour-records';

const { freshDb } = useContractDatabase('citizen message store');

actInHomeProvince();

describeCitizenMessageStoreContract('mongoose', besideNeighbour(async () => new MongoCitizenMessageStore(await createCitizenMessageCollections(freshDb('citizen-messages'))), neighbourCitizenMessages));
