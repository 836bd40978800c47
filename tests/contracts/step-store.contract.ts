/** @module describeStepStoreContract — what every StepStore adapter must do. */
import { describe, expect, it } from 'vitest';
import { ConcurrencyConflict, DuplicateKey, type DossierRecord, type StepRecord, type Stores } from '../../server/src/stores';

function aStep(id: string, overrides: Partial<StepRecord> = {}): Omit<StepRecord, 'rev'> {
  return {
    id,
    dossierId: 'dossier-1',
    stepId: `${id}-instance`,
    elementId: 'task-review',
    name: 'Thẩm định hồ sơ',
    kind: 'userTask',
    agencyId: 'so-kh-dt',
    departmentId: 'phong-dkkd',
    status: 'open',
    startedAt: 1_700_000_000_000,
    ...overrides,
  };
}

export function describeStepStoreContract(adapter: string, makeStores: () => Promise<Stores>): void {
  describe(`StepStore contract (${adapter})`, () => {
    const dossier: DossierRecord = {
      id: 'dossier-1', dossierCode: 'TTHC-250303-0007', procedureKey: 'dang-ky-kinh-doanh', procedureVersion: 1, agencyId: 'so-kh-dt',
      status: 4, channel: 1, applicant: { name: 'Nguyễn Thị Hoà', idNumber: '001090000001' }, form: {}, state: {}, createdAt: 0, updatedAt: 0, rev: 0,
    };

    it("writes one command's new and changed steps together, found by the dossier's code and applicant like any step", async () => {
      // given
      const stores = await makeStores();
      await stores.dossiers.create(dossier);
      const first = await stores.steps.create(aStep('s1'));
      // when
      await stores.steps.writeMany(dossier, [aStep('s2', { startedAt: 1_700_000_000_001 }), aStep('s3', { startedAt: 1_700_000_000_002 })], [{ ...first, status: 'completed', completedAt: 5 }]);
      // then
      expect(await stores.steps.get('s1')).toEqual({ ...first, status: 'completed', completedAt: 5, rev: 1 });
      expect(await stores.steps.get('s2')).toEqual({ ...aStep('s2', { startedAt: 1_700_000_000_001 }), rev: 0 });
      expect((await stores.steps.list({ search: 'hoa', status: ['open'] }, { offset: 0, limit: 10 })).items.map((step) => step.id)).toEqual(['s2', 's3']);
      expect((await stores.steps.list({ procedureKey: 'dang-ky-kinh-doanh' }, { offset: 0, limit: 10 })).total).toBe(3);
    });

    it('refuses a batch with a stale step with ConcurrencyConflict and one with a taken id with DuplicateKey', async () => {
      // given
      const stores = await makeStores();
      await stores.dossiers.create(dossier);
      const first = await stores.steps.create(aStep('s1'));
      await stores.steps.update({ ...first, assigneeId: 'officer-2' });
      // when / then
      await expect(stores.steps.writeMany(dossier, [], [{ ...first, status: 'completed' }])).rejects.toBeInstanceOf(ConcurrencyConflict);
      await expect(stores.steps.writeMany(dossier, [aStep('s1')], [])).rejects.toBeInstanceOf(DuplicateKey);
      expect((await stores.steps.get('s1'))?.status).toBe('open');
    });

    it('creates a step at revision 0 and gets it back by id', async () => {
      // given
      const { steps } = await makeStores();
      // when
      const created = await steps.create(aStep('s1', { dueAt: 1_700_100_000_000, clock: { state: 'onTrack' } }));
      // then
      expect(created).toEqual({ ...aStep('s1', { dueAt: 1_700_100_000_000, clock: { state: 'onTrack' } }), rev: 0 });
      expect(await steps.get('s1')).toEqual(created);
      expect(await steps.get('nope')).toBeUndefined();
    });

    it('rejects a second step with a taken id with DuplicateKey', async () => {
      // given
      const { steps } = await makeStores();
      await steps.create(aStep('s1'));
      // when
      const second = steps.create(aStep('s1', { name: 'other' }));
      // then
      await expect(second).rejects.toBeInstanceOf(DuplicateKey);
      expect((await steps.get('s1'))?.name).toBe('Thẩm định hồ sơ');
    });

    it('completes a step at the stored revision and rejects a stale revision with ConcurrencyConflict', async () => {
      // given
      const { steps } = await makeStores();
      const created = await steps.create(aStep('s1'));
      // when
      const completed = await steps.update({ ...created, status: 'completed', completedAt: 1_700_000_500_000, outcome: 'approved' });
      const stale = steps.update({ ...created, assigneeId: 'someone' });
      // then
      expect(completed).toMatchObject({ rev: 1, status: 'completed', outcome: 'approved' });
      await expect(stale).rejects.toBeInstanceOf(ConcurrencyConflict);
      expect(await steps.get('s1')).toEqual(completed);
    });

    it('keeps when a step was claimed, so the wait for an official and the work can be measured apart', async () => {
      // given
      const { steps } = await makeStores();
      const created = await steps.create(aStep('s1'));
      // when
      await steps.update({ ...created, assigneeId: 'u-officer', claimedAt: 1_700_000_300_000 });
      // then
      expect(await steps.get('s1')).toMatchObject({ rev: 1, assigneeId: 'u-officer', claimedAt: 1_700_000_300_000 });
    });

    it("lists a department's open steps by agency, department and status (an officer's inbox), oldest first", async () => {
      // given
      const { steps } = await makeStores();
      await steps.create(aStep('s1', { startedAt: 3 }));
      await steps.create(aStep('s2', { startedAt: 1 }));
      await steps.create(aStep('s3', { status: 'completed' }));
      await steps.create(aStep('s4', { departmentId: 'phong-khac' }));
      await steps.create(aStep('s5', { agencyId: 'so-tn-mt' }));
      // when
      const inbox = await steps.list({ agencyId: 'so-kh-dt', departmentId: 'phong-dkkd', status: ['open'] }, { offset: 0, limit: 10 });
      // then
      expect(inbox.items.map((step) => step.id)).toEqual(['s2', 's1']);
      expect(inbox.total).toBe(2);
    });

    it('lists steps by dossier, assignee and element', async () => {
      // given
      const { steps } = await makeStores();
      await steps.create(aStep('s1', { dossierId: 'd1', assigneeId: 'officer-1' }));
      await steps.create(aStep('s2', { dossierId: 'd1', elementId: 'task-sign', startedAt: 1_700_000_000_001 }));
      await steps.create(aStep('s3', { dossierId: 'd2', assigneeId: 'officer-1', startedAt: 1_700_000_000_002 }));
      const all = { offset: 0, limit: 10 };
      // when
      const ofDossier = await steps.list({ dossierId: 'd1' }, all);
      const ofAssignee = await steps.list({ assigneeId: 'officer-1' }, all);
      const ofElement = await steps.list({ elementId: 'task-sign', status: ['open', 'completed'] }, all);
      // then
      expect(ofDossier.items.map((step) => step.id)).toEqual(['s1', 's2']);
      expect(ofAssignee.items.map((step) => step.id)).toEqual(['s1', 's3']);
      expect(ofElement.items.map((step) => step.id)).toEqual(['s2']);
    });

    it('lists steps by the procedure key of their dossier', async () => {
      // given
      const stores = await makeStores();
      const dossier = {
        procedureVersion: 1,
        agencyId: 'so-kh-dt',
        status: 2 as const,
        channel: 1 as const,
        applicant: { name: 'Trần Thị Bình', idNumber: '001190000002' },
        form: {},
        state: {},
        createdAt: 0,
        updatedAt: 0,
      };
      await stores.dossiers.create({ ...dossier, id: 'd1', dossierCode: 'C1', procedureKey: 'dang-ky-kinh-doanh' });
      await stores.dossiers.create({ ...dossier, id: 'd2', dossierCode: 'C2', procedureKey: 'ho-tich' });
      await stores.steps.create(aStep('s1', { dossierId: 'd1' }));
      await stores.steps.create(aStep('s2', { dossierId: 'd2' }));
      // when
      const page = await stores.steps.list({ procedureKey: 'ho-tich' }, { offset: 0, limit: 10 });
      // then
      expect(page.items.map((step) => step.id)).toEqual(['s2']);
    });

    it('ranks open steps by urgency at an instant, counts each phase, narrows by phase and pages across phases', async () => {
      // given steps overdue, nearly due, in time (two), paused and without a clock, at instant 100
      const { steps } = await makeStores();
      await steps.create(aStep('due-late', { startedAt: 1, dueAt: 300, nearlyDueAt: 250 }));
      await steps.create(aStep('due-soon', { startedAt: 2, dueAt: 200 }));
      await steps.create(aStep('overdue', { startedAt: 3, dueAt: 90, nearlyDueAt: 60 }));
      await steps.create(aStep('nearly', { startedAt: 4, dueAt: 150, nearlyDueAt: 100 }));
      await steps.create(aStep('paused', { startedAt: 5, dueAt: 50, pausedAt: 40 }));
      await steps.create(aStep('no-clock', { startedAt: 6 }));
      await steps.create(aStep('closed', { status: 'completed', dueAt: 10 }));
      const query = { status: ['open' as const] };
      // when the whole list, then its second page of two, then the overdue and paused ones are asked for
      const all = await steps.listByUrgency(query, { now: 100 }, { offset: 0, limit: 10 });
      const second = await steps.listByUrgency(query, { now: 100 }, { offset: 2, limit: 2 });
      const some = await steps.listByUrgency(query, { now: 100, phases: ['paused', 'overdue'] }, { offset: 0, limit: 10 });
      // then
      expect(all.items.map((step) => step.id)).toEqual(['overdue', 'nearly', 'due-soon', 'due-late', 'paused', 'no-clock']);
      expect(all.phases).toEqual({ overdue: 1, nearlyDue: 1, due: 2, paused: 1, none: 1 });
      expect(all.total).toBe(6);
      expect(second.items.map((step) => step.id)).toEqual(['due-soon', 'due-late']);
      expect(second.total).toBe(6);
      expect(some.items.map((step) => step.id)).toEqual(['overdue', 'paused']);
      expect(some.total).toBe(2);
      expect(some.phases).toEqual(all.phases);
    });

    it('finds steps by the start of their dossier code or part of the applicant name, folded, and by claim and by no department', async () => {
      // given two dossiers, each step written after its dossier (a unit of work saves the dossier first), one of
      // them through the batch write a dossier command uses
      const stores = await makeStores();
      const dossier = { procedureKey: 'ho-tich', procedureVersion: 1, agencyId: 'so-kh-dt', status: 4 as const, channel: 1 as const, form: {}, state: {}, createdAt: 0, updatedAt: 0 };
      await stores.dossiers.create({ ...dossier, id: 'd1', dossierCode: 'H10-250303-0001', applicant: { name: 'Nguyễn Văn Đạt', idNumber: '1' } });
      await stores.steps.create(aStep('s1', { dossierId: 'd1', assigneeId: 'officer-1' }));
      const second = await stores.dossiers.create({ ...dossier, id: 'd2', dossierCode: 'H10-250303-0002', applicant: { name: 'Trần Thị Bình', idNumber: '2' } });
      await stores.steps.writeMany(second, [aStep('s2', { dossierId: 'd2', departmentId: undefined })], []);
      const all = { offset: 0, limit: 10 };
      const ids = async (query: Parameters<typeof stores.steps.list>[0]) => (await stores.steps.list(query, all)).items.map((step) => step.id);
      // then
      expect(await ids({ search: 'van dat' })).toEqual(['s1']);
      expect(await ids({ search: 'binh' })).toEqual(['s2']);
      expect(await ids({ search: 'h10-250303-000' })).toEqual(['s1', 's2']);
      expect(await ids({ search: '250303' })).toEqual([]);
      expect(await ids({ search: 'a.*' })).toEqual([]);
      expect(await ids({ claimed: true })).toEqual(['s1']);
      expect(await ids({ claimed: false })).toEqual(['s2']);
      expect(await ids({ departmentId: null })).toEqual(['s2']);
      expect((await stores.steps.listByUrgency({ search: 'tran thi' }, { now: 0 }, all)).items.map((step) => step.id)).toEqual(['s2']);
    });

    it('pages a list of steps and reports the total before paging', async () => {
      // given
      const { steps } = await makeStores();
      for (let i = 0; i < 5; i += 1) await steps.create(aStep(`s${i}`, { startedAt: i }));
      // when
      const page = await steps.list({ status: ['open'] }, { offset: 3, limit: 10 });
      // then
      expect(page.items.map((step) => step.id)).toEqual(['s3', 's4']);
      expect(page.total).toBe(5);
    });
  });
}
