/** @module describeTransactionContract — what `Stores.transaction` must do in every adapter: all or nothing. */
import { describe, expect, it } from 'vitest';
import type { DossierRecord, Stores } from '../../server/src/stores';

function aDossier(id: string): Omit<DossierRecord, 'rev'> {
  return {
    id,
    dossierCode: `CODE-${id}`,
    procedureKey: 'dang-ky-kinh-doanh',
    procedureVersion: 1,
    agencyId: 'so-kh-dt',
    status: 2,
    channel: 1,
    applicant: { name: 'Lê Văn Cường', idNumber: '001090000003' },
    form: {},
    state: {},
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
  };
}

/** Writes one record through every store; what a received dossier does in one unit of work. */
async function receiveDossier(stores: Omit<Stores, 'transaction'>, id: string, existing: DossierRecord): Promise<void> {
  await stores.procedures.deploy({
    key: `p-${id}`, name: 'p', xml: '<x/>', deployedAt: 0, deployedBy: 'admin',
    definition: { id: 'defs', processes: [], messages: {}, signals: {}, errors: {}, escalations: {} },
  });
  await stores.dossiers.create(aDossier(id));
  await stores.dossiers.update({ ...existing, status: 4 });
  await stores.steps.create({
    id: `step-${id}`, dossierId: id, stepId: 'si', elementId: 'task', name: 'Task', kind: 'userTask', status: 'open', startedAt: 0,
  });
  await stores.timers.schedule({ id: `timer-${id}`, kind: 'step.overdue', dossierId: id, dueAt: 1000, payload: {} });
  await stores.timers.cancel('timer-existing');
  await stores.audit.append({ id: `audit-${id}`, dossierId: id, at: 0, actorId: 'officer', action: 'dossier.received', details: {} });
}

export function describeTransactionContract(adapter: string, makeStores: () => Promise<Stores>): void {
  describe(`Stores.transaction contract (${adapter})`, () => {
    it('keeps every write of a unit of work that succeeds, and returns what the work returned', async () => {
      // given
      const stores = await makeStores();
      const existing = await stores.dossiers.create(aDossier('existing'));
      await stores.timers.schedule({ id: 'timer-existing', kind: 'k', dossierId: 'existing', dueAt: 1000, payload: {} });
      // when
      const result = await stores.transaction(async (inside) => {
        await receiveDossier(inside, 'new', existing);
        return 'done';
      });
      // then
      expect(result).toBe('done');
      expect((await stores.procedures.latest('p-new'))?.version).toBe(1);
      expect((await stores.dossiers.get('new'))?.rev).toBe(0);
      expect(await stores.dossiers.get('existing')).toMatchObject({ status: 4, rev: 1 });
      expect((await stores.steps.get('step-new'))?.status).toBe('open');
      expect((await stores.timers.get('timer-new'))?.status).toBe('scheduled');
      expect((await stores.timers.get('timer-existing'))?.status).toBe('cancelled');
      expect((await stores.audit.listByDossier('new')).map((entry) => entry.id)).toEqual(['audit-new']);
    });

    it('leaves nothing behind when the unit of work throws, and rethrows its error', async () => {
      // given
      const stores = await makeStores();
      const existing = await stores.dossiers.create(aDossier('existing'));
      await stores.timers.schedule({ id: 'timer-existing', kind: 'k', dossierId: 'existing', dueAt: 1000, payload: {} });
      const failure = new Error('the document service is down');
      // when
      const outcome = stores.transaction(async (inside) => {
        await receiveDossier(inside, 'new', existing);
        throw failure;
      });
      // then
      await expect(outcome).rejects.toBe(failure);
      expect(await stores.procedures.latest('p-new')).toBeUndefined();
      expect(await stores.dossiers.get('new')).toBeUndefined();
      expect(await stores.dossiers.get('existing')).toEqual(existing);
      expect(await stores.steps.get('step-new')).toBeUndefined();
      expect(await stores.timers.get('timer-new')).toBeUndefined();
      expect((await stores.timers.get('timer-existing'))?.status).toBe('scheduled');
      expect((await stores.timers.claimDue(1000, 'sweeper', 1000, 10)).map((t) => t.id)).toEqual(['timer-existing']);
      expect(await stores.audit.listByDossier('new')).toEqual([]);
    });

    it('never makes the daily counter part of a unit of work: a number taken inside one that throws stays taken', async () => {
      // given a receipt that takes its number, then fails
      const stores = await makeStores();
      const outcome = stores.transaction(async (inside) => {
        await inside.dossiers.nextSequence('seq', 'failed-receipt');
        throw new Error('the receipt failed after taking its number');
      });
      await expect(outcome).rejects.toThrow('the receipt failed');
      // when the next receipt asks, and the failed one is retried
      const next = await stores.dossiers.nextSequence('seq', 'next-receipt');
      const retried = await stores.dossiers.nextSequence('seq', 'failed-receipt');
      // then the number was committed at once (no transaction held the counter) and the retry keeps it
      expect(next).toBe(2);
      expect(retried).toBe(1);
    });

    it('commits two units of work started together, one after the other, without losing either', async () => {
      // given
      const stores = await makeStores();
      // when
      await Promise.all(
        ['a', 'b'].map((id) =>
          stores.transaction(async (inside) => {
            await inside.dossiers.create(aDossier(id));
            await inside.audit.append({ id: `audit-${id}`, dossierId: id, at: 0, actorId: 'x', action: 'dossier.received', details: {} });
          }),
        ),
      );
      // then
      expect((await stores.dossiers.list({}, { offset: 0, limit: 10 })).total).toBe(2);
      expect(await stores.audit.listByDossier('a')).toHaveLength(1);
      expect(await stores.audit.listByDossier('b')).toHaveLength(1);
    });
  });
}
