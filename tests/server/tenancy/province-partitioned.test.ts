/**
 * The in-memory adapter's province partitions (issue 18 item 2): what the store contracts cannot see through a port —
 * a transaction's views undone in the province that wrote, a read refused nationally, and the step store reading the
 * facts of its own province's dossier whatever scope lists it.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryStores } from '../../../server/src/persistence/memory/create-memory-stores';
import { MemoryAttachmentStore } from '../../../server/src/persistence/memory/memory-attachment-store';
import { MemoryDossierStore } from '../../../server/src/persistence/memory/memory-dossier-store';
import { MemoryRetentionStore } from '../../../server/src/persistence/memory/memory-retention-store';
import { NationalReadRefused, partitionedByProvince } from '../../../server/src/persistence/memory/province-partitioned';
import { inProvince, nationally, ProvinceWriteRefused } from '../../../server/src/tenancy/province-scope';
import type { DossierRecord } from '../../../server/src/stores';

const aDossier = (id: string, applicantName: string): Omit<DossierRecord, 'rev'> => ({
  id, dossierCode: `CODE-${id}`, procedureKey: 'dang-ky-kinh-doanh', procedureVersion: 1, agencyId: 'so-kh-dt', status: 4, channel: 2,
  applicant: { name: applicantName, idNumber: '001090000001' }, form: {}, state: {}, createdAt: 0, updatedAt: 0,
});

describe('province-partitioned memory stores', () => {
  it('undoes a failed transaction in the province that wrote, leaving the other province as it was', async () => {
    // given
    const stores = createMemoryStores();
    await inProvince('79', async () => stores.dossiers.create(aDossier('d-79', 'Trần Thị Bình')));
    // when
    const failed = inProvince('01', async () =>
      stores.transaction(async (tx) => {
        await tx.dossiers.create(aDossier('d-01', 'Nguyễn Văn An'));
        throw new Error('the receipt failed after writing');
      }),
    );
    // then
    await expect(failed).rejects.toThrow('the receipt failed after writing');
    expect(await inProvince('01', async () => stores.dossiers.get('d-01'))).toBeUndefined();
    expect((await inProvince('79', async () => stores.dossiers.get('d-79')))?.applicant.name).toBe('Trần Thị Bình');
  });

  it("filters each province's steps by the applicant of that province's dossier, in a national list too", async () => {
    // given the same dossier id in two provinces of the memory adapter, each with its own applicant
    const stores = createMemoryStores();
    for (const [province, name] of [['01', 'Nguyễn Văn An'], ['79', 'Trần Thị Bình']] as const) {
      await inProvince(province, async () => {
        await stores.dossiers.create(aDossier('d1', name));
        await stores.steps.create({ id: `${province}-s1`, dossierId: 'd1', stepId: 'si', elementId: 'task-review', name: 'Thẩm định', kind: 'userTask', agencyId: 'so-kh-dt', status: 'open', startedAt: 0 });
      });
    }
    // when
    const found = await nationally(async () => stores.steps.list({ search: 'binh' }, { offset: 0, limit: 10 }));
    // then
    expect(found.items.map((step) => step.id)).toEqual(['79-s1']);
  });

  it('refuses a retention due list in a national scope, and any write there', async () => {
    // given
    const dossiers = partitionedByProvince(MemoryDossierStore);
    const retention = partitionedByProvince(MemoryRetentionStore, { dossiers, attachments: partitionedByProvince(MemoryAttachmentStore) });
    // when / then
    await expect(nationally(() => retention.due('dang-ky-kinh-doanh', 0, 10))).rejects.toBeInstanceOf(NationalReadRefused);
    await expect(nationally(() => dossiers.nextSequence('so-kh-dt-261121', 'd1'))).rejects.toBeInstanceOf(ProvinceWriteRefused);
    expect(await inProvince('01', () => retention.due('dang-ky-kinh-doanh', 0, 10))).toEqual([]);
  });
});
