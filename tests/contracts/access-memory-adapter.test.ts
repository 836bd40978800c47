/** Runs the access and idempotency store contracts against the in-memory adapters, in province 01 beside province 79. */
import { createMemoryAccessStores } from '../../server/src/persistence/memory/create-memory-access-stores';
import { describeAdminAuditStoreContract } from './admin-audit-store.contract';
import { describeAgencyStoreContract } from './agency-store.contract';
import { describeIdempotencyStoreContract } from './idempotency-store.contract';
import { describeUserStoreContract } from './user-store.contract';
import { actInHomeProvince, besideNeighbour } from './support/beside-neighbour';
import { neighbourAdminAudit, neighbourAgencies, neighbourIdempotency, neighbourUsers } from './support/neighbour-records';

actInHomeProvince();

describeUserStoreContract('memory', besideNeighbour(async () => createMemoryAccessStores().users, neighbourUsers));
describeAgencyStoreContract('memory', besideNeighbour(async () => createMemoryAccessStores().agencies, neighbourAgencies));
describeIdempotencyStoreContract('memory', besideNeighbour(async () => createMemoryAccessStores().idempotency, neighbourIdempotency));
describeAdminAuditStoreContract('memory', besideNeighbour(async () => createMemoryAccessStores().adminAudit, neighbourAdminAudit));
