/**
 * Runs the access and idempotency store contracts against the mongoose adapters: on MONGODB_URI when set, else on
 * the embedded database (a real mongod, else the wire-protocol emulator), each test on a database of its own.
 */
import { createMongoAccessStores, type AccessStores } from '../../server/src/persistence/mongo/create-mongo-access-stores';
import { describeAdminAuditStoreContract } from './admin-audit-store.contract';
import { describeAgencyStoreContract } from './agency-store.contract';
import { describeIdempotencyStoreContract } from './idempotency-store.contract';
import { describeUserStoreContract } from './user-store.contract';
import { useContractDatabase } from './support/contract-database';

const { freshDb } = useContractDatabase('access stores');

const makeStores = (): Promise<AccessStores> => createMongoAccessStores(freshDb('access'));

describeUserStoreContract('mongoose', async () => (await makeStores()).users);
describeAgencyStoreContract('mongoose', async () => (await makeStores()).agencies);
describeIdempotencyStoreContract('mongoose', async () => (await makeStores()).idempotency);
describeAdminAuditStoreContract('mongoose', async () => (await makeStores()).adminAudit);
