/**
 * @module scenario-paths — the three paths every library procedure is tested on (on time, supplement, overdue),
 * written once: a `Run` holds the current server process and restarts it at a named checkpoint; `traceOf` is what
 * a path must end with whether or not the server restarted (statuses, progress records, notifications).
 */
import { expect } from 'vitest';
import { computeDueDate, createVietnamWorkingCalendar, type Budget } from '../../../../engine/src/index';
import {
  addWorkingTime,
  classificationsOf,
  dossierOf,
  findStep,
  formOf,
  handOverResult,
  officialNotices,
  outboxOf,
  progressOf,
  receiveAtCounter,
  statusPath,
  stepOf,
  submitOnlineAndAccept,
  workStep,
  type DossierView,
  type Intake,
  type Work,
} from './drive-dossier';
import { startScenarioApp, WORKING_HOUR_MS, type ScenarioApp } from './scenario-app';

/** One scenario's server processes: `checkpoint(name)` restarts the server when `name` is the chosen moment. */
export class Run {
  private restarted = false;
  constructor(
    public s: ScenarioApp,
    private readonly restartAt?: string,
  ) {}

  static async start(slug: string, startAt: number, restartAt?: string): Promise<Run> {
    return new Run(await startScenarioApp(slug, startAt), restartAt);
  }

  async checkpoint(name: string): Promise<void> {
    if (name !== this.restartAt) return;
    this.s = await this.s.restart();
    this.restarted = true;
  }

  /** A path given a restart moment must have passed it, or the restart variant tests nothing. */
  expectRestarted(): void {
    if (this.restartAt !== undefined) expect(this.restarted, `restart at ${this.restartAt}`).toBe(true);
  }
}

export interface Trace {
  status: number;
  appointmentAt?: string;
  progress: unknown[];
  notifications: unknown[];
  outboxKinds: string[];
}

/** What a path ends with, without ids: equal whether the server restarted in the middle or not. */
export async function traceOf(s: ScenarioApp, dossierId: string): Promise<Trace> {
  const dossier = await dossierOf(s, dossierId, 'supervisor');
  const progress = (await progressOf(s, dossierId)).map((p) => [p.seq, p.status, p.action, p.stepElementId, p.at, p.stepStartAt, p.stepDueAt]);
  const entries = await outboxOf(s, dossierId);
  const notifications = entries
    .filter((e) => e.kind === 'notification.official' || e.kind === 'notification.citizen')
    .map((e) => [e.kind, e.payload.event, e.payload.stepName, e.payload.agencyId, e.payload.target, e.payload.rung, e.payload.at]);
  return { status: dossier.status, appointmentAt: dossier.appointmentAt, progress, notifications, outboxKinds: entries.map((e) => e.kind) };
}

/** Each deadline notification (nearly due, overdue, escalation rung) of a step or of the dossier told once. */
export async function expectNoDuplicateNotices(s: ScenarioApp, dossierId: string): Promise<void> {
  const keys = (await officialNotices(s, dossierId))
    .filter((n) => n.event !== 'step.activated')
    .map((n) => `${String(n.event)}|${String(n.stepId ?? 'dossier')}|${String(n.rung ?? '')}`);
  expect(keys.length).toBeGreaterThan(0);
  expect(new Set(keys).size, keys.join('\n')).toBe(keys.length);
}

/** The appointment computed on the real calendar, and its explanation naming what was skipped. */
export function expectAppointment(receivedAt: number, statutory: Budget, appointmentAt: string | undefined, explained: readonly string[]): void {
  const due = computeDueDate(createVietnamWorkingCalendar(), receivedAt, statutory);
  expect(appointmentAt).toBe(new Date(due.dueAt).toISOString());
  for (const words of explained) expect(due.text.vi).toContain(words);
}

/** Form 01 shows the dossier code and the appointment as the slip prints it ("09 giờ 00 phút, ngày 07 tháng 05 năm 2025"). */
export async function expectReceiptSlip(s: ScenarioApp, dossier: DossierView, appointmentText: string): Promise<void> {
  const slip = await formOf(s, dossier.id, '01');
  expect(slip).toContain('Giấy tiếp nhận hồ sơ và hẹn trả kết quả');
  expect(slip).toContain(dossier.dossierCode);
  expect(slip).toMatch(new RegExp(`class="appointment-at">${appointmentText}<`));
}

