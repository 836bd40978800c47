/**
 * @module backfillProvince — the upgrade of a deployment to province tenancy (issue 18 item 2, docs/production.md
 * "A national deployment: sharding"). Documents stored before it carry no `provinceCode`, and every query the
 * province plugin confines would pass them by: a single-province deployment would seem to have lost its dossiers.
 *
 * Before any store syncs its indexes, each collection of the database is looked at once per connection:
 * - with a home province (`PROVINCE_CODE`, or `00` when none is configured), every document without a province gets
 *   it — GridFS files in `metadata.provinceCode`, their chunks untouched (they are read through their file) — by one
 *   raw `updateMany` per collection, which after the first start finds nothing through the `{provinceCode, _id}` index;
 * - in a national deployment (no home province) nobody can tell which province such documents belong to, so start-up
 *   fails naming the collection and the two ways out.
 * Then the collections whose `_id` named a record alone (a calendar layer by its scope, a retention policy by its
 * procedure, a citizen's channel choices by the dossier, an `Idempotency-Key` by itself) get the ids that carry the province, `<provinceCode>:<old id>`, the old id kept in its field, so that two
 * provinces' layers and policies coexist.
 *
 * Raw driver on purpose: the plugin would confine these writes to one province and refuse the unstamped documents.
 */
import type { Connection } from 'mongoose';
import { homeProvinceCode } from '../../tenancy/province-scope';
import { isDuplicateKeyError } from './is-duplicate-key-error';

/** Collections whose `_id` now carries the province, and the field that keeps the former `_id`. */
const REKEYED: Readonly<Record<string, string>> = {
  calendars: 'scope',
  retention_policies: 'procedureKey',
  citizen_channel_choices: 'dossierId',
  idempotencyKeys: 'key',
};

/** What one upgrade did: documents given the home province, and documents given ids that carry their province. */
export interface ProvinceBackfill {
  stamped: Record<string, number>;
  rekeyed: Record<string, number>;
}

/** Thrown in a national deployment when documents without a province are found. */
export class ProvinceMissingOnDocuments extends Error {
  constructor(collection: string, field: string) {
    super(
      `The collection "${collection}" holds documents stored before provinces (without ${field}), and this deployment has no home province ` +
        `(PROVINCE_CODE) to give them. Start once with PROVINCE_CODE set to the province they belong to, which gives it to them, ` +
        `or set it yourself: db.getCollection("${collection}").updateMany({ "${field}": { $exists: false } }, { $set: { "${field}": "<two-digit code>" } })`,
    );
    this.name = 'ProvinceMissingOnDocuments';
  }
}

const upgrades = new WeakMap<Connection, Promise<ProvinceBackfill>>();

/**
 * Upgrades the documents of `connection`'s database to provinces, once per connection (every store's create function
 * calls it; the first call does the work and the others wait for it).
 *
 * @example
 * await backfillProvince(connection); // documents without a province now belong to the home province
 */
export function backfillProvince(connection: Connection, home: string | undefined = homeProvinceCode()): Promise<ProvinceBackfill> {
  let upgrade = upgrades.get(connection);
  if (!upgrade) {
    upgrade = upgradeDatabase(connection, home);
    upgrades.set(connection, upgrade);
  }
  return upgrade;
}

async function upgradeDatabase(connection: Connection, home: string | undefined): Promise<ProvinceBackfill> {
  const db = connection.db;
  if (!db) throw new Error('the mongoose connection is not open');
  const names = (await db.listCollections({}, { nameOnly: true }).toArray())
    .filter((collection) => collection.type !== 'view')
    .map((collection) => collection.name)
    .filter((name) => !name.startsWith('system.') && !name.endsWith('.chunks'))
    .sort();
  const result: ProvinceBackfill = { stamped: {}, rekeyed: {} };
  for (const name of names) {
    const field = name.endsWith('.files') ? 'metadata.provinceCode' : 'provinceCode';
    const collection = db.collection(name);
    const missing = { [field]: { $exists: false } };
    if (home === undefined) {
      if ((await collection.countDocuments(missing, { limit: 1 })) > 0) throw new ProvinceMissingOnDocuments(name, field);
      continue;
    }
    const { modifiedCount } = await collection.updateMany(missing, { $set: { [field]: home } });
    if (modifiedCount > 0) result.stamped[name] = modifiedCount;
  }
  for (const name of names) {
    const field = REKEYED[name];
    if (field === undefined) continue;
    const collection = db.collection<{ _id: string; provinceCode: string } & Record<string, unknown>>(name);
    let count = 0;
    for (const document of await collection.find({ [field]: { $exists: false } }).toArray()) {
      const { _id, ...rest } = document;
      // Another process upgrading at the same moment may have inserted it first: then only the old one goes.
      await collection.insertOne({ ...rest, _id: `${document.provinceCode}:${_id}`, [field]: _id }).catch((error: unknown) => {
        if (!isDuplicateKeyError(error)) throw error;
      });
      await collection.deleteOne({ _id, [field]: { $exists: false } });
      count += 1;
    }
    if (count > 0) result.rekeyed[name] = count;
  }
  return result;
}
