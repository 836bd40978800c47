/**
 * Construction permit for an individual house (`cap-giay-phep-xay-dung-nha-o`, 15 working days, supplement policy
 * `pause`) through the server's public path on the real calendar: on time across National Day 2025, a supplement
 * that pauses the clock and resumes it with exactly the time left, a review that runs late up the long ladder until
 * the commune apologises; each path restarted in the middle.
 */
import { describe, expect, it } from 'vitest';
import type { Work } from './support/drive-dossier';
import { vn, WORKING_DAY_MS, WORKING_HOUR_MS } from './support/scenario-app';
import { traceOf } from './support/run';
import { expectAppointment, expectOnTimeEnd, expectReceiptSlip, onTimePath, statutoryOf, type OnTimeCase } from './support/on-time-path';
import { expectResumedWithRemainingTime, supplementPath, type SupplementCase } from './support/supplement-path';
import { expectOverdueEnd, overduePath, type OverdueCase } from './support/overdue-path';

const SLUG = 'cap-giay-phep-xay-dung-nha-o';
const H = WORKING_HOUR_MS;
const D = WORKING_DAY_MS;

const receive: Work = { user: 'official.motcua', elementId: 'task-receive', afterWorkingMs: 4 * H, notVisibleTo: 'official.ktht' };
// the provincial Department of Construction no longer issues these permits: its inbox does not show the review
const review: Work = { user: 'official.ktht', elementId: 'task-review', afterWorkingMs: 7 * D, notVisibleTo: 'official.xaydung' };
const head: Work = { user: 'head.ktht', elementId: 'task-head', afterWorkingMs: 4 * H, notVisibleTo: 'official.hotich' };
// the commune chairman signs: an agency-level step, not in the civil-status department's inbox
const sign: Work = { user: 'head.xa', elementId: 'task-sign', afterWorkingMs: D, notVisibleTo: 'official.hotich' };
const returned: Work = { user: 'official.motcua', elementId: 'task-return', afterWorkingMs: 4 * H, notVisibleTo: 'official.ktht' };

/** Friday 29/8/2025 09:00, before the National Day holidays (Monday 1/9 and Tuesday 2/9). */
const ON_TIME: OnTimeCase = { slug: SLUG, receivedAt: vn(2025, 8, 29, 9, 0), route: [receive, review, head, sign, returned] };

const SUPPLEMENT: SupplementCase = {
  slug: SLUG,
  receivedAt: vn(2025, 6, 2, 9, 0),
  before: [receive],
  asker: { user: 'official.ktht', elementId: 'task-review', afterWorkingMs: 2 * D },
  missing: [{ name: 'Bản vẽ thiết kế xây dựng', detail: 'thiếu mặt cắt móng' }, { name: 'Giấy chứng nhận quyền sử dụng đất (bản sao)' }],
  supplementAt: vn(2025, 6, 16, 10, 0),
  after: [review, head, sign, returned],
};

const OVERDUE: OverdueCase = {
  slug: SLUG,
  receivedAt: vn(2025, 10, 6, 9, 0),
  before: [receive],
  // review: 10 working days, nearly due 16 working hours before its end; long ladder 0 / 8 / 24 h
  late: { user: 'official.ktht', elementId: 'task-review', agencyId: 'ubnd-xa-demo', nearlyDueAfterWorkingMs: 8 * D, ladderHours: [0, 8, 24], head: 'head.ktht', headReassigns: true },
  after: [head, sign, returned],
  apologist: 'official.ktht',
  agencyName: 'Ủy ban nhân dân xã Demo',
};

describe('construction permit for an individual house through the server, on the real calendar', () => {
  it('on time: received on 29/8/2025, the appointment 23/9 09:00 skips National Day; counter → urban office → head → chairman → counter; 2 → 4 → 9 → 10', async () => {
    const { run, dossier } = await onTimePath(ON_TIME);
    expectAppointment(ON_TIME.receivedAt, statutoryOf(15), dossier.appointmentAt, ['Quốc khánh (ngày liền kề 1/9)', 'Quốc khánh (2/9)']);
    expect(dossier.appointmentAt).toBe(new Date(vn(2025, 9, 23, 9, 0)).toISOString());
    await expectReceiptSlip(run.s, dossier, '09 giờ 00 phút, ngày 23 tháng 09 năm 2025');
    await expectOnTimeEnd(run.s, dossier.id, ON_TIME);
  });

  it('on time with the server restarted after the chairman signed: the same statuses, progress records and notifications', async () => {
    const plain = await onTimePath(ON_TIME);
    const restarted = await onTimePath(ON_TIME, 'after:task-sign');
    expect(await traceOf(restarted.run.s, restarted.dossier.id)).toEqual(await traceOf(plain.run.s, plain.dossier.id));
  });

  it('supplement (pause policy): status 5 with form 02, the clock stops, and resumes with exactly the working time it had left', async () => {
    // given the review (from Monday 2/6/2025 14:30) asks two working days in, on Wednesday 4/6 14:30, 2 days 4 hours
    // after the receipt; when the household supplements on Monday 16/6 10:00
    const { run, dossier, supplemented } = await supplementPath(SUPPLEMENT);
    // then the statutory clock resumes with the 12 days 4 hours it had left: due Wednesday 2/7 15:30
    const { dueAt } = await expectResumedWithRemainingTime(run.s, dossier.id, 'supplement.requested', 'supplement.received');
    expect(dueAt).toBe(vn(2025, 7, 2, 15, 30));
    // and the appointment printed on the receipt is kept (the citizen's time is subtracted, not re-promised)
    expect(supplemented.appointmentAt).toBe(dossier.appointmentAt);
  });

  it('supplement with the server restarted while the clock is paused reaches the same end', async () => {
    const plain = await supplementPath(SUPPLEMENT);
    const restarted = await supplementPath(SUPPLEMENT, 'waiting');
    expect(await traceOf(restarted.run.s, restarted.dossier.id)).toEqual(await traceOf(plain.run.s, plain.dossier.id));
  });

  it('overdue: the review warns 16 hours before its end, climbs official → head (+8 h) → supervisor (+24 h) once each; the commune apologises once', async () => {
    const { run, dossier } = await overduePath(OVERDUE);
    await expectOverdueEnd(run.s, dossier.id);
  });

  it('overdue with the server restarted before the apology reaches the same end without duplicates', async () => {
    const plain = await overduePath(OVERDUE);
    const restarted = await overduePath(OVERDUE, 'apology');
    expect(await traceOf(restarted.run.s, restarted.dossier.id)).toEqual(await traceOf(plain.run.s, plain.dossier.id));
  });
});
