/**
 * @module createMemoryAccessStores — the user, agency, idempotency and administration-audit stores in memory, for tests
 * and demos, each province's records apart (`provincePartitioned`); sign-in finds a user nationally across them.
 */
import type { AccessStores } from '../mongo/create-mongo-access-stores';
import { MemoryAdminAuditStore } from './memory-admin-audit-store';
import { MemoryAgencyStore } from './memory-agency-store';
import { MemoryIdempotencyStore } from './memory-idempotency-store';
import { MemoryUserStore } from './memory-user-store';
import { partitionedByProvince } from './province-partitioned';

export function createMemoryAccessStores(): AccessStores {
  return {
    users: partitionedByProvince(MemoryUserStore),
    agencies: partitionedByProvince(MemoryAgencyStore),
    idempotency: partitionedByProvince(MemoryIdempotencyStore),
    adminAudit: partitionedByProvince(MemoryAdminAuditStore),
  };
}