/** Something a path does after a step is completed, e.g. the citizen paying the land taxes. */
export type Hooks = Partial<Record<string, (s: ScenarioApp, dossierId: string) => Promise<void>>>;

export interface OnTimeCase {
  slug: string;
  /** Run after the step of that element id is completed. */
  hooks?: Hooks;
  /** The national statuses the dossier passes through (default 1/2 → 4 → 9 → 10). */
  statusPath?: readonly number[];
  receivedAt: number;
  /** Submitted online at `receivedAt`, accepted at `acceptedAt` (status 1 first). */
  acceptedAt?: number;
  intake?: Intake;
  route: readonly Work[];
}

/**
 * Receives the dossier and works every step of the route in turn. Restart checkpoints: `completed:<elementId>` right
 * after the step (before its hook), `after:<elementId>` after its hook.
 */
export async function onTimePath(c: OnTimeCase, restartAt?: string): Promise<{ run: Run; dossier: DossierView }> {
  const run = await Run.start(c.slug, c.receivedAt, restartAt);
  const dossier = c.acceptedAt === undefined ? await receiveAtCounter(run.s, c.intake) : await submitOnlineAndAccept(run.s, c.acceptedAt, c.intake);
  for (const work of c.route) {
    await workStep(run.s, dossier.id, work);
    await run.checkpoint(`completed:${work.elementId}`);
    await c.hooks?.[work.elementId]?.(run.s, dossier.id);
    await run.checkpoint(`after:${work.elementId}`);
  }
  await handOverResult(run.s, dossier.id);
  run.expectRestarted();
  return { run, dossier };
}

/** The on-time path ended well: 1/2 → 4 → 9 → 10, each step early or on time, a progress record per hand-over. */
export async function expectOnTimeEnd(s: ScenarioApp, dossierId: string, c: OnTimeCase): Promise<void> {
  const progress = await progressOf(s, dossierId);
  expect(statusPath(progress)).toEqual(c.statusPath ?? (c.acceptedAt === undefined ? [2, 4, 9, 10] : [1, 2, 4, 9, 10]));
  expect(progress.map((p) => p.seq)).toEqual(progress.map((_, i) => i + 1));
  const ats = progress.map((p) => Date.parse(p.at));
  expect(ats).toEqual([...ats].sort((a, b) => a - b));
  const handOvers = progress.filter((p) => p.action === 'step.handed_over');
  expect(handOvers.map((p) => p.stepElementId).sort()).toEqual(c.route.map((w) => w.elementId).sort());
  for (const record of handOvers) {
    expect(record.stepStartAt, `start of ${record.stepElementId}`).toBe(record.at);
    expect(Date.parse(record.stepDueAt!), `due of ${record.stepElementId}`).toBeGreaterThan(Date.parse(record.stepStartAt!));
  }
  const changes = progress.filter((p) => p.status !== p.previousStatus).map((p) => p.action);
  expect(changes.slice(0, c.acceptedAt === undefined ? 2 : 3)).toEqual([...(c.acceptedAt === undefined ? [] : ['dossier.submitted']), 'dossier.received', 'processing.started']);
  expect(changes.slice(-2)).toEqual(['dossier.finished', 'result.returned']);
  const classified = await classificationsOf(s, dossierId);
  expect(classified.map(([elementId]) => elementId).sort()).toEqual(c.route.map((w) => w.elementId).sort());
  for (const [elementId, classification] of classified) expect(['early', 'onTime'], elementId).toContain(classification);
  const slip = await formOf(s, dossierId, '05');
  expect(slip).not.toContain('Quá hạn');
  expect(slip).toMatch(/Trước hạn|Đúng hạn/);
  expect((await officialNotices(s, dossierId)).map((n) => n.event).filter((e) => e !== 'step.activated')).toEqual([]);
}

export interface LateStep {
  user: string;
  elementId: string;
  agencyId: string;
  /** Working time from the step's start to its nearly-due warning. */
  nearlyDueAfterWorkingMs: number;
  /** Working hours after the due instant of each rung: official, head of unit, supervisor. */
  ladderHours: readonly [number, number, number];
}

