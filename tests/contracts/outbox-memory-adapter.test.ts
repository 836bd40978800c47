/** Runs the outbox contract against the in-memory adapter. */
import { MemoryOutboxStore } from '../../server/src/persistence/memory/memory-outbox-store';
import type { OutboxStore } from '../../server/src/outbox/outbox-store';
import { describeOutboxStoreContract } from './outbox-store.contract';

/** In memory there is one process: "another process" sees the very same store. */
describeOutboxStoreContract('memory', async (consumers) => new MemoryOutboxStore(consumers), async (outbox: OutboxStore) => outbox);
