/** @module createMemoryAccessStores — the user, agency and idempotency stores in memory, for tests and demos. */
import type { AccessStores } from '../mongo/create-mongo-access-stores';
import { MemoryAgencyStore } from './memory-agency-store';
import { MemoryIdempotencyStore } from './memory-idempotency-store';
import { MemoryUserStore } from './memory-user-store';

export function createMemoryAccessStores(): AccessStores {
  return { users: new MemoryUserStore(), agencies: new MemoryAgencyStore(), idempotency: new MemoryIdempotencyStore() };
}
