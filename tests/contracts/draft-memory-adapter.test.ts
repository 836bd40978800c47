/** Runs the DraftStore contract against the in-memory adapter. */
import { MemoryDraftStore } from '../../server/src/persistence/memory/memory-draft-store';
import { describeDraftStoreContract } from './draft-store.contract';

describeDraftStoreContract('memory', async () => new MemoryDraftStore());
