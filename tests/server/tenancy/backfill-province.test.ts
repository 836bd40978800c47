/**
 * Upgrading a deployment to province tenancy (issue 18 item 2, docs/production.md "Upgrading to provinces"): documents
 * stored before it have no `provinceCode` and every scoped query would pass them by. At start-up they get the home
 * province, once, before any index is synced; a national deployment, which has no home province, refuses to start
 * and says which collection holds them and how to fix it.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { useContractDatabase } from '../../contracts/support/contract-database';
import { backfillProvince, ProvinceMissingOnDocuments } from '../../../server/src/persistence/mongo/backfill-province';
import { createMongoStores } from '../../../server/src/persistence/mongo/create-mongo-stores';
import { createMongoAccessStores } from '../../../server/src/persistence/mongo/create-mongo-access-stores';
import { createMongoCalendarStore } from '../../../server/src/persistence/mongo/mongo-calendar-store';
import { createGridFsAttachmentStore } from '../../../server/src/persistence/mongo/gridfs-attachment-store';
import { MongoRetentionStore } from '../../../server/src/persistence/mongo/mongo-retention-store';
import { createCitizenMessageCollections } from '../../../server/src/persistence/mongo/citizen-message-model';
import { MongoCitizenMessageStore } from '../../../server/src/persistence/mongo/mongo-citizen-message-store';
import { DEFAULT_HOME_PROVINCE, inProvince, setHomeProvince } from '../../../server/src/tenancy/province-scope';

const { freshDb } = useContractDatabase('province backfill');

const KEPT = Date.UTC(2100, 0, 1);
const CLOSURE_LAYER = { id: 'tinh-01', level: 'province', name: { vi: 'Tỉnh', en: 'Province' }, closures: [] };

/**
 * What a deployment wrote before provinces: a dossier, a province calendar layer, a retention policy, a citizen's
 * channel choice, a completed request's Idempotency-Key, an attachment's file.
 */
async function writeOldDocuments(db: ReturnType<typeof freshDb>) {
  const raw = db.db!;
  await raw.collection<{ _id: string }>('dossiers').insertOne({ _id: 'd-old', dossierCode: '000.00.01.H01-251207-0001', procedureKey: 'khai-sinh', status: 2, createdAt: 1, updatedAt: 1 } as never);
  await raw.collection<{ _id: string }>('calendars').insertOne({ _id: 'tinh-01', layer: CLOSURE_LAYER, updatedAt: 1, updatedBy: 'u-admin' } as never);
  await raw.collection<{ _id: string }>('retention_policies').insertOne({ _id: 'khai-sinh', years: 10, mode: 'purge', setAt: 1, setBy: 'u-admin' } as never);
  await raw.collection<{ _id: string }>('idempotencyKeys').insertOne({ _id: 'u-1:k-1', requestHash: 'h', state: 'completed', result: { ok: true }, createdAt: 1, expiresAt: KEPT, expireAt: new Date(KEPT) } as never);
  await raw.collection<{ _id: string }>('citizen_channel_choices').insertOne({ _id: 'd-old', choices: [{ channel: 'sms', optedOut: true, at: 1 }] } as never);
  await raw.collection<{ _id: string }>('attachments.files').insertOne({
    _id: 'a-old', filename: 'to-khai.pdf', length: 0, chunkSize: 261_120, uploadDate: new Date(0),
    metadata: { dossierId: 'd-old', contentType: 'application/pdf', sha256: '', uploadedAt: 1, uploadedBy: 'u-1' },
  } as never);
}

