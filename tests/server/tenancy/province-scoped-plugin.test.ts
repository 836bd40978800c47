/**
 * The province-scoped plugin keeps each province's documents to itself on one database (issue 18 item 2): every query,
 * update, aggregation and insert through a scoped model is confined to the current province.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Schema } from 'mongoose';
import { useContractDatabase } from '../../contracts/support/contract-database';
import { provinceScopedPlugin } from '../../../server/src/persistence/mongo/province-scoped-plugin';
import { DEFAULT_HOME_PROVINCE, inProvince, nationally, setHomeProvince } from '../../../server/src/tenancy/province-scope';

const { freshDb } = useContractDatabase('province-scoped plugin');

function thingModel() {
  const schema = new Schema({ _id: String, name: String, n: Number }, { versionKey: false, strict: 'throw' });
  schema.index({ name: 1 }, { unique: true });
  schema.plugin(provinceScopedPlugin);
  return freshDb('tenancy').model('Thing', schema);
}

describe('a province-scoped model', () => {
  afterEach(() => setHomeProvince(DEFAULT_HOME_PROVINCE));

  it('stamps new documents with the province and prefixes every index with it', async () => {
    // given
    const Thing = thingModel();
    await Thing.createCollection();
    await Thing.syncIndexes();
    // when
    await inProvince('01', async () => Thing.create({ _id: 'a', name: 'same', n: 1 }));
    await inProvince('79', async () => Thing.insertMany([{ _id: 'b', name: 'same', n: 2 }]));
    // then
    const raw = await Thing.collection.find({}).sort({ _id: 1 }).toArray();
    expect(raw.map((doc) => [doc._id, doc.provinceCode])).toEqual([['a', '01'], ['b', '79']]);
    const keys = (await Thing.collection.indexes()).map((index) => index.key);
    expect(keys).toContainEqual({ provinceCode: 1, name: 1 });
  });

  it('confines reads, updates, deletes and aggregations to the current province', async () => {
    // given
    const Thing = thingModel();
    await inProvince('01', async () => Thing.create({ _id: 'a', name: 'x', n: 1 }));
    await inProvince('79', async () => Thing.create({ _id: 'b', name: 'x', n: 2 }));
    // when
    const seenIn79 = await inProvince('79', async () => Thing.find({}).lean());
    const byIdOfOther = await inProvince('79', async () => Thing.findById('a').lean());
    const updated = await inProvince('79', async () => Thing.updateOne({ _id: 'a' }, { $set: { n: 99 } }));
    const deleted = await inProvince('79', async () => Thing.deleteMany({}));
    const total = await inProvince('01', async () => Thing.aggregate([{ $group: { _id: null, n: { $sum: '$n' } } }]));
    const naming = await inProvince('79', async () => Thing.countDocuments({ provinceCode: '01' }));
    // then
    expect(seenIn79.map((doc) => doc._id)).toEqual(['b']);
    expect(byIdOfOther).toBeNull();
    expect(updated.matchedCount).toBe(0);
    expect(deleted.deletedCount).toBe(1);
    expect(total).toEqual([{ _id: null, n: 1 }]);
    expect(naming).toBe(0);
    expect(await nationally(async () => Thing.countDocuments({}))).toBe(1);
  });

  it('refuses writes in a national scope and documents naming another province', async () => {
    // given
    const Thing = thingModel();
    // when / then
    await expect(nationally(async () => Thing.create({ _id: 'n', name: 'n' }))).rejects.toThrow(/national scope/);
    await expect(inProvince('01', async () => Thing.create({ _id: 'm', name: 'm', provinceCode: '79' } as never))).rejects.toThrow(/belongs to province 79/);
    await expect(inProvince('01', async () => Thing.bulkWrite([{ insertOne: { document: { _id: 'k', name: 'k', provinceCode: '79' } } }]))).rejects.toThrow(/belongs to province 79/);
    await expect(inProvince('01', async () => Thing.updateOne({ _id: 'a' }, { $set: { provinceCode: '79' } }))).rejects.toThrow(/may not move/);
    expect(await nationally(async () => Thing.countDocuments({}))).toBe(0);
  });

  it('acts in the home province outside any scope, and fails without one in a national deployment', async () => {
    // given
    const Thing = thingModel();
    await Thing.create({ _id: 'h', name: 'h' });
    // when
    setHomeProvince(undefined);
    // then
    await expect(Thing.find({})).rejects.toThrow(/outside any province/);
    expect((await Thing.collection.findOne({ _id: 'h' as never }))?.provinceCode).toBe(DEFAULT_HOME_PROVINCE);
  });

  it('confines bulk updates and upserts', async () => {
    // given
    const Thing = thingModel();
    await inProvince('01', async () => Thing.create({ _id: 'a', name: 'a', n: 1 }));
    // when
    await inProvince('79', async () => Thing.bulkWrite([{ updateOne: { filter: { _id: 'a' }, update: { $set: { n: 5 } } } }, { updateOne: { filter: { _id: 'u' }, update: { $set: { name: 'u', n: 7 } }, upsert: true } }]));
    // then
    const raw = await Thing.collection.find({}).sort({ _id: 1 }).toArray();
    expect(raw.map((doc) => [doc._id, doc.provinceCode, doc.n])).toEqual([['a', '01', 1], ['u', '79', 7]]);
  });
});
