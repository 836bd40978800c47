/**
 * Land change registration (`dang-ky-bien-dong-dat-dai`, 14 working days with the commune's check, supplement policy
 * `pause`, status 6 while the taxes are paid) through the server's public path on the real calendar: on time across
 * Hùng Kings' day and 30/4–1/5/2026 with a paused wait for the taxes, a supplement that pauses the clock, a tax
 * notice that runs late so the delay is the tax agency's; each path restarted in the middle.
 */
import { describe, expect, it } from 'vitest';
import { dossierOf, findStep, type Work } from './support/drive-dossier';
import { vn, WORKING_DAY_MS, WORKING_HOUR_MS, type ScenarioApp } from './support/scenario-app';
import { traceOf, type Hooks } from './support/run';
import { expectAppointment, expectOnTimeEnd, expectReceiptSlip, onTimePath, statutoryOf, type OnTimeCase } from './support/on-time-path';
import { expectResumedWithRemainingTime, supplementPath, type SupplementCase } from './support/supplement-path';
import { expectOverdueEnd, overduePath, type OverdueCase } from './support/overdue-path';

const SLUG = 'dang-ky-bien-dong-dat-dai';
const H = WORKING_HOUR_MS;
const D = WORKING_DAY_MS;

const receive: Work = { user: 'official.motcua', elementId: 'task-receive', afterWorkingMs: 2 * H, notVisibleTo: 'official.vpdk' };
const review: Work = { user: 'official.vpdk', elementId: 'task-review', afterWorkingMs: 1.5 * D, notVisibleTo: 'official.thue' };
const reviewWithCommuneCheck: Work = { ...review, data: { needsCommuneCheck: true } };
const communeCheck: Work = { user: 'head.xa', elementId: 'task-commune-check', afterWorkingMs: D, notVisibleTo: 'official.vpdk' };
const transferTax: Work = { user: 'official.vpdk', elementId: 'task-transfer-tax', afterWorkingMs: 2 * H, notVisibleTo: 'official.thue' };
const taxNotice: Work = { user: 'official.thue', elementId: 'task-tax-notice', afterWorkingMs: 2 * D, notVisibleTo: 'official.vpdk' };
const updateRecords: Work = { user: 'official.vpdk', elementId: 'task-update-records', afterWorkingMs: 2 * D, notVisibleTo: 'official.thue' };
const sign: Work = { user: 'head.vpdk', elementId: 'task-sign', afterWorkingMs: D, notVisibleTo: 'official.thue' };
const returned: Work = { user: 'official.motcua', elementId: 'task-return', afterWorkingMs: 2 * H, notVisibleTo: 'official.vpdk' };

/**
 * The tax notice opens the wait for the taxes: status 6, the wait held by the tax agency with no clock; the land
 * user pays 3 calendar days later at the counter, and the route goes on.
 */
async function payTaxesThreeDaysLater(s: ScenarioApp, dossierId: string): Promise<void> {
  expect((await dossierOf(s, dossierId)).status).toBe(6);
  expect((await dossierOf(s, dossierId, 'official.thue')).status).toBe(6);
  const wait = await findStep(s, 'official.thue', dossierId, 'task-wait-fees');
  expect(wait?.mark).toBe('none');
  s.clock.advance(3 * 24 * 3_600_000);
  const paid = await s.call<{ status: number }>('official.motcua', 'POST', `/api/dossiers/${dossierId}/fee-payments`, { amount: 25_000_000, note: 'Biên lai nộp thuế thu nhập cá nhân, lệ phí trước bạ' });
  expect(paid.status, JSON.stringify(paid.body)).toBe(200);
  expect(paid.body.status).toBe(4);
  expect(await findStep(s, 'official.thue', dossierId, 'task-wait-fees')).toBeUndefined();
}

const hooks: Hooks = { 'task-tax-notice': payTaxesThreeDaysLater };

/** Friday 24/4/2026 09:00: Hùng Kings' day (Sunday 26/4, off Monday 27/4), 30/4 and 1/5 fall in the 14 days. */
const ON_TIME: OnTimeCase = {
  slug: SLUG,
  receivedAt: vn(2026, 4, 24, 9, 0),
  route: [receive, reviewWithCommuneCheck, communeCheck, transferTax, taxNotice, updateRecords, sign, returned],
  hooks,
  statusPath: [2, 4, 6, 4, 9, 10],
};

