/**
 * @module describeProvinceIsolationContract — what every adapter must do with two provinces on one database (issue 18
 * item 2, "Province tenancy"): each province keeps its own dossiers, procedure versions, steps, timers and trails under
 * the same codes and keys; no read in one province sees the other's; a write in one province that names the other's
 * records changes nothing; a national scope reads both and writes neither. Record ids are unique in the deployment
 * (MongoDB's `_id` index is one per collection), so each province's ids carry its code, as docs/production.md plans.
 */
import { describe, expect, it } from 'vitest';
import { ConcurrencyConflict, type DossierRecord, type StepRecord, type Stores } from '../../server/src/stores';
import { inProvince, nationally, ProvinceWriteRefused } from '../../server/src/tenancy/province-scope';
import type { ProcedureDefinition } from '../../engine/src/index';

const NOW = 10_000;
const ALL = { offset: 0, limit: 100 };
const KEY = 'dang-ky-kinh-doanh';
const CODE = '000.00.01.H01-261121-0001';

const definition: ProcedureDefinition = {
  id: 'defs',
  processes: [{ id: 'process', isExecutable: true, nodes: {}, flows: {}, lanes: {}, childNodeIds: [] }],
  messages: {},
  signals: {},
  errors: {},
  escalations: {},
};

/** The dossier of `province`, under the same code, procedure, agency and applicant in every province. */
const aDossier = (province: string, createdAt: number): Omit<DossierRecord, 'rev'> => ({
  id: `${province}-d1`,
  dossierCode: CODE,
  procedureKey: KEY,
  procedureVersion: 1,
  agencyId: '000.00.01.H01',
  status: 4,
  channel: 2,
  applicant: { name: 'Nguyễn Văn An', idNumber: '001090000001' },
  form: {},
  state: {},
  createdAt,
  updatedAt: createdAt,
});

/** An overdue review step of that dossier. */
const aStep = (province: string): Omit<StepRecord, 'rev'> => ({
  id: `${province}-s1`, dossierId: `${province}-d1`, stepId: `${province}-si1`, elementId: 'task-review', name: 'Thẩm định hồ sơ', kind: 'userTask',
  agencyId: '000.00.01.H01', status: 'open', startedAt: 1_000, dueAt: 5_000,
});

/** Each province deploys the procedure, receives its dossier, opens its step, arms its timer, writes its trail. */
async function seed(stores: Stores, province: string, createdAt: number): Promise<{ dossier: DossierRecord; step: StepRecord }> {
  return inProvince(province, async () => {
    await stores.procedures.deploy({ key: KEY, name: `Đăng ký kinh doanh (tỉnh ${province})`, xml: '<definitions/>', definition, deployedAt: createdAt, deployedBy: `${province}-admin` });
    const dossier = await stores.dossiers.create(aDossier(province, createdAt));
    const step = await stores.steps.create(aStep(province));
    await stores.timers.schedule({ id: `${province}-t1`, kind: 'step.overdue', dossierId: dossier.id, stepId: step.id, dueAt: 5_000, payload: { rung: 0 } });
    await stores.audit.append({ id: `${province}-a1`, dossierId: dossier.id, at: createdAt, actorId: `${province}-officer`, action: 'dossier.received', details: {} });
    await stores.progress.append({ id: `${dossier.id}:1`, dossierId: dossier.id, seq: 1, at: createdAt, status: 2, stepStartAt: createdAt, action: 'dossier.received' });
    return { dossier, step };
  });
}

/** Everything a province holds, read in that province. */
async function holdings(stores: Stores, province: string) {
  return inProvince(province, async () => ({
    procedures: await stores.procedures.listVersions(KEY),
    dossiers: await stores.dossiers.list({}, ALL),
    steps: await stores.steps.list({}, ALL),
    timers: [...(await stores.timers.listByDossier('01-d1')), ...(await stores.timers.listByDossier('79-d1'))],
    audit: [...(await stores.audit.listByDossier('01-d1')), ...(await stores.audit.listByDossier('79-d1'))],
    progress: [...(await stores.progress.listByDossier('01-d1')), ...(await stores.progress.listByDossier('79-d1'))],
  }));
}

