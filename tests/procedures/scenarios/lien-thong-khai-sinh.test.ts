/**
 * Inter-agency group 1 (`lien-thong-khai-sinh`: birth registration, permanent residence, health-insurance card of a
 * child under 6; 3 working days; Decree 63/2024 bounded wait of 7 working days) through the server's public path on
 * the real calendar: submitted online before Tết 2026 with the 15:00 cut-off, a supplement in time and a window that
 * closes, a Police review that runs late so the Police apologise; each path restarted in the middle.
 */
import { describe, expect, it } from 'vitest';
import { progressOf, type Work } from './support/drive-dossier';
import { vn, WORKING_DAY_MS, WORKING_HOUR_MS } from './support/scenario-app';
import { traceOf } from './support/run';
import { expectAppointment, expectOnTimeEnd, expectReceiptSlip, onTimePath, statutoryOf, type OnTimeCase } from './support/on-time-path';
import { supplementPath, windowClosesPath, type SupplementCase, type WindowCase } from './support/supplement-path';
import { expectOverdueEnd, overduePath, type OverdueCase } from './support/overdue-path';

const SLUG = 'lien-thong-khai-sinh';
const H = WORKING_HOUR_MS;
const D = WORKING_DAY_MS;

const receive: Work = { user: 'official.motcua', elementId: 'task-receive', afterWorkingMs: H, notVisibleTo: 'official.hotich' };
const registerBirth: Work = { user: 'official.hotich', elementId: 'task-register-birth', afterWorkingMs: 2 * H, notVisibleTo: 'official.congan' };
// the Police and Social Insurance work at the same time, each seeing only its own part
const reviewResidence: Work = { user: 'official.congan', elementId: 'task-review-residence', afterWorkingMs: 4 * H, notVisibleTo: 'official.bhxh' };
const issueCard: Work = { user: 'official.bhxh', elementId: 'task-issue-health-card', afterWorkingMs: 2 * H, notVisibleTo: 'official.congan' };
const approveResidence: Work = { user: 'official.congan', elementId: 'task-approve-residence', afterWorkingMs: 2 * H, notVisibleTo: 'official.hotich' };
const approveCard: Work = { user: 'official.bhxh', elementId: 'task-approve-health-card', afterWorkingMs: 2 * H, notVisibleTo: 'official.hotich' };
const returned: Work = { user: 'official.motcua', elementId: 'task-return', afterWorkingMs: H, notVisibleTo: 'official.congan' };

/** Submitted online on Friday 13/2/2026 15:30, the last working day before Tết, accepted at 16:00. */
const ON_TIME: OnTimeCase = {
  slug: SLUG,
  receivedAt: vn(2026, 2, 13, 15, 30),
  acceptedAt: vn(2026, 2, 13, 16, 0),
  route: [receive, registerBirth, reviewResidence, issueCard, approveResidence, approveCard, returned],
};

const MISSING = [{ name: 'Giấy chứng sinh', detail: 'bản chụp không rõ' }, { name: 'Giấy tờ chứng minh nơi cư trú của cha, mẹ' }];

const SUPPLEMENT: SupplementCase = {
  slug: SLUG,
  receivedAt: vn(2026, 3, 9, 8, 0),
  before: [receive],
  asker: { user: 'official.hotich', elementId: 'task-register-birth', afterWorkingMs: H },
  missing: MISSING,
  supplementAt: vn(2026, 3, 12, 10, 0),
  after: [registerBirth, reviewResidence, issueCard, approveResidence, approveCard, returned],
};

const WINDOW: WindowCase = {
  slug: SLUG,
  receivedAt: vn(2026, 3, 9, 8, 0),
  before: [receive],
  asker: { user: 'official.hotich', elementId: 'task-register-birth', afterWorkingMs: H },
  missing: MISSING,
  windowWorkingMs: 7 * D,
  warningAfterWorkingMs: 0.75 * 7 * D,
};

