/** Runs the access and idempotency store contracts against the in-memory adapters. */
import { MemoryAdminAuditStore } from '../../server/src/persistence/memory/memory-admin-audit-store';
import { MemoryAgencyStore } from '../../server/src/persistence/memory/memory-agency-store';
import { MemoryIdempotencyStore } from '../../server/src/persistence/memory/memory-idempotency-store';
import { MemoryUserStore } from '../../server/src/persistence/memory/memory-user-store';
import { describeAdminAuditStoreContract } from './admin-audit-store.contract';
import { describeAgencyStoreContract } from './agency-store.contract';
import { describeIdempotencyStoreContract } from './idempotency-store.contract';
import { describeUserStoreContract } from './user-store.contract';

describeUserStoreContract('memory', async () => new MemoryUserStore());
describeAgencyStoreContract('memory', async () => new MemoryAgencyStore());
describeIdempotencyStoreContract('memory', async () => new MemoryIdempotencyStore());
describeAdminAuditStoreContract('memory', async () => new MemoryAdminAuditStore());