export interface OverdueCase {
  slug: string;
  receivedAt: number;
  intake?: Intake;
  /** The steps before the late one, worked in time. */
  before: readonly Work[];
  late: LateStep;
  /** The steps after it, worked in time once it is done. */
  after: readonly Work[];
  hooks?: Hooks;
  /** Who signs the apology (an official of the late step's agency), and that agency's name on form 04. */
  apologist: string;
  agencyName: string;
}

const deadlineEvents = async (s: ScenarioApp, dossierId: string, stepId: string) =>
  (await officialNotices(s, dossierId)).filter((n) => n.stepId === stepId && n.event !== 'step.activated').map((n) => (n.rung === undefined ? n.event : `${String(n.event)}#${String(n.rung)}:${String(n.target)}`));

/**
 * The late step overruns: nearly due (once, to its official), overdue, each rung of the ladder (once, swept twice),
 * past the appointment; the delay is the late agency's; it apologises with a new appointment (once); then the
 * route ends. Restart checkpoints: `nearly-due`, `between-rungs`, `apology`.
 */
export async function overduePath(c: OverdueCase, restartAt?: string): Promise<{ run: Run; dossier: DossierView }> {
  const run = await Run.start(c.slug, c.receivedAt, restartAt);
  const dossier = await receiveAtCounter(run.s, c.intake);
  for (const work of c.before) await workStep(run.s, dossier.id, work);
  const late = await stepOf(run.s, c.late.user, dossier.id, c.late.elementId);
  const claimed = await run.s.call(c.late.user, 'POST', `/api/steps/${encodeURIComponent(late.id)}/claim`, {});
  expect(claimed.status).toBe(200);
  const official = (claimed.body as { assigneeId: string }).assigneeId;
  const startedAt = Date.parse(late.startedAt!);
  const dueAt = Date.parse(late.dueAt!);
  const nearlyDueAt = await addWorkingTime(run.s, startedAt, c.late.nearlyDueAfterWorkingMs);
  const events = () => deadlineEvents(run.s, dossier.id, late.id);

  // just before nearly due: nothing; at it: one warning, to the official holding the step
  expect(run.s.clock.now()).toBeLessThan(nearlyDueAt - 60_000);
  await run.s.sweepAt(nearlyDueAt - 60_000);
  expect(await events()).toEqual([]);
  await run.s.sweepAt(nearlyDueAt);
  await run.s.sweepAt(nearlyDueAt);
  expect(await events()).toEqual(['step.nearly_due']);
  const warning = (await officialNotices(run.s, dossier.id)).find((n) => n.event === 'step.nearly_due' && n.stepId === late.id)!;
  expect(warning).toMatchObject({ agencyId: c.late.agencyId, assigneeId: official, stepName: late.name });
  expect((await findStep(run.s, c.late.user, dossier.id, c.late.elementId))?.mark).toBe('nearlyDue');
  await run.checkpoint('nearly-due');

  // at the due instant: overdue, and the first rung to the official
  const [official0, head, supervisor] = c.late.ladderHours;
  const rungAt = (hours: number) => addWorkingTime(run.s, dueAt, hours * WORKING_HOUR_MS);
  await run.s.sweepAt(await rungAt(official0));
  await run.s.sweepAt(await rungAt(official0));
  expect(await events()).toEqual(['step.nearly_due', 'step.overdue', 'step.escalated#1:official']);
  expect((await findStep(run.s, c.late.user, dossier.id, c.late.elementId))?.mark).toBe('overdue');
  await run.s.sweepAt((await rungAt(head)) - 60_000);
  expect(await events()).toHaveLength(3);
  await run.s.sweepAt(await rungAt(head));
  await run.s.sweepAt(await rungAt(head));
  expect(await events()).toEqual(['step.nearly_due', 'step.overdue', 'step.escalated#1:official', 'step.escalated#2:headOfUnit']);
  await run.checkpoint('between-rungs');
  await run.s.sweepAt((await rungAt(supervisor)) - 60_000);
  expect(await events()).toHaveLength(4);
  await run.s.sweepAt(await rungAt(supervisor));
  await run.s.sweepAt(await rungAt(supervisor));
  expect(await events()).toEqual(['step.nearly_due', 'step.overdue', 'step.escalated#1:official', 'step.escalated#2:headOfUnit', 'step.escalated#3:supervisor']);

  // past the appointment: the dossier is overdue, and the delay is the late agency's
  const appointmentAt = Date.parse(dossier.appointmentAt!);
  await run.s.sweepAt(Math.max(run.s.clock.now(), await addWorkingTime(run.s, appointmentAt, WORKING_HOUR_MS)));
  await run.s.sweepAt(run.s.clock.now());
  const dossierEvents = (await officialNotices(run.s, dossier.id)).filter((n) => n.stepId === undefined && n.event !== 'step.activated').map((n) => n.event);
  expect(dossierEvents.filter((e) => e === 'dossier.overdue')).toEqual(['dossier.overdue']);
  const day = (at: number) => new Date(at + 7 * 3_600_000).toISOString().slice(0, 10);
  const delays = await run.s.call<{ rows: { agencyId: string; dossiersDelayed: number; overrunWorkingHours: number }[] }>('supervisor', 'GET', `/api/stats/delays?from=${day(c.receivedAt)}&to=${day(run.s.clock.now())}`);
  expect(delays.status).toBe(200);
  const delayed = delays.body.rows.filter((row) => row.dossiersDelayed > 0);
  expect(delayed.map((row) => [row.agencyId, row.dossiersDelayed])).toEqual([[c.late.agencyId, 1]]);
  expect(delayed[0]!.overrunWorkingHours).toBeGreaterThan(c.late.ladderHours[2]);

  // the late agency apologises with a new appointment (form 04); a second one is refused
  await run.checkpoint('apology');
  const newAppointmentAt = await addWorkingTime(run.s, run.s.clock.now(), 5 * 8 * WORKING_HOUR_MS);
  const apology = await run.s.call<DossierView>(c.apologist, 'POST', `/api/dossiers/${dossier.id}/reappointments`, { newAppointmentAt: new Date(newAppointmentAt).toISOString(), reason: 'Chậm giải quyết tại bước được giao' });
  expect(apology.status, JSON.stringify(apology.body)).toBe(200);
  expect(apology.body.appointmentAt).toBe(new Date(newAppointmentAt).toISOString());
  const letter = await formOf(run.s, dossier.id, '04', c.apologist);
  expect(letter).toContain('Phiếu xin lỗi và hẹn lại ngày trả kết quả');
  expect(letter).toContain(`${c.agencyName} xin lỗi Ông/Bà`);
  const second = await run.s.call(c.apologist, 'POST', `/api/dossiers/${dossier.id}/reappointments`, { newAppointmentAt: new Date(newAppointmentAt + 86_400_000).toISOString(), reason: 'Lần hai' });
  expect(second.status).toBe(409);
  expect((second.body as { type: string }).type).toContain('reappointment-limit-reached');

  // the late step is done at last, the rest in time, the result handed over
  const done = await run.s.call(c.late.user, 'POST', `/api/steps/${encodeURIComponent(late.id)}/complete`, { decision: 'approve' });
  expect(done.status).toBe(200);
  await c.hooks?.[c.late.elementId]?.(run.s, dossier.id);
  for (const work of c.after) {
    await workStep(run.s, dossier.id, work);
    await c.hooks?.[work.elementId]?.(run.s, dossier.id);
  }
  await handOverResult(run.s, dossier.id);
  const classified = new Map(await classificationsOf(run.s, dossier.id));
  expect(classified.get(c.late.elementId)).toBe('overdue');
  await expectNoDuplicateNotices(run.s, dossier.id);
  run.expectRestarted();
  return { run, dossier };
}