const OVERDUE: OverdueCase = {
  slug: SLUG,
  receivedAt: vn(2026, 5, 12, 8, 0),
  // Social Insurance issues the card in time while the Police review is left waiting
  before: [receive, { ...registerBirth, afterWorkingMs: H }, issueCard, approveCard],
  // the Police review: 1 working day, nearly due at 75 %; short ladder 0 / 2 / 8 h
  late: { user: 'official.congan', elementId: 'task-review-residence', agencyId: 'cong-an-xa-demo', nearlyDueAfterWorkingMs: 0.75 * D, ladderHours: [0, 2, 8], head: 'head.congan', headReassigns: false },
  after: [approveResidence, returned],
  apologist: 'official.congan',
  agencyName: 'Công an xã Demo',
};

describe('inter-agency group 1 (birth, residence, health card) through the server, on the real calendar', () => {
  it('on time: submitted online before Tết 2026, the appointment 25/2 16:00; the birth is registered the next working day (15:00 cut-off); 1 → 2 → 4 → 9 → 10', async () => {
    // given an online submission accepted on Friday 13/2/2026 16:00, the last working day before Tết
    // when the counter, the civil-status officer, the Police and Social Insurance (at the same time) and the counter work in time
    const { run, dossier } = await onTimePath(ON_TIME);
    // then the appointment is 3 working days later, Tết skipped, and printed on the receipt slip
    expectAppointment(ON_TIME.acceptedAt!, statutoryOf(3), dossier.appointmentAt, ['Tết Nguyên đán Bính Ngọ']);
    expect(dossier.appointmentAt).toBe(new Date(vn(2026, 2, 25, 16, 0)).toISOString());
    await expectReceiptSlip(run.s, dossier, '16 giờ 00 phút, ngày 25 tháng 02 năm 2026');
    // and the same-day birth registration, handed over after 15:00, was due at the end of the next working day
    const birth = (await progressOf(run.s, dossier.id)).find((p) => p.action === 'step.handed_over' && p.stepElementId === 'task-register-birth');
    expect(birth?.stepDueAt).toBe(new Date(vn(2026, 2, 23, 17, 0)).toISOString());
    await expectOnTimeEnd(run.s, dossier.id, ON_TIME);
  });

  it('on time with the server restarted while the Police and Social Insurance work in parallel: the same end', async () => {
    const plain = await onTimePath(ON_TIME);
    const restarted = await onTimePath(ON_TIME, 'after:task-review-residence');
    expect(await traceOf(restarted.run.s, restarted.dossier.id)).toEqual(await traceOf(plain.run.s, plain.dossier.id));
  });

  it('supplement within the 7-day window (bounded wait): status 5 with form 02, then the birth is registered and the group goes on', async () => {
    const { run, dossier } = await supplementPath(SUPPLEMENT);
    const citizen = (await run.s.t.outbox.listByDossier(dossier.id)).filter((e) => e.kind === 'notification.citizen').map((e) => e.payload.event);
    expect(citizen).not.toContain('supplement.window_closing');
  });

  it('supplement with the server restarted while waiting for the parents reaches the same end', async () => {
    const plain = await supplementPath(SUPPLEMENT);
    const restarted = await supplementPath(SUPPLEMENT, 'waiting');
    expect(await traceOf(restarted.run.s, restarted.dossier.id)).toEqual(await traceOf(plain.run.s, plain.dossier.id));
  });

  it('no supplement within 7 working days: the parents are warned once, then the dossier is rejected automatically (status 8)', async () => {
    await windowClosesPath(WINDOW);
  });

  it('overdue: the Police review warns at 75 %, climbs official → head (+2 h) → supervisor (+8 h) once each; the delay and the apology are the Police\'s', async () => {
    const { run, dossier } = await overduePath(OVERDUE);
    await expectOverdueEnd(run.s, dossier.id);
  });

  it('overdue with the server restarted right after the nearly-due warning reaches the same end without duplicates', async () => {
    const plain = await overduePath(OVERDUE);
    const restarted = await overduePath(OVERDUE, 'nearly-due');
    expect(await traceOf(restarted.run.s, restarted.dossier.id)).toEqual(await traceOf(plain.run.s, plain.dossier.id));
  });
});
