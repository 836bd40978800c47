/**
 * Two provinces on one database (issue 18 item 2): the stores that reach past the province plugin — GridFS
 * attachments, retention policies on the raw driver — confine themselves by hand, and the records whose `_id` named
 * them alone (a calendar layer by its scope, a procedure version by its key, an Idempotency-Key) carry the province, so that neither
 * province reads, changes or collides with the other's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { useContractDatabase } from '../../contracts/support/contract-database';
import { createMongoStores } from '../../../server/src/persistence/mongo/create-mongo-stores';
import { createMongoAccessStores } from '../../../server/src/persistence/mongo/create-mongo-access-stores';
import { createMongoCalendarStore } from '../../../server/src/persistence/mongo/mongo-calendar-store';
import { createGridFsAttachmentStore } from '../../../server/src/persistence/mongo/gridfs-attachment-store';
import { MongoRetentionStore } from '../../../server/src/persistence/mongo/mongo-retention-store';
import { createStoredCalendarSource } from '../../../server/src/calendars/stored-calendar-source';
import type { ProcedureRecord } from '../../../server/src/stores';
import { localDayFromDate } from '../../../engine/src/index';
import { DEFAULT_HOME_PROVINCE, inProvince, nationally, setHomeProvince } from '../../../server/src/tenancy/province-scope';

const { freshDb } = useContractDatabase('stores confined by province');

const HA_NOI = '01';
const HO_CHI_MINH = '79';

const scan = (dossierId: string) => ({ dossierId, filename: 'to-khai.pdf', contentType: 'application/pdf', uploadedAt: 1_000, uploadedBy: 'u-1' });

const provinceLayer = (id: string, date: string) => ({
  id, level: 'province' as const, name: { vi: id, en: id },
  years: [{ year: 2025, status: 'official' as const, days: [{ date, kind: 'holiday' as const, reason: { vi: 'Nghỉ', en: 'Off' } }] }],
});

function aProcedure(key: string, name: string): Omit<ProcedureRecord, 'version'> {
  return {
    key, name, procedureCode: '1.001193', xml: `<bpmn:definitions id="${key}"/>`, deployedAt: 1, deployedBy: 'admin',
    definition: { id: key, processes: [], messages: {}, signals: {}, errors: {}, escalations: {} } as never,
  };
}

describe('stores confined by province by hand', () => {
  afterEach(() => setHomeProvince(DEFAULT_HOME_PROVINCE));

  it('does not find, list or delete an attachment of another province, which a national scope sees', async () => {
    // given a scan uploaded in Hà Nội
    setHomeProvince(undefined);
    const attachments = await createGridFsAttachmentStore(freshDb('tenancy'));
    const stored = await inProvince(HA_NOI, () => attachments.put(Buffer.from('%PDF-1.7'), scan('d-1')));
    // when Hồ Chí Minh City asks for it by its id and by its dossier, and tries to delete it
    const seen = await inProvince(HO_CHI_MINH, async () => ({
      info: await attachments.info(stored.id),
      get: await attachments.get(stored.id),
      list: await attachments.listByDossier('d-1'),
      deleted: await attachments.delete(stored.id),
    }));
    // then it was not there, and it still is in Hà Nội
    expect(seen).toEqual({ info: undefined, get: undefined, list: [], deleted: false });
    expect((await inProvince(HA_NOI, () => attachments.info(stored.id)))?.sha256).toBe(stored.sha256);
    expect((await nationally(() => attachments.listByDossier('d-1'))).map((info) => info.id)).toEqual([stored.id]);
    await expect(nationally(() => attachments.put(Buffer.from('x'), scan('d-1')))).rejects.toThrow(/national scope/);
  });

  it('keeps each province its own retention period for the same procedure', async () => {
    // given
    setHomeProvince(undefined);
    const db = freshDb('tenancy');
    await createMongoStores(db);
    const retention = new MongoRetentionStore(db);
    // when both provinces set a period for civil registration of births
    await inProvince(HA_NOI, () => retention.setPolicy({ procedureKey: 'khai-sinh', years: 5, mode: 'archive', setAt: 1, setBy: 'u-hn' }));
    await inProvince(HO_CHI_MINH, () => retention.setPolicy({ procedureKey: 'khai-sinh', years: 20, mode: 'purge', setAt: 2, setBy: 'u-hcm' }));
    await inProvince(HA_NOI, () => retention.setPolicy({ procedureKey: 'khai-sinh', years: 6, mode: 'archive', setAt: 3, setBy: 'u-hn' }));
    // then each reads its own
    expect(await inProvince(HA_NOI, () => retention.policies())).toEqual([{ procedureKey: 'khai-sinh', years: 6, mode: 'archive', setAt: 3, setBy: 'u-hn' }]);
    expect(await inProvince(HO_CHI_MINH, () => retention.policies())).toEqual([{ procedureKey: 'khai-sinh', years: 20, mode: 'purge', setAt: 2, setBy: 'u-hcm' }]);
  });

  it('keeps each province its own calendar layers of the same scope, and counts its clocks on them alone', async () => {
    // given both provinces store a layer under the same scope, each with its own day off
    setHomeProvince(undefined);
    const calendarStore = await createMongoCalendarStore(freshDb('tenancy'));
    await inProvince(HA_NOI, () => calendarStore.put({ scope: 'tinh', layer: provinceLayer('tinh', '2025-03-04'), updatedAt: 1, updatedBy: 'u-hn' }));
    await inProvince(HO_CHI_MINH, () => calendarStore.put({ scope: 'tinh', layer: provinceLayer('tinh', '2025-03-05'), updatedAt: 1, updatedBy: 'u-hcm' }));
    const source = createStoredCalendarSource(calendarStore);
    // when each province's calendar is read
    const haNoi = await inProvince(HA_NOI, () => source.current());
    const hoChiMinh = await inProvince(HO_CHI_MINH, () => source.current());
    // then each has its own day off only, although the layers share a scope and an update instant
    const daysOff = (kit: typeof haNoi) => [4, 5].map((day) => kit.calendar.resolveDay(localDayFromDate(2025, 3, day))).filter((day) => day.periods.length === 0).map((day) => day.date);
    expect(daysOff(haNoi)).toEqual(['2025-03-04']);
    expect(daysOff(hoChiMinh)).toEqual(['2025-03-05']);
    expect((await inProvince(HO_CHI_MINH, () => calendarStore.get('tinh')))?.updatedBy).toBe('u-hcm');
  });

  it('starts the same Idempotency-Key once in each province, each answering its own request', async () => {
    // given
    setHomeProvince(undefined);
    const { idempotency } = await createMongoAccessStores(freshDb('tenancy'));
    const begin = (requestHash: string) => idempotency.begin({ key: 'u-1:k-1', requestHash, createdAt: 1, expiresAt: 60_000 });
    // when both provinces receive a request under the same key
    const haNoi = await inProvince(HA_NOI, () => begin('hash-hn'));
    const hoChiMinh = await inProvince(HO_CHI_MINH, () => begin('hash-hcm'));
    // then each started its own, and reads its own back
    expect([haNoi.started, hoChiMinh.started]).toEqual([true, true]);
    expect((await inProvince(HA_NOI, () => idempotency.get('u-1:k-1')))?.requestHash).toBe('hash-hn');
    expect((await inProvince(HO_CHI_MINH, () => idempotency.get('u-1:k-1')))?.requestHash).toBe('hash-hcm');
  });

  it('numbers each province its own versions of a procedure of the same key, and never hands one the other province\'s version', async () => {
    // given
    setHomeProvince(undefined);
    const stores = await createMongoStores(freshDb('tenancy'));
    // when both provinces deploy a procedure under the same key, Hà Nội twice
    await inProvince(HA_NOI, () => stores.procedures.deploy(aProcedure('khai-sinh', 'Đăng ký khai sinh (Hà Nội)')));
    await inProvince(HA_NOI, () => stores.procedures.deploy(aProcedure('khai-sinh', 'Đăng ký khai sinh (Hà Nội) v2')));
    const hcm = await inProvince(HO_CHI_MINH, () => stores.procedures.deploy(aProcedure('khai-sinh', 'Đăng ký khai sinh (TP.HCM)')));
    // then Hồ Chí Minh City's is its version 1, and reading version 1 in each province (the first read kept in memory) gives its own
    expect(hcm.version).toBe(1);
    expect((await inProvince(HA_NOI, () => stores.procedures.get('khai-sinh', 1)))?.name).toBe('Đăng ký khai sinh (Hà Nội)');
    expect((await inProvince(HO_CHI_MINH, () => stores.procedures.get('khai-sinh', 1)))?.name).toBe('Đăng ký khai sinh (TP.HCM)');
    expect((await inProvince(HO_CHI_MINH, () => stores.procedures.listLatest())).map((p) => [p.name, p.version])).toEqual([['Đăng ký khai sinh (TP.HCM)', 1]]);
  });
});
