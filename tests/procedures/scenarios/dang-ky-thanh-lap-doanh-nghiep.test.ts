/**
 * Business registration (`dang-ky-thanh-lap-doanh-nghiep`, 3 working days from a valid dossier, supplement policy
 * `restart`) through the server's public path on the real calendar: on time across the 30/4–4/5/2025 holidays, a
 * supplement that restarts the clock, a review that runs late up the short ladder, each with a restart in the middle.
 */
import { describe, expect, it } from 'vitest';
import type { Work } from './support/drive-dossier';
import { vn, WORKING_HOUR_MS } from './support/scenario-app';
import { traceOf } from './support/run';
import { expectAppointment, expectOnTimeEnd, expectReceiptSlip, onTimePath, statutoryOf, type OnTimeCase } from './support/on-time-path';
import { dueAfterSupplement, supplementPath, type SupplementCase } from './support/supplement-path';
import { expectOverdueEnd, overduePath, type OverdueCase } from './support/overdue-path';

const SLUG = 'dang-ky-thanh-lap-doanh-nghiep';
const H = WORKING_HOUR_MS;

const receive: Work = { user: 'official.motcua', elementId: 'task-receive', afterWorkingMs: H, notVisibleTo: 'official.dkkd' };
const review: Work = { user: 'official.dkkd', elementId: 'task-review', afterWorkingMs: 4 * H, notVisibleTo: 'official.dautu' };
const head: Work = { user: 'head.dkkd', elementId: 'task-head', afterWorkingMs: H, notVisibleTo: 'official.motcua' };
const returned: Work = { user: 'official.motcua', elementId: 'task-return', afterWorkingMs: H, notVisibleTo: 'official.dkkd' };

/** Tuesday 29/4/2025 09:00, the working day before Reunification Day. */
const ON_TIME: OnTimeCase = { slug: SLUG, receivedAt: vn(2025, 4, 29, 9, 0), route: [receive, review, head, returned] };

const OVERDUE: OverdueCase = {
  slug: SLUG,
  receivedAt: vn(2025, 7, 7, 9, 0),
  before: [receive],
  // review: 1.5 working days, nearly due 4 working hours before its end; short ladder 0 / 2 / 8 h
  late: { user: 'official.dkkd', elementId: 'task-review', agencyId: 'so-tai-chinh', nearlyDueAfterWorkingMs: 8 * H, ladderHours: [0, 2, 8], head: 'head.dkkd', headReassigns: false },
  after: [head, returned],
  apologist: 'official.dkkd',
  agencyName: 'Sở Tài chính',
};

const MISSING = [{ name: 'Điều lệ công ty', detail: 'thiếu chữ ký của chủ sở hữu' }, { name: 'Bản sao giấy tờ pháp lý của chủ sở hữu' }];

/** The review asks for a supplement after half a day; the founder supplements on Thursday 12/6/2025 10:00. */
const SUPPLEMENT: SupplementCase = {
  slug: SLUG,
  receivedAt: vn(2025, 6, 9, 9, 0),
  before: [receive],
  asker: { user: 'official.dkkd', elementId: 'task-review', afterWorkingMs: 4 * H },
  missing: [{ name: 'Điều lệ công ty', detail: 'thiếu chữ ký của chủ sở hữu' }, { name: 'Bản sao giấy tờ pháp lý của chủ sở hữu' }],
  supplementAt: vn(2025, 6, 12, 10, 0),
  after: [review, head, returned],
};

describe('business registration through the server, on the real calendar', () => {
  it('on time: received before 30/4/2025, the appointment 7/5 09:00 skips the holidays; each unit works its step early or on time; 2 → 4 → 9 → 10', async () => {
    // given the shipped model and a dossier received at the counter on Tuesday 29/4/2025 09:00
    // when each unit works its step within its budget
    const { run, dossier } = await onTimePath(ON_TIME);
    // then the appointment is 3 working days later on the calendar, printed on the receipt slip
    expectAppointment(ON_TIME.receivedAt, statutoryOf(3), dossier.appointmentAt, ['Ngày Chiến thắng (30/4)', 'Ngày Quốc tế Lao động (1/5)', 'Nghỉ hoán đổi']);
    expect(dossier.appointmentAt).toBe(new Date(vn(2025, 5, 7, 9, 0)).toISOString());
    await expectReceiptSlip(run.s, dossier, '09 giờ 00 phút, ngày 07 tháng 05 năm 2025');
    // and the route ended well, recorded step by step
    await expectOnTimeEnd(run.s, dossier.id, ON_TIME);
  });

  it('on time with the server restarted after the review: the same statuses, progress records and notifications', async () => {
    const plain = await onTimePath(ON_TIME);
    const restarted = await onTimePath(ON_TIME, 'after:task-review');
    expect(await traceOf(restarted.run.s, restarted.dossier.id)).toEqual(await traceOf(plain.run.s, plain.dossier.id));
  });

  it('supplement (restart policy): status 5 with form 02 listing every component, then the 3 days count again from the supplement', async () => {
    // given a dossier whose review asks for two components, when the founder supplements on Thursday 12/6 10:00
    const { run, dossier, supplemented } = await supplementPath(SUPPLEMENT);
    // then the appointment moved to 3 working days after the supplement (Tuesday 17/6 10:00), the receipt's no longer
    expect(dossier.appointmentAt).toBe(new Date(vn(2025, 6, 12, 9, 0)).toISOString());
    expect(supplemented.appointmentAt).toBe(new Date(vn(2025, 6, 17, 10, 0)).toISOString());
    expectAppointment(SUPPLEMENT.supplementAt, statutoryOf(3), supplemented.appointmentAt, []);
    expect(await dueAfterSupplement(run.s, dossier.id)).toBe(vn(2025, 6, 17, 10, 0));
  });

  it('supplement with the server restarted while waiting for the founder reaches the same end', async () => {
    const plain = await supplementPath(SUPPLEMENT);
    const restarted = await supplementPath(SUPPLEMENT, 'waiting');
    expect(await traceOf(restarted.run.s, restarted.dossier.id)).toEqual(await traceOf(plain.run.s, plain.dossier.id));
  });

  it('overdue: the review warns once, goes overdue, climbs official → head → supervisor once each, the Department of Finance apologises once', async () => {
    const { run, dossier } = await overduePath(OVERDUE);
    await expectOverdueEnd(run.s, dossier.id);
  });

  it('overdue with the server restarted between two rungs reaches the same end without duplicate notifications', async () => {
    const plain = await overduePath(OVERDUE);
    const restarted = await overduePath(OVERDUE, 'between-rungs');
    expect(await traceOf(restarted.run.s, restarted.dossier.id)).toEqual(await traceOf(plain.run.s, plain.dossier.id));
  });
});