/** The progress path of national statuses of a finished overdue dossier. */
export async function expectOverdueEnd(s: ScenarioApp, dossierId: string, path: readonly number[] = [2, 4, 9, 10]): Promise<void> {
  expect(statusPath(await progressOf(s, dossierId))).toEqual(path);
  const escalations = (await officialNotices(s, dossierId)).filter((n) => n.event === 'step.escalated').map((n) => n.target);
  expect(escalations).toEqual(['official', 'headOfUnit', 'supervisor']);
}

export const statutoryOf = (value: number, unit: Budget['unit'] = 'workingDays'): Budget => ({ value, unit }) as Budget;

export interface SupplementCase {
  slug: string;
  receivedAt: number;
  intake?: Intake;
  /** Steps before the one that asks. */
  before: readonly Work[];
  /** The step that asks for the supplement, after this much of its working time. */
  asker: { user: string; elementId: string; afterWorkingMs: number };
  missing: readonly { name: string; detail?: string }[];
  /** When the citizen brings the supplement to the counter. */
  supplementAt: number;
  /** The steps from the asking step (reviewed again) to the end, in time. */
  after: readonly Work[];
  hooks?: Hooks;
  statusPath?: readonly number[];
}

/**
 * The asking step requests a supplement (status 5, form 02 listing every component, the wait shown to its unit);
 * the citizen supplements at `supplementAt` (status 4); the route goes on to the result. Restart checkpoint:
 * `waiting`. Returns the instants and the dossier as it was right after the supplement.
 */
