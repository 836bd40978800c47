/** @module createMongoAccessStores — the user, agency, idempotency and administration-audit stores on MongoDB, with their indexes. */
import type { Connection } from 'mongoose';
import type { AgencyStore } from '../../access/agency-store';
import type { UserStore } from '../../access/user-store';
import type { IdempotencyStore } from '../../http/idempotency-store';
import type { AdminAuditStore } from '../../stores';
import { adminAuditModel } from './admin-audit-model';
import { agencyModel } from './agency-model';
import { idempotencyModel } from './idempotency-model';
import { MongoAdminAuditStore } from './mongo-admin-audit-store';
import { MongoAgencyStore } from './mongo-agency-store';
import { MongoIdempotencyStore } from './mongo-idempotency-store';
import { MongoUserStore } from './mongo-user-store';
import { userModel } from './user-model';
import { backfillProvince } from './backfill-province';

export interface AccessStores {
  users: UserStore;
  agencies: AgencyStore;
  idempotency: IdempotencyStore;
  /** Who changed users, agencies, calendars, procedures and settings (issue 18): append and read only. */
  adminAudit: AdminAuditStore;
}

/**
 * Creates the collections and syncs their indexes (unique usernames, the idempotency TTL) before handing out stores.
 *
 * @example
 * const access = await createMongoAccessStores(connection);
 */
export async function createMongoAccessStores(connection: Connection): Promise<AccessStores> {
  const models = { users: userModel(connection), agencies: agencyModel(connection), idempotency: idempotencyModel(connection), adminAudit: adminAuditModel(connection) };
  await backfillProvince(connection);
  for (const model of Object.values(models)) {
    await model.createCollection();
    await model.syncIndexes();
  }
  return {
    users: new MongoUserStore(models.users),
    agencies: new MongoAgencyStore(models.agencies),
    idempotency: new MongoIdempotencyStore(models.idempotency),
    adminAudit: new MongoAdminAuditStore(models.adminAudit),
  };
}