describe('the upgrade to provinces', () => {
  afterEach(() => setHomeProvince(DEFAULT_HOME_PROVINCE));

  it('gives documents stored before provinces the home province, so they stay readable through every store', async () => {
    // given a single-province deployment's database from before provinces
    const db = freshDb('backfill');
    await writeOldDocuments(db);
    // when it starts with its home province
    const stores = await createMongoStores(db);
    const calendars = await createMongoCalendarStore(db);
    const attachments = await createGridFsAttachmentStore(db);
    const retention = new MongoRetentionStore(db);
    const messages = new MongoCitizenMessageStore(await createCitizenMessageCollections(db));
    const { idempotency } = await createMongoAccessStores(db);
    // then the old documents are the home province's, and read as before
    expect((await stores.dossiers.get('d-old'))?.dossierCode).toBe('000.00.01.H01-251207-0001');
    expect((await calendars.get('tinh-01'))?.layer).toEqual(CLOSURE_LAYER);
    expect((await calendars.list()).map((record) => record.scope)).toEqual(['tinh-01']);
    expect(await retention.policies()).toEqual([{ procedureKey: 'khai-sinh', years: 10, mode: 'purge', setAt: 1, setBy: 'u-admin' }]);
    expect((await attachments.listByDossier('d-old')).map((info) => info.id)).toEqual(['a-old']);
    expect(await messages.optedOut('d-old')).toEqual(['sms']);
    expect(await idempotency.get('u-1:k-1')).toEqual({ key: 'u-1:k-1', requestHash: 'h', state: 'completed', result: { ok: true }, createdAt: 1, expiresAt: KEPT });
    const raw = db.db!;
    expect((await raw.collection('dossiers').findOne({ _id: 'd-old' as never }))?.provinceCode).toBe(DEFAULT_HOME_PROVINCE);
    expect((await raw.collection('attachments.files').findOne({}))?.metadata.provinceCode).toBe(DEFAULT_HOME_PROVINCE);
    // and the ids that name a layer or a policy now carry the province
    expect((await raw.collection('calendars').find({}).toArray()).map((doc) => doc._id)).toEqual(['00:tinh-01']);
    expect((await raw.collection('retention_policies').find({}).toArray()).map((doc) => doc._id)).toEqual(['00:khai-sinh']);
    expect((await raw.collection('citizen_channel_choices').find({}).toArray()).map((doc) => doc._id)).toEqual(['00:d-old']);
  });

  it('gives them the configured province, and a later change of a layer replaces the upgraded one', async () => {
    // given
    const db = freshDb('backfill');
    await writeOldDocuments(db);
    setHomeProvince('01');
    // when
    const upgrade = await backfillProvince(db);
    const calendars = await createMongoCalendarStore(db);
    await inProvince('01', () => calendars.put({ scope: 'tinh-01', layer: { ...CLOSURE_LAYER, closures: [] } as never, updatedAt: 2, updatedBy: 'u-admin' }));
    // then
    expect(upgrade.stamped).toEqual({ 'attachments.files': 1, calendars: 1, citizen_channel_choices: 1, dossiers: 1, idempotencyKeys: 1, retention_policies: 1 });
    expect(upgrade.rekeyed).toEqual({ calendars: 1, citizen_channel_choices: 1, idempotencyKeys: 1, retention_policies: 1 });
    expect(await inProvince('01', () => calendars.list())).toEqual([{ scope: 'tinh-01', layer: CLOSURE_LAYER, updatedAt: 2, updatedBy: 'u-admin' }]);
    expect(await inProvince('79', () => calendars.list())).toEqual([]);
  });

  it('runs once per connection: a second start finds nothing left to give a province', async () => {
    // given
    const db = freshDb('backfill');
    await writeOldDocuments(db);
    await createMongoStores(db);
    // when the same database is opened again (another process)
    const again = db.useDb(db.name, { useCache: false });
    const second = await backfillProvince(again);
    // then
    expect(second).toEqual({ stamped: {}, rekeyed: {} });
    expect(await backfillProvince(db)).toBe(await backfillProvince(db));
  });

  it('stops a national deployment that finds documents without a province, naming the collection and the way out', async () => {
    // given
    const db = freshDb('backfill');
    await db.db!.collection<{ _id: string }>('dossiers').insertOne({ _id: randomUUID(), dossierCode: 'x' } as never);
    setHomeProvince(undefined);
    // when
    const start = createMongoStores(db);
    // then
    await expect(start).rejects.toThrow(ProvinceMissingOnDocuments);
    await expect(start).rejects.toThrow(/"dossiers".*PROVINCE_CODE.*updateMany/);
  });
});