export async function supplementPath(c: SupplementCase, restartAt?: string) {
  const run = await Run.start(c.slug, c.receivedAt, restartAt);
  const dossier = await receiveAtCounter(run.s, c.intake);
  for (const work of c.before) await workStep(run.s, dossier.id, work);
  const step = await stepOf(run.s, c.asker.user, dossier.id, c.asker.elementId);
  const requestedAt = await addWorkingTime(run.s, Date.parse(step.startedAt!), c.asker.afterWorkingMs);
  run.s.clock.set(requestedAt);
  const requested = await run.s.call<DossierView>(c.asker.user, 'POST', `/api/dossiers/${dossier.id}/supplement-requests`, { stepId: step.id, missingComponents: c.missing, reason: 'Hồ sơ chưa đầy đủ, hợp lệ' });
  expect(requested.status, JSON.stringify(requested.body)).toBe(200);
  expect(requested.body.status).toBe(5);
  const notice = await formOf(run.s, dossier.id, '02', c.asker.user);
  expect(notice).toContain('Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ');
  for (const component of c.missing) {
    expect(notice).toContain(component.name);
    if (component.detail) expect(notice).toContain(component.detail);
  }
  const citizen = (await outboxOf(run.s, dossier.id)).filter((e) => e.kind === 'notification.citizen' && e.payload.event === 'supplement.requested');
  expect(citizen.map((e) => e.payload.missing)).toEqual([c.missing.map((m) => m.name)]);
  expect((await findStep(run.s, c.asker.user, dossier.id, 'task-wait-supplement'))?.mark).toBe('none');
  await run.checkpoint('waiting');
  expect((await dossierOf(run.s, dossier.id)).status).toBe(5);
  run.s.clock.set(c.supplementAt);
  const supplemented = await run.s.call<DossierView>('official.motcua', 'POST', `/api/dossiers/${dossier.id}/supplements`, { documents: c.missing.map((m) => ({ name: m.name, copyType: 'copy', quantity: 1 })) });
  expect(supplemented.status, JSON.stringify(supplemented.body)).toBe(200);
  expect(supplemented.body.status).toBe(4);
  for (const work of c.after) {
    await workStep(run.s, dossier.id, work);
    await c.hooks?.[work.elementId]?.(run.s, dossier.id);
  }
  await handOverResult(run.s, dossier.id);
  expect(statusPath(await progressOf(run.s, dossier.id))).toEqual(c.statusPath ?? [2, 4, 5, 4, 9, 10]);
  run.expectRestarted();
  return { run, dossier, requestedAt, supplemented: supplemented.body };
}

/** The dossier clock's due instant recorded when the supplement arrived (progress `supplement.received`). */
export async function dueAfterSupplement(s: ScenarioApp, dossierId: string): Promise<number> {
  const record = (await progressOf(s, dossierId)).find((p) => p.action === 'supplement.received');
  expect(record, 'a supplement.received progress record').toBeDefined();
  return Date.parse(record!.stepDueAt!);
}

/**
 * The dossier clock resumed with exactly the working time it had left when it paused: the due instant recorded at
 * `resumed` is the one recorded at `paused` moved by the working time in between (DOMAIN.md: the citizen's time).
 */
