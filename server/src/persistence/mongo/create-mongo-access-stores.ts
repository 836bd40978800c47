/** @module createMongoAccessStores — the user, agency and idempotency stores on MongoDB, with their indexes. */
import type { Connection } from 'mongoose';
import type { AgencyStore } from '../../access/agency-store';
import type { UserStore } from '../../access/user-store';
import type { IdempotencyStore } from '../../http/idempotency-store';
import { agencyModel } from './agency-model';
import { idempotencyModel } from './idempotency-model';
import { MongoAgencyStore } from './mongo-agency-store';
import { MongoIdempotencyStore } from './mongo-idempotency-store';
import { MongoUserStore } from './mongo-user-store';
import { userModel } from './user-model';

export interface AccessStores {
  users: UserStore;
  agencies: AgencyStore;
  idempotency: IdempotencyStore;
}

/**
 * Creates the collections and syncs their indexes (unique usernames, the idempotency TTL) before handing out stores.
 *
 * @example
 * const access = await createMongoAccessStores(connection);
 */
export async function createMongoAccessStores(connection: Connection): Promise<AccessStores> {
  const models = { users: userModel(connection), agencies: agencyModel(connection), idempotency: idempotencyModel(connection) };
  for (const model of Object.values(models)) {
    await model.createCollection();
    await model.syncIndexes();
  }
  return {
    users: new MongoUserStore(models.users),
    agencies: new MongoAgencyStore(models.agencies),
    idempotency: new MongoIdempotencyStore(models.idempotency),
  };
}
