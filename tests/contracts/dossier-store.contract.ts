/** @module describeDossierStoreContract — what every DossierStore adapter must do. */
import { describe, expect, it } from 'vitest';
import { ConcurrencyConflict, DuplicateKey, type DossierRecord, type Stores } from '../../server/src/stores';

function aDossier(id: string, overrides: Partial<DossierRecord> = {}): Omit<DossierRecord, 'rev'> {
  return {
    id,
    dossierCode: `000.00.01.H01-261121-${id}`,
    procedureKey: 'dang-ky-kinh-doanh',
    procedureVersion: 1,
    agencyId: '000.00.01.H01',
    status: 2,
    channel: 2,
    applicant: { name: 'Nguyễn Văn An', idNumber: '001090000001' },
    form: { businessName: 'Công ty An Bình' },
    state: {},
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...overrides,
  };
}

/**
 * @param makeStores fresh, empty stores
 * @param openAgain the same data as another server process sees it (its own connection); in memory, the same stores
 */
export function describeDossierStoreContract(
  adapter: string,
  makeStores: () => Promise<Stores>,
  openAgain: (stores: Stores) => Promise<Stores>,
): void {
  describe(`DossierStore contract (${adapter})`, () => {
    it('creates a dossier at revision 0 and finds it by id and by dossier code', async () => {
      // given
      const { dossiers } = await makeStores();
      // when
      const created = await dossiers.create(aDossier('d1'));
      // then
      expect(created).toEqual({ ...aDossier('d1'), rev: 0 });
      expect(await dossiers.get('d1')).toEqual(created);
      expect(await dossiers.getByCode('000.00.01.H01-261121-d1')).toEqual(created);
      expect(await dossiers.get('nope')).toBeUndefined();
      expect(await dossiers.getByCode('nope')).toBeUndefined();
    });

    it('rejects a second dossier with a taken dossier code with DuplicateKey and keeps the first', async () => {
      // given
      const { dossiers } = await makeStores();
      await dossiers.create(aDossier('d1', { dossierCode: 'CODE-1' }));
      // when
      const second = dossiers.create(aDossier('d2', { dossierCode: 'CODE-1' }));
      // then
      await expect(second).rejects.toBeInstanceOf(DuplicateKey);
      expect((await dossiers.getByCode('CODE-1'))?.id).toBe('d1');
      expect(await dossiers.get('d2')).toBeUndefined();
    });

    it('rejects a second dossier with a taken id with DuplicateKey', async () => {
      // given
      const { dossiers } = await makeStores();
      await dossiers.create(aDossier('d1', { dossierCode: 'CODE-1' }));
      // when
      const second = dossiers.create(aDossier('d1', { dossierCode: 'CODE-2' }));
      // then
      await expect(second).rejects.toBeInstanceOf(DuplicateKey);
      expect(await dossiers.getByCode('CODE-2')).toBeUndefined();
    });

    it('rejects an update that takes another dossier\'s code with DuplicateKey and keeps both as they were', async () => {
      // given
      const { dossiers } = await makeStores();
      const first = await dossiers.create(aDossier('d1', { dossierCode: 'CODE-1' }));
      const second = await dossiers.create(aDossier('d2', { dossierCode: 'CODE-2' }));
      // when
      const update = dossiers.update({ ...second, dossierCode: 'CODE-1' });
      // then
      await expect(update).rejects.toBeInstanceOf(DuplicateKey);
      expect(await dossiers.get('d2')).toEqual(second);
      expect(await dossiers.getByCode('CODE-1')).toEqual(first);
    });

    it('updates a dossier at the stored revision and returns it with the next revision', async () => {
      // given
      const { dossiers } = await makeStores();
      const created = await dossiers.create(aDossier('d1'));
      // when
      const updated = await dossiers.update({ ...created, status: 4, receivedAt: 1_700_000_100_000 });
      // then
      expect(updated).toMatchObject({ rev: 1, status: 4, receivedAt: 1_700_000_100_000 });
      expect(await dossiers.get('d1')).toEqual(updated);
    });

    it('rejects an update from a stale revision with ConcurrencyConflict and changes nothing', async () => {
      // given
      const { dossiers } = await makeStores();
      const created = await dossiers.create(aDossier('d1'));
      const current = await dossiers.update({ ...created, status: 3 });
      // when
      const stale = dossiers.update({ ...created, status: 9 });
      // then
      await expect(stale).rejects.toBeInstanceOf(ConcurrencyConflict);
      expect(await dossiers.get('d1')).toEqual(current);
    });

    it('lets exactly one of two concurrent updates from the same revision win, made by two server processes', async () => {
      // given
      const stores = await makeStores();
      const { dossiers } = stores;
      const elsewhere = (await openAgain(stores)).dossiers;
      const created = await dossiers.create(aDossier('d1'));
      // when
      const results = await Promise.allSettled([
        dossiers.update({ ...created, status: 3 }),
        elsewhere.update({ ...created, status: 4 }),
      ]);
      // then
      const won = results.filter((result) => result.status === 'fulfilled');
      const lost = results.filter((result) => result.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyConflict);
      expect(await dossiers.get('d1')).toEqual((won[0] as PromiseFulfilledResult<DossierRecord>).value);
    });

    it('rejects an update of a dossier that does not exist with ConcurrencyConflict', async () => {
      // given
      const { dossiers } = await makeStores();
      // when
      const update = dossiers.update({ ...aDossier('ghost'), rev: 0 });
      // then
      await expect(update).rejects.toBeInstanceOf(ConcurrencyConflict);
      expect(await dossiers.get('ghost')).toBeUndefined();
    });

    it('keeps the process instance snapshot, form and state as the plain JSON they were given, empty objects included', async () => {
      // given
      const { dossiers } = await makeStores();
      const instance = { status: 'active', context: { tokens: [{ at: 'task-review', n: 1 }], vars: {} }, children: {} };
      // when
      await dossiers.create(aDossier('d1', { instance, state: { clock: { pausedMs: 0 }, flags: [] }, form: {} }));
      // then
      const stored = await dossiers.get('d1');
      expect(stored?.instance).toEqual(instance);
      expect(stored?.state).toEqual({ clock: { pausedMs: 0 }, flags: [] });
      expect(stored?.form).toEqual({});
    });

    it('lists dossiers matching status, procedure, agency and a received range, newest first, with the total', async () => {
      // given
      const { dossiers } = await makeStores();
      const day = 86_400_000;
      const t0 = 1_700_000_000_000;
      await dossiers.create(aDossier('a', { status: 4, receivedAt: t0, createdAt: t0 }));
      await dossiers.create(aDossier('b', { status: 4, receivedAt: t0 + day, createdAt: t0 + day }));
      await dossiers.create(aDossier('c', { status: 5, receivedAt: t0 + 2 * day, createdAt: t0 + 2 * day }));
      await dossiers.create(aDossier('d', { status: 4, agencyId: 'other', receivedAt: t0, createdAt: t0 + 3 * day }));
      await dossiers.create(aDossier('e', { status: 4, procedureKey: 'ho-tich', receivedAt: t0, createdAt: t0 + 4 * day }));
      await dossiers.create(aDossier('f', { status: 1, createdAt: t0 + 5 * day }));
      const all = { offset: 0, limit: 100 };
      // when
      const byStatus = await dossiers.list({ status: [4, 5] }, all);
      const byProcedureAndAgency = await dossiers.list({ procedureKey: 'dang-ky-kinh-doanh', agencyId: '000.00.01.H01' }, all);
      const byRange = await dossiers.list({ receivedFrom: t0 + day, receivedTo: t0 + 2 * day }, all);
      const everything = await dossiers.list({}, all);
      // then
      expect(byStatus.items.map((d) => d.id)).toEqual(['e', 'd', 'c', 'b', 'a']);
      expect(byStatus.total).toBe(5);
      expect(byProcedureAndAgency.items.map((d) => d.id)).toEqual(['f', 'c', 'b', 'a']);
      // receivedFrom is inclusive and receivedTo exclusive; a dossier not yet received is outside every range
      expect(byRange.items.map((d) => d.id)).toEqual(['b']);
      expect(everything.total).toBe(6);
    });

    it('pages a list by offset and limit and still reports the total', async () => {
      // given
      const { dossiers } = await makeStores();
      for (let i = 0; i < 5; i += 1) await dossiers.create(aDossier(`d${i}`, { createdAt: 1_700_000_000_000 + i }));
      // when
      const page = await dossiers.list({}, { offset: 1, limit: 2 });
      // then
      expect(page.items.map((d) => d.id)).toEqual(['d3', 'd2']);
      expect(page.total).toBe(5);
    });

    it('lists summaries as list does, without the form and the process instance, and narrows a list to the given ids', async () => {
      // given
      const { dossiers } = await makeStores();
      const bulky = { text: 'x'.repeat(10_000) };
      for (let i = 0; i < 4; i += 1) await dossiers.create(aDossier(`d${i}`, { createdAt: 1_700_000_000_000 + i, form: bulky, instance: bulky, state: { routedTo: [{ agencyId: 'A' }] } }));
      // when
      const page = await dossiers.listSummaries({}, { offset: 1, limit: 2 });
      const named = await dossiers.listSummaries({ ids: ['d0', 'd2', 'nope'] }, { offset: 0, limit: 10 });
      const namedRecords = await dossiers.list({ ids: ['d1'] }, { offset: 0, limit: 10 });
      // then
      const { form: _form, instance: _instance, ...summary } = { ...aDossier('d2', { createdAt: 1_700_000_000_002, state: { routedTo: [{ agencyId: 'A' }] } }), rev: 0, instance: undefined };
      expect(page.items).toEqual([expect.objectContaining({ id: 'd2' }), expect.objectContaining({ id: 'd1' })]);
      expect(page.items[0]).toEqual(summary);
      expect(page.total).toBe(4);
      expect(named.items.map((d) => d.id)).toEqual(['d2', 'd0']);
      expect(named.total).toBe(2);
      expect(namedRecords.items.map((d) => d.id)).toEqual(['d1']);
    });

    it('hands out 1 to 50 with no gap and no duplicate to 50 concurrent nextSequence calls from two processes', async () => {
      // given
      const stores = await makeStores();
      const elsewhere = await openAgain(stores);
      // when
      const numbers = await Promise.all(
        Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? stores : elsewhere).dossiers.nextSequence('000.00.01.H01-261121', `dossier-${i}`)),
      );
      // then
      expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    });

    it('counts each named sequence on its own, starting at 1', async () => {
      // given
      const { dossiers } = await makeStores();
      await dossiers.nextSequence('H01-261121', 'a');
      await dossiers.nextSequence('H01-261121', 'b');
      // when
      const nextDay = await dossiers.nextSequence('H01-261122', 'c');
      const sameDay = await dossiers.nextSequence('H01-261121', 'd');
      // then
      expect(nextDay).toBe(1);
      expect(sameDay).toBe(3);
    });

    it('gives a holder that asks again, from another process, the number it was given, so a retried receipt keeps its code', async () => {
      // given a receipt that took its number before its process died
      const stores = await makeStores();
      const elsewhere = await openAgain(stores);
      const first = await stores.dossiers.nextSequence('H01-261121', 'dossier-retried');
      // when its retry asks again on another process, and two other receipts ask too
      const again = await elsewhere.dossiers.nextSequence('H01-261121', 'dossier-retried');
      const others = [await elsewhere.dossiers.nextSequence('H01-261121', 'dossier-x'), await stores.dossiers.nextSequence('H01-261121', 'dossier-y')];
      // then the retry has its number and nobody else got it
      expect(again).toBe(first);
      expect(others).toEqual([2, 3]);
    });

    it('hands out copies: changing a returned or given record does not change the stored one', async () => {
      // given
      const { dossiers } = await makeStores();
      const input = aDossier('d1');
      const created = await dossiers.create(input);
      // when
      created.form['businessName'] = 'changed';
      input.applicant.name = 'changed';
      // then
      const stored = await dossiers.get('d1');
      expect(stored?.form['businessName']).toBe('Công ty An Bình');
      expect(stored?.applicant.name).toBe('Nguyễn Văn An');
    });
  });
}