export async function expectResumedWithRemainingTime(s: ScenarioApp, dossierId: string, paused: string, resumed: string): Promise<{ pausedAt: number; resumedAt: number; dueAt: number }> {
  const progress = await progressOf(s, dossierId);
  const from = progress.find((p) => p.action === paused);
  const to = progress.find((p) => p.action === resumed);
  expect(from && to, `${paused} and ${resumed} progress records`).toBeTruthy();
  const { time } = await s.t.calendars.current();
  const leftMs = time.workingTimeBetween(Date.parse(from!.at), Date.parse(from!.stepDueAt!));
  expect(leftMs).toBeGreaterThan(0);
  expect(Date.parse(to!.stepDueAt!)).toBe(time.addWorkingTime(Date.parse(to!.at), leftMs));
  expect(Date.parse(to!.stepDueAt!)).toBeGreaterThan(Date.parse(from!.stepDueAt!));
  return { pausedAt: Date.parse(from!.at), resumedAt: Date.parse(to!.at), dueAt: Date.parse(to!.stepDueAt!) };
}

export interface WindowCase {
  slug: string;
  receivedAt: number;
  intake?: Intake;
  before: readonly Work[];
  asker: { user: string; elementId: string; afterWorkingMs: number };
  missing: readonly { name: string; detail?: string }[];
  /** The citizen's window (Decree 63/2024: 7 working days) and its warning (75 % of it). */
  windowWorkingMs: number;
  warningAfterWorkingMs: number;
}

const citizenEvents = async (s: ScenarioApp, dossierId: string) =>
  (await outboxOf(s, dossierId)).filter((e) => e.kind === 'notification.citizen').map((e) => e.payload.event);

/**
 * Bounded wait: the supplement is requested and never comes. The citizen is warned once before the window closes;
 * when it closes the dossier is rejected automatically (status 8), its route is closed and a late supplement is
 * refused. Restart checkpoint: `warned`.
 */
export async function windowClosesPath(c: WindowCase, restartAt?: string): Promise<{ run: Run; dossier: DossierView }> {
  const run = await Run.start(c.slug, c.receivedAt, restartAt);
  const dossier = await receiveAtCounter(run.s, c.intake);
  for (const work of c.before) await workStep(run.s, dossier.id, work);
  const step = await stepOf(run.s, c.asker.user, dossier.id, c.asker.elementId);
  const requestedAt = await addWorkingTime(run.s, Date.parse(step.startedAt!), c.asker.afterWorkingMs);
  run.s.clock.set(requestedAt);
  const requested = await run.s.call<DossierView>(c.asker.user, 'POST', `/api/dossiers/${dossier.id}/supplement-requests`, { stepId: step.id, missingComponents: c.missing, reason: 'Hồ sơ chưa đầy đủ' });
  expect(requested.body.status).toBe(5);
  const warningAt = await addWorkingTime(run.s, requestedAt, c.warningAfterWorkingMs);
  const closesAt = await addWorkingTime(run.s, requestedAt, c.windowWorkingMs);

  await run.s.sweepAt(warningAt - 60_000);
  expect(await citizenEvents(run.s, dossier.id)).toEqual(['dossier.received', 'supplement.requested']);
  await run.s.sweepAt(warningAt);
  await run.s.sweepAt(warningAt);
  expect(await citizenEvents(run.s, dossier.id)).toEqual(['dossier.received', 'supplement.requested', 'supplement.window_closing']);
  await run.checkpoint('warned');
  await run.s.sweepAt(closesAt - 60_000);
  expect((await dossierOf(run.s, dossier.id)).status).toBe(5);
  await run.s.sweepAt(closesAt);
  await run.s.sweepAt(closesAt);

  expect((await dossierOf(run.s, dossier.id)).status).toBe(8);
  expect(statusPath(await progressOf(run.s, dossier.id))).toEqual([2, 4, 5, 8]);
  expect(await citizenEvents(run.s, dossier.id)).toEqual(['dossier.received', 'supplement.requested', 'supplement.window_closing', 'processing.stopped']);
  expect((await run.s.t.stores.steps.list({ dossierId: dossier.id, status: ['open'] }, { offset: 0, limit: 10 })).items).toEqual([]);
  expect(await findStep(run.s, c.asker.user, dossier.id, 'task-wait-supplement')).toBeUndefined();
  const late = await run.s.call('official.motcua', 'POST', `/api/dossiers/${dossier.id}/supplements`, {});
  expect(late.status).toBe(409);
  expect(run.s.sweepErrors).toEqual([]);
  run.expectRestarted();
  return { run, dossier };
}
