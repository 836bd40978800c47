/**
 * Inter-agency group 2 (`lien-thong-khai-tu`: death registration, deletion of the permanent residence, funeral
 * allowance; 5 working days; bounded wait of 7 working days) through the server's public path on the real
 * calendar: on time across National Day 2025 with the allowance paid by Social Insurance, a supplement in time with
 * the allowance decided by the commune's social affairs, a window that closes, a Social Insurance review that runs
 * late so Social Insurance apologises; each path restarted in the middle.
 */
import { describe, expect, it } from 'vitest';
import { progressOf, type Work } from './support/drive-dossier';
import { vn, WORKING_DAY_MS, WORKING_HOUR_MS } from './support/scenario-app';
import { traceOf } from './support/run';
import { expectAppointment, expectOnTimeEnd, expectReceiptSlip, onTimePath, statutoryOf, type OnTimeCase } from './support/on-time-path';
import { supplementPath, windowClosesPath, type SupplementCase, type WindowCase } from './support/supplement-path';
import { expectOverdueEnd, overduePath, type OverdueCase } from './support/overdue-path';

const SLUG = 'lien-thong-khai-tu';
const H = WORKING_HOUR_MS;
const D = WORKING_DAY_MS;

const receive: Work = { user: 'official.motcua', elementId: 'task-receive', afterWorkingMs: H, notVisibleTo: 'official.hotich' };
const registerDeath: Work = { user: 'official.hotich', elementId: 'task-register-death', afterWorkingMs: 2 * H, notVisibleTo: 'official.congan' };
const deregisterCheck: Work = { user: 'official.congan', elementId: 'task-deregister-check', afterWorkingMs: 4 * H, notVisibleTo: 'official.bhxh' };
const deregisterApprove: Work = { user: 'official.congan', elementId: 'task-deregister-approve', afterWorkingMs: 2 * H, notVisibleTo: 'official.bhxh' };
const insuranceReview: Work = { user: 'official.bhxh', elementId: 'task-insurance-review', afterWorkingMs: D, notVisibleTo: 'official.congan' };
const insuranceApprove: Work = { user: 'official.bhxh', elementId: 'task-insurance-approve', afterWorkingMs: 4 * H, notVisibleTo: 'official.vhxh' };
const insurancePay: Work = { user: 'official.bhxh', elementId: 'task-insurance-pay', afterWorkingMs: 2 * H, notVisibleTo: 'official.motcua' };
const socialReview: Work = { user: 'official.vhxh', elementId: 'task-social-review', afterWorkingMs: D, notVisibleTo: 'official.hotich' };
// the commune chairman decides the allowance: an agency-level step, not in a department's inbox
const socialDecide: Work = { user: 'head.xa', elementId: 'task-social-decide', afterWorkingMs: 4 * H, notVisibleTo: 'official.vhxh' };
const returned: Work = { user: 'official.motcua', elementId: 'task-return', afterWorkingMs: H, notVisibleTo: 'official.bhxh' };

/** Thursday 28/8/2025 09:00 at the counter: the 5 working days skip National Day (Monday 1/9, Tuesday 2/9). */
const ON_TIME: OnTimeCase = {
  slug: SLUG,
  receivedAt: vn(2025, 8, 28, 9, 0),
  route: [receive, registerDeath, deregisterCheck, deregisterApprove, insuranceReview, insuranceApprove, insurancePay, returned],
};

const MISSING = [{ name: 'Giấy báo tử', detail: 'thiếu xác nhận của cơ sở y tế' }, { name: 'Sổ bảo hiểm xã hội của người chết' }];

/** The deceased was not insured: the commune's social affairs decide the allowance (set on the e-form). */
const SUPPLEMENT: SupplementCase = {
  slug: SLUG,
  receivedAt: vn(2025, 10, 13, 8, 0),
  intake: { form: { funeralAllowance: 'social' } },
  before: [receive],
  asker: { user: 'official.hotich', elementId: 'task-register-death', afterWorkingMs: H },
  missing: MISSING,
  supplementAt: vn(2025, 10, 16, 9, 0),
  after: [registerDeath, deregisterCheck, deregisterApprove, socialReview, socialDecide, returned],
};

const WINDOW: WindowCase = {
  slug: SLUG,
  receivedAt: vn(2025, 10, 13, 8, 0),
  before: [receive],
  asker: { user: 'official.hotich', elementId: 'task-register-death', afterWorkingMs: H },
  missing: MISSING,
  windowWorkingMs: 7 * D,
  warningAfterWorkingMs: 0.75 * 7 * D,
};

