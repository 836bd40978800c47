/**
 * @module describeUnitOfWorkContract — what joining a unit of work means in every adapter: the outbox entries and the
 * dashboard's facts written through `within(tx.unit)` commit and roll back with the dossier written in the same
 * `Stores.transaction`; a store not joined to it writes on its own (nothing joins a transaction implicitly); and a
 * store refuses a unit of work another adapter opened.
 */
import { describe, expect, it } from 'vitest';
import type { DossierRecord, Stores } from '../../server/src/stores';
import type { OutboxStore } from '../../server/src/outbox/outbox-store';
import type { DossierFactsStore } from '../../server/src/statistics/dossier-facts-store';
import { toDossierFactsRecord } from '../../server/src/statistics/dossier-facts-record';
import type { OutboxEntry } from '../../engine/src/index';
import type { UnitOfWork } from '../../server/src/unit-of-work';

export interface UnitOfWorkFixture {
  stores: Stores;
  outbox: OutboxStore;
  facts: DossierFactsStore;
}

function aDossier(id: string): DossierRecord {
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
    rev: 0,
  };
}

const anEntry = (dossierId: string, seq: number): OutboxEntry => ({ id: `${dossierId}:${seq}`, dossierId, seq, kind: 'dossier.status_changed', payload: { status: 2 }, createdAt: 1000 });

/** A dossier received in one unit of work: the dossier, its outbox entries and its facts. */
async function receive(fixture: UnitOfWorkFixture, id: string, fail?: Error): Promise<void> {
  await fixture.stores.transaction(async (tx) => {
    const dossier = await tx.dossiers.create(aDossier(id));
    await fixture.outbox.within(tx.unit).enqueue([anEntry(id, 1), anEntry(id, 2)]);
    await fixture.facts.within(tx.unit).put(toDossierFactsRecord(dossier, []));
    if (fail) throw fail;
  });
}

/**
 * @param foreignUnit a unit of work of another adapter
 * @param onForeignUnit what the adapter's outbox and facts do with it: refuse it (MongoDB: they cannot write outside a
 *   transaction they were asked to join), or write on their own (memory: tests pair a MongoDB with in-memory side stores)
 */
export function describeUnitOfWorkContract(
  adapter: string,
  makeFixture: () => Promise<UnitOfWorkFixture>,
  foreignUnit: () => Promise<UnitOfWork>,
  onForeignUnit: 'refuses' | 'writesOnItsOwn',
): void {
  describe(`the outbox and the facts in a unit of work (${adapter})`, () => {
    it('keeps the outbox entries, their deliveries and the facts written within the unit when it commits', async () => {
      // given
      const fixture = await makeFixture();
      // when
      await receive(fixture, 'd1');
      // then
      expect((await fixture.stores.dossiers.get('d1'))?.rev).toBe(0);
      expect((await fixture.outbox.listByDossier('d1')).map((entry) => entry.id)).toEqual(['d1:1', 'd1:2']);
      expect(await fixture.outbox.deliveries('d1:1')).toHaveLength(1);
      expect((await fixture.facts.get('d1'))?.dossierCode).toBe('CODE-d1');
    });

    it('drops the outbox entries, their deliveries and the facts with the dossier when the unit throws after writing them', async () => {
      // given a dossier received before, whose facts the failing unit rewrites
      const fixture = await makeFixture();
      await receive(fixture, 'before');
      const factsBefore = await fixture.facts.get('before');
      const failure = new Error('the command failed after writing everything');
      // when
      const outcome = fixture.stores.transaction(async (tx) => {
        await tx.dossiers.create(aDossier('d1'));
        await fixture.outbox.within(tx.unit).enqueue([anEntry('d1', 1)]);
        await fixture.facts.within(tx.unit).put(toDossierFactsRecord(aDossier('d1'), []));
        await fixture.facts.within(tx.unit).put({ ...factsBefore!, status: 4, dossierRev: 1 });
        throw failure;
      });
      // then
      await expect(outcome).rejects.toBe(failure);
      expect(await fixture.stores.dossiers.get('d1')).toBeUndefined();
      expect(await fixture.outbox.listByDossier('d1')).toEqual([]);
      expect(await fixture.outbox.deliveries('d1:1')).toEqual([]);
      expect(await fixture.outbox.claimNext('portal', 5000, 60_000, 'a', 10)).toEqual([expect.objectContaining({ id: 'before:1' })]);
      expect(await fixture.facts.get('d1')).toBeUndefined();
      expect(await fixture.facts.get('before')).toEqual(factsBefore);
    });

    it('joins nothing implicitly: an outbox or facts store not joined to the running unit writes on its own', async () => {
      // given
      const fixture = await makeFixture();
      // when a unit of work writes through the stores without `within`, then throws
      const outcome = fixture.stores.transaction(async (tx) => {
        await tx.dossiers.create(aDossier('d1'));
        await fixture.outbox.enqueue([anEntry('d1', 1)]);
        await fixture.facts.put(toDossierFactsRecord(aDossier('d1'), []));
        throw new Error('the command failed');
      });
      // then only the dossier, written in the unit, rolled back
      await expect(outcome).rejects.toThrow('the command failed');
      expect(await fixture.stores.dossiers.get('d1')).toBeUndefined();
      expect((await fixture.outbox.listByDossier('d1')).map((entry) => entry.id)).toEqual(['d1:1']);
      expect((await fixture.facts.get('d1'))?.dossierId).toBe('d1');
    });

    if (onForeignUnit === 'refuses') {
      it('refuses to join a unit of work another adapter opened', async () => {
        // given
        const fixture = await makeFixture();
        const unit = await foreignUnit();
        // when / then
        expect(() => fixture.outbox.within(unit)).toThrow(/cannot join a unit of work/);
        expect(() => fixture.facts.within(unit)).toThrow(/cannot join a unit of work/);
      });
    } else {
      it('writes on its own when handed a unit of work another adapter opened', async () => {
        // given
        const fixture = await makeFixture();
        const unit = await foreignUnit();
        // when
        await fixture.outbox.within(unit).enqueue([anEntry('d1', 1)]);
        await fixture.facts.within(unit).put(toDossierFactsRecord(aDossier('d1'), []));
        // then
        expect((await fixture.outbox.listByDossier('d1')).map((entry) => entry.id)).toEqual(['d1:1']);
        expect((await fixture.facts.get('d1'))?.dossierId).toBe('d1');
      });
    }
  });
}
