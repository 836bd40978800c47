/** Runs the CitizenMessageStore contract against the in-memory adapter, in province 01 beside province 79's records. */
import { MemoryCitizenMessageStore } from '../../server/src/persistence/memory/memory-citizen-message-store';
import { describeCitizenMessageStoreContract } from './citizen-message-store.contract';
import { partitionedByProvince } from '../../server/src/persistence/memory/province-partitioned';
import { actInHomeProvince, besideNeighbour } from './support/beside-neighbour';
import { neighbourCitizenMessages } from './support/neighbour-records';

actInHomeProvince();

describeCitizenMessageStoreContract('memory', besideNeighbour(async () => partitionedByProvince(MemoryCitizenMessageStore), neighbourCitizenMessages));