const SUPPLEMENT: SupplementCase = {
  slug: SLUG,
  receivedAt: vn(2025, 9, 8, 9, 0),
  before: [receive],
  asker: { user: 'official.vpdk', elementId: 'task-review', afterWorkingMs: D },
  missing: [{ name: 'Hợp đồng chuyển nhượng quyền sử dụng đất', detail: 'chưa công chứng' }, { name: 'Tờ khai lệ phí trước bạ' }],
  supplementAt: vn(2025, 9, 15, 14, 0),
  after: [review, transferTax, taxNotice, updateRecords, sign, returned],
  hooks,
  statusPath: [2, 4, 5, 4, 6, 4, 9, 10],
};

const OVERDUE: OverdueCase = {
  slug: SLUG,
  receivedAt: vn(2025, 11, 10, 9, 0),
  before: [receive, review, transferTax],
  // the tax notice: 3 working days, nearly due at 75 %; long ladder 0 / 8 / 24 h
  late: { user: 'official.thue', elementId: 'task-tax-notice', agencyId: 'thue-co-so', nearlyDueAfterWorkingMs: 2.25 * D, ladderHours: [0, 8, 24], head: 'head.thue', headReassigns: true },
  after: [updateRecords, sign, returned],
  hooks,
  apologist: 'official.thue',
  agencyName: 'Thuế cơ sở 1 tỉnh Demo',
};

describe('land change registration through the server, on the real calendar', () => {
  it('on time: received on 24/4/2026, the appointment 19/5 09:00 skips Hùng Kings\' day, 30/4 and 1/5; the commune checks; 2 → 4 → 6 → 4 → 9 → 10', async () => {
    const { run, dossier } = await onTimePath(ON_TIME);
    expectAppointment(ON_TIME.receivedAt, statutoryOf(14), dossier.appointmentAt, ['Nghỉ bù Giỗ Tổ Hùng Vương', 'Ngày Chiến thắng (30/4)', 'Ngày Quốc tế Lao động (1/5)']);
    expect(dossier.appointmentAt).toBe(new Date(vn(2026, 5, 19, 9, 0)).toISOString());
    await expectReceiptSlip(run.s, dossier, '09 giờ 00 phút, ngày 19 tháng 05 năm 2026');
    await expectOnTimeEnd(run.s, dossier.id, ON_TIME);
  });

  it('status 6 pauses the clock while the taxes are paid: it resumes with exactly the working time it had left', async () => {
    const { run, dossier } = await onTimePath(ON_TIME);
    const { pausedAt, resumedAt, dueAt } = await expectResumedWithRemainingTime(run.s, dossier.id, 'fees.requested', 'fees.paid');
    expect(resumedAt - pausedAt).toBe(3 * 24 * 3_600_000);
    expect(dueAt).toBeGreaterThan(Date.parse(dossier.appointmentAt!));
  });

  it('on time with the server restarted while the taxes are being paid: the same statuses, progress records and notifications', async () => {
    const plain = await onTimePath(ON_TIME);
    const restarted = await onTimePath(ON_TIME, 'completed:task-tax-notice');
    expect(await traceOf(restarted.run.s, restarted.dossier.id)).toEqual(await traceOf(plain.run.s, plain.dossier.id));
  });

  it('supplement (pause policy): status 5 with form 02, the clock stops, then resumes with exactly the working time it had left', async () => {
    const { run, dossier } = await supplementPath(SUPPLEMENT);
    await expectResumedWithRemainingTime(run.s, dossier.id, 'supplement.requested', 'supplement.received');
    await expectResumedWithRemainingTime(run.s, dossier.id, 'fees.requested', 'fees.paid');
  });

  it('supplement with the server restarted while the clock is paused reaches the same end', async () => {
    const plain = await supplementPath(SUPPLEMENT);
    const restarted = await supplementPath(SUPPLEMENT, 'waiting');
    expect(await traceOf(restarted.run.s, restarted.dossier.id)).toEqual(await traceOf(plain.run.s, plain.dossier.id));
  });

  it('overdue: the tax notice warns at 75 %, climbs official → head (+8 h) → supervisor (+24 h) once each; the delay and the apology are the tax agency\'s', async () => {
    const { run, dossier } = await overduePath(OVERDUE);
    await expectOverdueEnd(run.s, dossier.id, [2, 4, 6, 4, 9, 10]);
  });

  it('overdue with the server restarted between two rungs reaches the same end without duplicates', async () => {
    const plain = await overduePath(OVERDUE);
    const restarted = await overduePath(OVERDUE, 'between-rungs');
    expect(await traceOf(restarted.run.s, restarted.dossier.id)).toEqual(await traceOf(plain.run.s, plain.dossier.id));
  });
});
