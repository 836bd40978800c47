/**
 * Investment registration certificate (`cap-giay-chung-nhan-dang-ky-dau-tu`, 15 working days from a valid dossier,
 * supplement policy `restart`) through the server's public path on the real calendar: submitted online over the
 * New Year, a supplement that restarts the clock, a review that runs late up the long ladder; each path restarted in
 * the middle.
 */
import { describe, expect, it } from 'vitest';
import type { Work } from './support/drive-dossier';
import { vn, WORKING_DAY_MS, WORKING_HOUR_MS } from './support/scenario-app';
import { traceOf } from './support/run';
import { expectAppointment, expectOnTimeEnd, expectReceiptSlip, onTimePath, statutoryOf, type OnTimeCase } from './support/on-time-path';
import { dueAfterSupplement, supplementPath, type SupplementCase } from './support/supplement-path';
import { expectOverdueEnd, overduePath, type OverdueCase } from './support/overdue-path';

const SLUG = 'cap-giay-chung-nhan-dang-ky-dau-tu';
const H = WORKING_HOUR_MS;
const D = WORKING_DAY_MS;

const receive: Work = { user: 'official.motcua', elementId: 'task-receive', afterWorkingMs: 2 * H, notVisibleTo: 'official.dautu' };
const review: Work = { user: 'official.dautu', elementId: 'task-review', afterWorkingMs: 5 * D, notVisibleTo: 'official.dkkd' };
const head: Work = { user: 'head.dautu', elementId: 'task-head', afterWorkingMs: D, notVisibleTo: 'official.dkkd' };
// the Department's leader signs: the step names the agency only, so a department's inbox does not show it
const sign: Work = { user: 'head.taichinh', elementId: 'task-sign', afterWorkingMs: 4 * H, notVisibleTo: 'official.dautu' };
const returned: Work = { user: 'official.motcua', elementId: 'task-return', afterWorkingMs: 2 * H, notVisibleTo: 'head.taichinh' };

/** Submitted online on Saturday 27/12/2025, accepted on Monday 29/12 09:00: 15 working days skip New Year's Day 2026. */
const ON_TIME: OnTimeCase = { slug: SLUG, receivedAt: vn(2025, 12, 27, 10, 0), acceptedAt: vn(2025, 12, 29, 9, 0), route: [receive, review, head, sign, returned] };

const SUPPLEMENT: SupplementCase = {
  slug: SLUG,
  receivedAt: vn(2025, 10, 6, 9, 0),
  before: [receive],
  asker: { user: 'official.dautu', elementId: 'task-review', afterWorkingMs: 3 * D },
  missing: [{ name: 'Đề xuất dự án đầu tư', detail: 'thiếu phương án sử dụng đất' }, { name: 'Báo cáo năng lực tài chính của nhà đầu tư' }],
  supplementAt: vn(2025, 10, 20, 14, 0),
  after: [review, head, sign, returned],
};

const OVERDUE: OverdueCase = {
  slug: SLUG,
  receivedAt: vn(2025, 11, 3, 9, 0),
  before: [receive],
  // review: 10 working days, nearly due 16 working hours before its end; long ladder 0 / 8 / 24 h
  late: { user: 'official.dautu', elementId: 'task-review', agencyId: 'so-tai-chinh', nearlyDueAfterWorkingMs: 10 * D - 16 * H, ladderHours: [0, 8, 24], head: 'head.dautu', headReassigns: true },
  after: [head, sign, returned],
  apologist: 'official.dautu',
  agencyName: 'Sở Tài chính',
};

describe('investment registration certificate through the server, on the real calendar', () => {
  it('on time: submitted online over New Year 2026, accepted on 29/12 with the appointment 20/1/2026 09:00; 1 → 2 → 4 → 9 → 10', async () => {
    // given an online submission on Saturday, accepted at the counter on Monday 29/12/2025 09:00
    // when the counter, the investment office, its head, the Department's leader and the counter work in time
    const { run, dossier } = await onTimePath(ON_TIME);
    // then the appointment is 15 working days from the acceptance, skipping New Year's Day, on the receipt slip
    expectAppointment(ON_TIME.acceptedAt!, statutoryOf(15), dossier.appointmentAt, ['Tết Dương lịch (1/1)']);
    expect(dossier.appointmentAt).toBe(new Date(vn(2026, 1, 20, 9, 0)).toISOString());
    await expectReceiptSlip(run.s, dossier, '09 giờ 00 phút, ngày 20 tháng 01 năm 2026');
    await expectOnTimeEnd(run.s, dossier.id, ON_TIME);
  });

  it('on time with the server restarted after the head of office: the same statuses, progress records and notifications', async () => {
    const plain = await onTimePath(ON_TIME);
    const restarted = await onTimePath(ON_TIME, 'after:task-head');
    expect(await traceOf(restarted.run.s, restarted.dossier.id)).toEqual(await traceOf(plain.run.s, plain.dossier.id));
  });

  it('supplement (restart policy): status 5 with form 02, then the 15 days count again from the supplement on 20/10/2025', async () => {
    const { run, dossier, supplemented } = await supplementPath(SUPPLEMENT);
    // then the appointment is 15 working days after Monday 20/10 14:00: Monday 10/11 14:00
    expect(supplemented.appointmentAt).toBe(new Date(vn(2025, 11, 10, 14, 0)).toISOString());
    expect(supplemented.appointmentAt).not.toBe(dossier.appointmentAt);
    expectAppointment(SUPPLEMENT.supplementAt, statutoryOf(15), supplemented.appointmentAt, []);
    expect(await dueAfterSupplement(run.s, dossier.id)).toBe(vn(2025, 11, 10, 14, 0));
  });

  it('supplement with the server restarted while waiting for the investor reaches the same end', async () => {
    const plain = await supplementPath(SUPPLEMENT);
    const restarted = await supplementPath(SUPPLEMENT, 'waiting');
    expect(await traceOf(restarted.run.s, restarted.dossier.id)).toEqual(await traceOf(plain.run.s, plain.dossier.id));
  });

  it('overdue: the review warns 8 hours before its end, then climbs official → head (+8 h) → supervisor (+24 h) once each; the Department apologises once', async () => {
    const { run, dossier } = await overduePath(OVERDUE);
    await expectOverdueEnd(run.s, dossier.id);
  });

  it('overdue with the server restarted right after the nearly-due warning reaches the same end without duplicates', async () => {
    const plain = await overduePath(OVERDUE);
    const restarted = await overduePath(OVERDUE, 'nearly-due');
    expect(await traceOf(restarted.run.s, restarted.dossier.id)).toEqual(await traceOf(plain.run.s, plain.dossier.id));
  });
});
