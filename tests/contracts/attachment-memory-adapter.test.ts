/** Runs the attachment contract against the in-memory adapter. */
import { MemoryAttachmentStore } from '../../server/src/persistence/memory/memory-attachment-store';
import { describeAttachmentStoreContract } from './attachment-store.contract';

describeAttachmentStoreContract('memory', async () => new MemoryAttachmentStore());
