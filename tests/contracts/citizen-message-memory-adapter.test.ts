/** Runs the CitizenMessageStore contract against the in-memory adapter. */
import { MemoryCitizenMessageStore } from '../../server/src/persistence/memory/memory-citizen-message-store';
import { describeCitizenMessageStoreContract } from './citizen-message-store.contract';

describeCitizenMessageStoreContract('memory', async () => new MemoryCitizenMessageStore());
