/** Runs the attachment contract against the in-memory adapter, in province 01 beside province 79's records. */
import { MemoryAttachmentStore } from '../../server/src/persistence/memory/memory-attachment-store';
import { describeAttachmentStoreContract } from './attachment-store.contract';
import { partitionedByProvince } from '../../server/src/persistence/memory/province-partitioned';
import { actInHomeProvince, besideNeighbour } from './support/beside-neighbour';
import { neighbourAttachments } from './support/neighbour-records';

actInHomeProvince();

describeAttachmentStoreContract('memory', besideNeighbour(async () => partitionedByProvince(MemoryAttachmentStore), neighbourAttachments));
