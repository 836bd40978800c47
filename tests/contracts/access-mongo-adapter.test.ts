/**
 * Runs the access and idempotency store contracts against the mongoose adapters: on MONGODB_URI when set, else on
 * the embedded database (a real mongod, else the wire-protocol emulator), each test on a database of its own, in province 01 beside province 79's records (support/beside-neighbour.ts).
 */
import { createMongoAccessStores, type AccessStores } from '../../server/src/persistence/mongo/create-mongo-access-stores';
import { describeAdminAuditStoreContract } from './admin-audit-store.contract';
import { describeAgencyStoreContract } from './agency-store.contract';
import { describeIdempotencyStoreContract } from './idempotency-store.contract';
import { describeUserStoreContract } from './user-store.contract';
import { useContractDatabase } from './support/contract-database';
import { actInHomeProvince, besideNeighbour } from './support/beside-neighbour';
import { neighbourAdminAudit, neighbourAgencies, neighbourIdempotency, neighbourUsers } from './support/neighbour-records';

const { freshDb } = useContractDatabase('access stores');

const makeStores = (): Promise<AccessStores> => createMongoAccessStores(freshDb('access'));

actInHomeProvince();

describeUserStoreContract('mongoose', besideNeighbour(async () => (await makeStores()).users, neighbourUsers));
describeAgencyStoreContract('mongoose', besideNeighbour(async () => (await makeStores()).agencies, neighbourAgencies));
describeIdempotencyStoreContract('mongoose', besideNeighbour(async () => (await makeStores()).idempotency, neighbourIdempotency));
describeAdminAuditStoreContract('mongoose', besideNeighbour(async () => (await makeStores()).adminAudit, neighbourAdminAudit));
