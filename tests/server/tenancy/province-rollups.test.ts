/**
 * The dashboard's rollups of two provinces on one database (issue 18 items 2 and 5): they are kept by `$inc` through
 * the driver's own bulk write, which the province plugin does not see, so the store puts the writing province into
 * each filter, each new document and its `_id`. Two provinces counting dossiers of the same procedure at agencies
 * with the same id keep two documents, each reads its own, and a national supervisor adds them up.
 */
import { describe, expect, it } from 'vitest';
import { useContractDatabase } from '../../contracts/support/contract-database';
import { MongoDossierFactsStore } from '../../../server/src/persistence/mongo/mongo-dossier-facts-store';
import type { DossierFactsRecord } from '../../../server/src/statistics/dossier-facts-record';
import { inProvince, nationally } from '../../../server/src/tenancy/province-scope';

const { freshDb } = useContractDatabase('rollups per province');

const RECEIVED = Date.UTC(2025, 2, 3, 2, 0);

/** A dossier of civil registration of births received on Monday 3/3/2025 at the commune's counter. */
function received(dossierId: string): DossierFactsRecord {
  return {
    dossierId, dossierCode: `CODE-${dossierId}`, procedureKey: 'khai-sinh', procedureVersion: 1, agencyId: 'ubnd-xa', status: 4, channel: 1,
    submittedAt: RECEIVED, receivedAt: RECEIVED, appointmentAt: RECEIVED + 5 * 86_400_000,
    terminalAt: {}, supplements: [], agencyIds: ['ubnd-xa'], departmentIds: [], officialIds: [], digitised: false, apologies: [],
    steps: [], openSteps: [], openElements: [], dossierRev: 1, updatedAt: RECEIVED,
  } as DossierFactsRecord;
}

const allTime = { ranges: [{ from: 'all', to: 'all' }] };

describe('rollups per province', () => {
  it('keeps each province its own rollup of the same key, and adds them up nationally', async () => {
    // given
    const db = freshDb('rollups');
    const facts = await MongoDossierFactsStore.create(db);
    // when Hà Nội receives two dossiers and Hồ Chí Minh City one, of the same procedure at agencies with the same id
    await inProvince('01', async () => {
      await facts.put(received('hn-1'));
      await facts.put(received('hn-2'));
    });
    await inProvince('79', () => facts.put(received('hcm-1')));
    // then each province reads its own count, and a national scope reads both documents
    const started = (documents: readonly { counts: { started?: number } }[]) => documents.map((document) => document.counts.started);
    expect(started(await inProvince('01', () => facts.rollups(allTime)))).toEqual([2]);
    expect(started(await inProvince('79', () => facts.rollups(allTime)))).toEqual([1]);
    expect(started(await nationally(() => facts.rollups(allTime))).sort()).toEqual([1, 2]);
    // and the two documents carry their province in the field and the _id
    const raw = await db.db!.collection('dossierRollups').find({ bucket: 'all' }).toArray();
    expect(raw.map((document) => [document.provinceCode, String(document._id).split('|')[1]]).sort()).toEqual([['01', '01'], ['79', '79']]);
  });

  it('lets a province clear only its own rollups', async () => {
    // given
    const facts = await MongoDossierFactsStore.create(freshDb('rollups'));
    await inProvince('01', () => facts.put(received('hn-1')));
    await inProvince('79', () => facts.put(received('hcm-1')));
    // when
    await inProvince('79', () => facts.clearRollups());
    // then
    expect(await inProvince('79', () => facts.rollups(allTime))).toEqual([]);
    expect((await inProvince('01', () => facts.rollups(allTime))).length).toBe(1);
  });
});
