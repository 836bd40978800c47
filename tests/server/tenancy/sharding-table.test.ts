/**
 * The sharding table of docs/production.md ("A national deployment: sharding") is what an operator shards and zones
 * a national cluster by (issue 18 item 2): it must list every collection the models keep, each model's indexes as
 * the province plugin leaves them (every one led by `provinceCode` except those the table marks national), and shard
 * keys a collection can take, the prefix of one of its indexes. Read from the models on a database, so a model
 * gaining an index without the table (or the plugin) fails here.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Connection } from 'mongoose';
import { useContractDatabase } from '../../contracts/support/contract-database';
import { createMongoStores } from '../../../server/src/persistence/mongo/create-mongo-stores';
import { createMongoAccessStores } from '../../../server/src/persistence/mongo/create-mongo-access-stores';
import { createMongoCalendarStore } from '../../../server/src/persistence/mongo/mongo-calendar-store';
import { createCitizenMessageCollections } from '../../../server/src/persistence/mongo/citizen-message-model';
import { createDraftCollection } from '../../../server/src/persistence/mongo/draft-model';
import { createSigningCertificateCollection } from '../../../server/src/persistence/mongo/signing-certificate-model';
import { createMongoPaymentOrderStore } from '../../../server/src/persistence/mongo/mongo-payment-order-store';
import { createMongoOutboxStore } from '../../../server/src/persistence/mongo/mongo-outbox-store';
import { MongoDossierFactsStore } from '../../../server/src/persistence/mongo/mongo-dossier-facts-store';

const { freshDb } = useContractDatabase('sharding table');

interface Row {
  shardKey: Record<string, number> | 'unsharded';
  indexes: string[];
}

/** The table's rows by collection, from the section's first table. */
function shardingTable(): Map<string, Row> {
  const text = readFileSync(resolve(__dirname, '../../../docs/production.md'), 'utf8');
  const section = text.slice(text.indexOf('## A national deployment: sharding'), text.indexOf('## What is checked'));
  const rows = new Map<string, Row>();
  for (const line of section.split('\n').filter((l) => l.startsWith('| `'))) {
    const [collections, shardKey, indexes] = line.split('|').slice(1, 4).map((cell) => cell.trim()) as [string, string, string];
    const row: Row = {
      shardKey: shardKey === 'unsharded' ? 'unsharded' : parseKey(shardKey.replace(/`/g, '')),
      indexes: indexes === '—' ? [] : indexes.split(' · ').map((index) => index.trim()),
    };
    for (const [, name] of collections.matchAll(/`([^`]+)`/g)) rows.set(name!, row);
  }
  return rows;
}

/** `{ provinceCode: 1, "metadata.dossierId": 1 }` as an object. */
function parseKey(text: string): Record<string, number> {
  return Object.fromEntries([...text.matchAll(/"?([\w.]+)"?\s*:\s*(-?1)/g)].map(([, field, order]) => [field!, Number(order)]));
}

/** An index as the table writes it: the fields after `provinceCode`, then its kind. */
function asWritten(fields: Record<string, unknown>, options: Record<string, unknown>): string {
  const entries = Object.entries(fields);
  const national = entries[0]![0] !== 'provinceCode';
  const rest = national ? entries : entries.slice(1);
  const kinds = [options.unique ? 'unique' : '', options.sparse ? 'sparse' : '', options.expireAfterSeconds !== undefined ? 'TTL' : '', national ? 'national' : ''].filter(Boolean);
  const written = `\`${rest.map(([field, order]) => (order === -1 ? `${field} -1` : field)).join(', ')}\``;
  return kinds.length > 0 ? `${written} (${kinds.join(', ')})` : written;
}

/** Every model the server registers, on one database. */
async function everyModel(db: Connection) {
  await createMongoStores(db);
  await createMongoAccessStores(db);
  await createMongoCalendarStore(db);
  await createCitizenMessageCollections(db);
  await createDraftCollection(db);
  await createSigningCertificateCollection(db);
  await createMongoPaymentOrderStore(db);
  await createMongoOutboxStore(db, { consumers: [] });
  await MongoDossierFactsStore.create(db);
  return Object.values(db.models);
}

describe('the sharding table of the production guide', () => {
  it('lists every model\'s collection with exactly the indexes the province plugin leaves it', async () => {
    // given
    const table = shardingTable();
    // when
    const models = await everyModel(freshDb('sharding'));
    // then
    expect(models.length).toBeGreaterThanOrEqual(20);
    for (const model of models) {
      const name = model.collection.collectionName;
      const row = table.get(name);
      expect(row, `docs/production.md has no row for ${name}`).toBeDefined();
      const indexes = model.schema.indexes().filter(([fields]) => JSON.stringify(fields) !== '{"provinceCode":1,"_id":1}');
      expect([...new Set(indexes.map(([fields, options]) => asWritten(fields, options)))].sort(), name).toEqual([...row!.indexes].sort());
    }
  });

  it('has the plugin on every model: each keeps a province, the { provinceCode, _id } index, and only the table\'s national indexes lack the prefix', async () => {
    // given
    const table = shardingTable();
    // when
    const models = await everyModel(freshDb('sharding'));
    // then
    for (const model of models) {
      const name = model.collection.collectionName;
      expect(model.schema.path('provinceCode'), name).toBeDefined();
      expect(model.schema.indexes().map(([fields]) => fields), name).toContainEqual({ provinceCode: 1, _id: 1 });
      const unprefixed = model.schema.indexes().filter(([fields]) => Object.keys(fields)[0] !== 'provinceCode').map(([fields, options]) => asWritten(fields, options));
      expect(unprefixed, name).toEqual(table.get(name)!.indexes.filter((index) => index.includes('national')));
    }
  });

  it('shards each sharded collection by a key that starts with the province and leads one of its indexes', async () => {
    // given
    const table = shardingTable();
    // when
    const models = await everyModel(freshDb('sharding'));
    // then
    for (const model of models) {
      const { shardKey } = table.get(model.collection.collectionName)!;
      if (shardKey === 'unsharded') continue;
      expect(Object.keys(shardKey)[0]).toBe('provinceCode');
      const leads = model.schema.indexes().some(([fields]) => Object.keys(shardKey).every((field, i) => Object.keys(fields)[i] === field));
      expect(leads, `${model.collection.collectionName}: no index starts with ${JSON.stringify(shardKey)}`).toBe(true);
    }
    expect(table.get('users')?.shardKey, 'a national unique username keeps users unsharded').toBe('unsharded');
  });
});