export function describeProvinceIsolationContract(adapter: string, makeStores: () => Promise<Stores>): void {
  describe(`Province isolation contract (${adapter})`, () => {
    it('keeps a dossier and a procedure version 1 in each province under the same code and key, each province finding only its own', async () => {
      // given
      const stores = await makeStores();
      await seed(stores, '01', 2_000);
      await seed(stores, '79', 1_000);
      // when
      const seenIn01 = await inProvince('01', async () => ({
        byCode: await stores.dossiers.getByCode(CODE),
        other: await stores.dossiers.get('79-d1'),
        list: await stores.dossiers.listSummaries({ procedureKey: KEY, applicantIdNumber: '001090000001' }, ALL),
        latest: await stores.procedures.latest(KEY),
        procedures: await stores.procedures.listLatest(),
      }));
      const seenIn79 = await inProvince('79', async () => ({ byCode: await stores.dossiers.getByCode(CODE), latest: await stores.procedures.latest(KEY) }));
      // then
      expect(seenIn01.byCode?.id).toBe('01-d1');
      expect(seenIn01.other).toBeUndefined();
      expect(seenIn01.list).toMatchObject({ total: 1, items: [{ id: '01-d1' }] });
      expect(seenIn01.latest).toMatchObject({ version: 1, name: 'Đăng ký kinh doanh (tỉnh 01)' });
      expect(seenIn01.procedures.map((procedure) => [procedure.key, procedure.version])).toEqual([[KEY, 1]]);
      expect(seenIn79.byCode?.id).toBe('79-d1');
      expect(seenIn79.latest).toMatchObject({ version: 1, name: 'Đăng ký kinh doanh (tỉnh 79)' });
    });

    it("never shows one province's steps, due timers, audit or progress to the other", async () => {
      // given
      const stores = await makeStores();
      await seed(stores, '01', 2_000);
      await seed(stores, '79', 1_000);
      // when
      const seenIn01 = await inProvince('01', async () => ({
        step: await stores.steps.get('79-s1'),
        steps: await stores.steps.list({ agencyId: '000.00.01.H01', status: ['open'] }, ALL),
        urgent: await stores.steps.listByUrgency({ agencyId: '000.00.01.H01' }, { now: NOW }, ALL),
        timers: await stores.timers.listByDossier('79-d1'),
        timer: await stores.timers.get('79-t1'),
        audit: await stores.audit.listByDossier('79-d1'),
        progress: await stores.progress.listByDossier('79-d1'),
        claimed: await stores.timers.claimDue(NOW, 'sweeper-01', 60_000, 10),
      }));
      const claimedIn79 = await inProvince('79', async () => await stores.timers.claimDue(NOW, 'sweeper-79', 60_000, 10));
      // then
      expect(seenIn01.step).toBeUndefined();
      expect(seenIn01.steps.items.map((step) => step.id)).toEqual(['01-s1']);
      expect(seenIn01.urgent).toMatchObject({ total: 1, items: [{ id: '01-s1' }], phases: { overdue: 1, nearlyDue: 0, due: 0, paused: 0, none: 0 } });
      expect([seenIn01.timers, seenIn01.timer, seenIn01.audit, seenIn01.progress]).toEqual([[], undefined, [], []]);
      expect(seenIn01.claimed.map((timer) => timer.id)).toEqual(['01-t1']);
      expect(claimedIn79.map((timer) => [timer.id, timer.leaseOwner])).toEqual([['79-t1', 'sweeper-79']]);
    });

    it("changes nothing in another province when a write names that province's records", async () => {
      // given
      const stores = await makeStores();
      const own = await seed(stores, '01', 2_000);
      const other = await seed(stores, '79', 1_000);
      const before = await holdings(stores, '79');
      // when
      const outcomes = await inProvince('01', async () => ({
        update: await stores.dossiers.update({ ...other.dossier, status: 5 }).catch((error: unknown) => error),
        stepUpdate: await stores.steps.update({ ...other.step, status: 'completed', completedAt: NOW }).catch((error: unknown) => error),
        writeMany: await stores.steps.writeMany(own.dossier, [], [{ ...other.step, status: 'completed', completedAt: NOW }]).catch((error: unknown) => error),
        fired: await stores.timers.markFired('79-t1', 'sweeper-01', NOW),
      }));
      await inProvince('01', async () => {
        await stores.timers.cancel('79-t1');
        await stores.timers.writeMany([{ cancel: '79-t1' }]);
      });
      // then
      expect(outcomes.update).toBeInstanceOf(ConcurrencyConflict);
      expect(outcomes.stepUpdate).toBeInstanceOf(ConcurrencyConflict);
      expect(outcomes.writeMany).toBeInstanceOf(ConcurrencyConflict);
      expect(outcomes.fired).toBe(false);
      expect(await holdings(stores, '79')).toEqual(before);
      expect(await inProvince('79', async () => (await stores.timers.get('79-t1'))?.status)).toBe('scheduled');
    });

    it('reads both provinces in a national scope, paging them as one list, and writes in neither', async () => {
      // given
      const stores = await makeStores();
      await seed(stores, '01', 2_000);
      await seed(stores, '79', 1_000);
      const before = [await holdings(stores, '01'), await holdings(stores, '79')];
      // when
      const seen = await nationally(async () => ({
        firstPage: await stores.dossiers.list({ procedureKey: KEY }, { offset: 0, limit: 1 }),
        secondPage: await stores.dossiers.list({ procedureKey: KEY }, { offset: 1, limit: 1 }),
        other: await stores.dossiers.get('79-d1'),
        steps: await stores.steps.list({ status: ['open'] }, ALL),
        urgent: await stores.steps.listByUrgency({}, { now: NOW }, { offset: 1, limit: 1 }),
        audit: await stores.audit.listByDossier('79-d1'),
      }));
      const writes = await nationally(async () => [
        await stores.dossiers.create({ ...aDossier('01', 3_000), id: 'national-d1', dossierCode: 'NATIONAL-1' }).catch((error: unknown) => error),
        await stores.dossiers.update({ ...(seen.other as DossierRecord), status: 5 }).catch((error: unknown) => error),
        await stores.timers.schedule({ id: 'national-t1', kind: 'step.overdue', dossierId: '79-d1', dueAt: 1, payload: {} }).catch((error: unknown) => error),
        await stores.timers.claimDue(NOW, 'national-sweeper', 60_000, 10).catch((error: unknown) => error),
        await stores.audit.append({ id: 'national-a1', dossierId: '79-d1', at: 0, actorId: 'supervisor', action: 'dossier.received', details: {} }).catch((error: unknown) => error),
      ]);
      // then: newest first across provinces, 01's dossier (created at 2000) before 79's (1000)
      expect(seen.firstPage).toMatchObject({ total: 2, items: [{ id: '01-d1' }] });
      expect(seen.secondPage).toMatchObject({ total: 2, items: [{ id: '79-d1' }] });
      expect(seen.other?.id).toBe('79-d1');
      expect(seen.steps.items.map((step) => step.id)).toEqual(['01-s1', '79-s1']);
      expect(seen.urgent).toMatchObject({ total: 2, items: [{ id: '79-s1' }], phases: { overdue: 2 } });
      expect(seen.audit.map((entry) => entry.id)).toEqual(['79-a1']);
      for (const refused of writes) expect(refused).toBeInstanceOf(ProvinceWriteRefused);
      expect([await holdings(stores, '01'), await holdings(stores, '79')]).toEqual(before);
    });
  });
}
