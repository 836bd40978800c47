/**
 * @module overdue-path — a step that runs late: nearly due, overdue, the escalation ladder, the dossier past its
 * appointment, the delay attributed to the late agency, its apology with a new appointment, then the end.
 */
import { expect } from 'vitest';
import {
  addWorkingTime,
  classificationsOf,
  findStep,
  formOf,
  handOverResult,
  officialNotices,
  progressOf,
  receiveAtCounter,
  statusPath,
  stepOf,
  workStep,
  type DossierView,
  type Intake,
  type Work,
} from './drive-dossier';
import { WORKING_HOUR_MS, type ScenarioApp } from './scenario-app';
import { Run, expectNoDuplicateNotices, type Hooks } from './run';
import { createUserDirectory } from '../../../../server/src/outbox/user-directory';

export interface LateStep {
  user: string;
  elementId: string;
  agencyId: string;
  /** Working time from the step's start to its nearly-due warning. */
  nearlyDueAfterWorkingMs: number;
  /** Working hours after the due instant of each rung: official, head of unit, supervisor. */
  ladderHours: readonly [number, number, number];
  /** The head of the late step's unit, whom the second rung reaches. */
  head: string;
  /** Whether that rung puts the step back in the unit's pool for the head to reassign (the long ladder). */
  headReassigns: boolean;
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

/**
 * Who each deadline notification of the step reaches, as the outbox consumers resolve it from the user directory at
 * delivery time: `event#rung → usernames`.
 */
async function recipientsOf(s: ScenarioApp, dossierId: string, stepId: string): Promise<string[]> {
  const directory = createUserDirectory(s.t.access.users);
  const usernames = new Map((await s.t.access.users.list({})).map((user) => [user.displayName, user.username]));
  const notices = (await officialNotices(s, dossierId)).filter((n) => n.stepId === stepId && n.event !== 'step.activated');
  const lines: string[] = [];
  for (const notice of notices) {
    const contacts = await directory.contactsOf(notice as Parameters<typeof directory.contactsOf>[0]);
    lines.push(`${String(notice.event)}${notice.rung === undefined ? '' : `#${String(notice.rung)}`} → ${contacts.map((c) => usernames.get(c.name ?? '') ?? c.name).sort().join(', ')}`);
  }
  return lines;
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
  const pooled = await findStep(run.s, c.late.user, dossier.id, c.late.elementId);
  expect(pooled?.assigneeId).toBe(c.late.headReassigns ? undefined : official);
  await run.checkpoint('between-rungs');
  await run.s.sweepAt((await rungAt(supervisor)) - 60_000);
  expect(await events()).toHaveLength(4);
  await run.s.sweepAt(await rungAt(supervisor));
  await run.s.sweepAt(await rungAt(supervisor));
  expect(await events()).toEqual(['step.nearly_due', 'step.overdue', 'step.escalated#1:official', 'step.escalated#2:headOfUnit', 'step.escalated#3:supervisor']);
  // each reaches the right people: the official holding the step, the head of its unit, the supervisors watching it
  const supervisors = (await run.s.t.access.users.list({ role: 'supervisor' }))
    .filter((user) => user.supervisorScope === 'province' || (typeof user.supervisorScope === 'object' && user.supervisorScope.agencyIds.includes(c.late.agencyId)))
    .map((user) => user.username)
    .sort()
    .join(', ');
  expect(await recipientsOf(run.s, dossier.id, late.id)).toEqual([
    `step.nearly_due → ${c.late.user}`,
    `step.overdue → ${c.late.user}`,
    `step.escalated#1 → ${c.late.user}`,
    `step.escalated#2 → ${c.late.head}`,
    `step.escalated#3 → ${supervisors}`,
  ]);

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