const OVERDUE: OverdueCase = {
  slug: SLUG,
  receivedAt: vn(2025, 11, 17, 8, 0),
  // the Police delete the residence in time while the Social Insurance review is left waiting
  before: [receive, registerDeath, deregisterCheck, deregisterApprove],
  // Social Insurance review: 2 working days, nearly due at 75 %; short ladder 0 / 2 / 8 h
  late: { user: 'official.bhxh', elementId: 'task-insurance-review', agencyId: 'bhxh-tinh', nearlyDueAfterWorkingMs: 0.75 * 2 * D, ladderHours: [0, 2, 8], head: 'head.bhxh', headReassigns: false },
  after: [insuranceApprove, insurancePay, returned],
  apologist: 'official.bhxh',
  agencyName: 'Bảo hiểm xã hội tỉnh Demo',
};

describe('inter-agency group 2 (death, residence, funeral allowance) through the server, on the real calendar', () => {
  it('on time: received on 28/8/2025, the appointment 8/9 09:00 skips National Day; commune, Police and Social Insurance in time; 2 → 4 → 9 → 10', async () => {
    const { run, dossier } = await onTimePath(ON_TIME);
    expectAppointment(ON_TIME.receivedAt, statutoryOf(5), dossier.appointmentAt, ['Quốc khánh (ngày liền kề 1/9)', 'Quốc khánh (2/9)']);
    expect(dossier.appointmentAt).toBe(new Date(vn(2025, 9, 8, 9, 0)).toISOString());
    await expectReceiptSlip(run.s, dossier, '09 giờ 00 phút, ngày 08 tháng 09 năm 2025');
    // and the same-day death registration, handed over at 10:00, was due at the end of that day
    const death = (await progressOf(run.s, dossier.id)).find((p) => p.action === 'step.handed_over' && p.stepElementId === 'task-register-death');
    expect(death?.stepDueAt).toBe(new Date(vn(2025, 8, 28, 17, 0)).toISOString());
    await expectOnTimeEnd(run.s, dossier.id, ON_TIME);
  });

  it('on time with the server restarted after the Social Insurance review: the same statuses, progress records and notifications', async () => {
    const plain = await onTimePath(ON_TIME);
    const restarted = await onTimePath(ON_TIME, 'after:task-insurance-review');
    expect(await traceOf(restarted.run.s, restarted.dossier.id)).toEqual(await traceOf(plain.run.s, plain.dossier.id));
  });

  it('supplement within the 7-day window (bounded wait): status 5 with form 02, then the death is registered and the commune decides the allowance', async () => {
    const { run, dossier } = await supplementPath(SUPPLEMENT);
    const handedTo = (await progressOf(run.s, dossier.id)).filter((p) => p.action === 'step.handed_over').map((p) => p.stepElementId);
    expect(handedTo).toContain('task-social-decide');
    expect(handedTo).not.toContain('task-insurance-review');
  });

  it('supplement with the server restarted while waiting for the family reaches the same end', async () => {
    const plain = await supplementPath(SUPPLEMENT);
    const restarted = await supplementPath(SUPPLEMENT, 'waiting');
    expect(await traceOf(restarted.run.s, restarted.dossier.id)).toEqual(await traceOf(plain.run.s, plain.dossier.id));
  });

  it('no supplement within 7 working days, with the server restarted after the warning: rejected automatically once (status 8), as without a restart', async () => {
    const plain = await windowClosesPath(WINDOW);
    const restarted = await windowClosesPath(WINDOW, 'warned');
    expect(await traceOf(restarted.run.s, restarted.dossier.id)).toEqual(await traceOf(plain.run.s, plain.dossier.id));
  });

  it('overdue: the Social Insurance review warns at 75 %, climbs official → head (+2 h) → supervisor (+8 h) once each; the delay and the apology are Social Insurance\'s', async () => {
    const { run, dossier } = await overduePath(OVERDUE);
    await expectOverdueEnd(run.s, dossier.id);
  });

  it('overdue with the server restarted before the apology reaches the same end without duplicates', async () => {
    const plain = await overduePath(OVERDUE);
    const restarted = await overduePath(OVERDUE, 'apology');
    expect(await traceOf(restarted.run.s, restarted.dossier.id)).toEqual(await traceOf(plain.run.s, plain.dossier.id));
  });
});
