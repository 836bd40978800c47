/**
 * Business registration (`dang-ky-thanh-lap-doanh-nghiep`, 3 working days from a valid dossier, supplement policy
 * `restart`) through the server's public path on the real calendar: on time across the 30/4–4/5/2025 holidays, a
 * supplement that restarts the clock, a review that runs late up the short ladder, each with a restart in the middle.
 */
import { describe, expect, it } from 'vitest';
import { addWorkingTime, dossierOf, formOf, handOverResult, inboxOf, progressOf, receiveAtCounter, statusPath, stepOf, workStep, type Work } from './support/drive-dossier';
import { vn, WORKING_HOUR_MS } from './support/scenario-app';
import {
  expectAppointment,
  expectOnTimeEnd,
  expectOverdueEnd,
  expectReceiptSlip,
  onTimePath,
  overduePath,
  Run,
  statutoryOf,
  traceOf,
  type OnTimeCase,
  type OverdueCase,
} from './support/scenario-paths';

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
  late: { user: 'official.dkkd', elementId: 'task-review', agencyId: 'so-tai-chinh', nearlyDueAfterWorkingMs: 8 * H, ladderHours: [0, 2, 8] },
  after: [head, returned],
  apologist: 'official.dkkd',
  agencyName: 'Sở Tài chính',
};

const MISSING = [{ name: 'Điều lệ công ty', detail: 'thiếu chữ ký của chủ sở hữu' }, { name: 'Bản sao giấy tờ pháp lý của chủ sở hữu' }];

/** The review asks for a supplement; the founder supplements three days later; the 3 days count again from then. */
async function supplementPath(restartAt?: string) {
  const run = await Run.start(SLUG, vn(2025, 6, 9, 9, 0), restartAt);
  const dossier = await receiveAtCounter(run.s);
  await workStep(run.s, dossier.id, receive);
  const step = await stepOf(run.s, 'official.dkkd', dossier.id, 'task-review');
  run.s.clock.set(await addWorkingTime(run.s, Date.parse(step.startedAt!), 4 * H));
  const requested = await run.s.call<{ status: number }>('official.dkkd', 'POST', `/api/dossiers/${dossier.id}/supplement-requests`, { stepId: step.id, missingComponents: MISSING, reason: 'Hồ sơ chưa hợp lệ' });
  expect(requested.status).toBe(200);
  expect(requested.body.status).toBe(5);
  const notice = await formOf(run.s, dossier.id, '02', 'official.dkkd');
  for (const component of MISSING) expect(notice).toContain(component.name);
  expect(notice).toContain('thiếu chữ ký của chủ sở hữu');
  expect((await inboxOf(run.s, 'official.dkkd')).map((i) => [i.elementId, i.mark])).toEqual([['task-wait-supplement', 'none']]);
  await run.checkpoint('waiting');
  expect((await dossierOf(run.s, dossier.id)).status).toBe(5);
  const supplementAt = vn(2025, 6, 12, 10, 0);
  run.s.clock.set(supplementAt);
  const supplemented = await run.s.call<{ status: number; appointmentAt: string }>('official.motcua', 'POST', `/api/dossiers/${dossier.id}/supplements`, { documents: [{ name: 'Điều lệ công ty', copyType: 'original', quantity: 1 }] });
  expect(supplemented.status).toBe(200);
  expect(supplemented.body.status).toBe(4);
  await workStep(run.s, dossier.id, review);
  await workStep(run.s, dossier.id, head);
  await workStep(run.s, dossier.id, returned);
  await handOverResult(run.s, dossier.id);
  run.expectRestarted();
  return { run, dossier, supplementAt, newAppointmentAt: supplemented.body.appointmentAt };
}

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
    const { run, dossier, supplementAt, newAppointmentAt } = await supplementPath();
    // then the appointment moved to 3 working days after the supplement (Thursday 12/6 10:00 → Tuesday 17/6 10:00)
    expect(newAppointmentAt).toBe(new Date(vn(2025, 6, 17, 10, 0)).toISOString());
    expectAppointment(supplementAt, statutoryOf(3), newAppointmentAt, []);
    expect(statusPath(await progressOf(run.s, dossier.id))).toEqual([2, 4, 5, 4, 9, 10]);
  });

  it('supplement with the server restarted while waiting for the founder reaches the same end', async () => {
    const plain = await supplementPath();
    const restarted = await supplementPath('waiting');
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
