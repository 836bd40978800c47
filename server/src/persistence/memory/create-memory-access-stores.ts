/** @module createMemoryAccessStores — the user, agency, idempotency and administration-audit stores in memory, for tests and demos. */
import type { AccessStores } from '../mongo/create-mongo-access-stores';
import { MemoryAdminAuditStore } from './memory-admin-audit-store';
import { MemoryAgencyStore } from './memory-agency-store';
import { MemoryIdempotencyStore } from './memory-idempotency-store';
import { MemoryUserStore } from './memory-user-store';

export function createMemoryAccessStores(): AccessStores {
  return { users: new MemoryUserStore(), agencies: new MemoryAgencyStore(), idempotency: new MemoryIdempotencyStore(), adminAudit: new MemoryAdminAuditStore() };
}
