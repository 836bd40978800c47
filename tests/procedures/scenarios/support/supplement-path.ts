/**
 * @module supplement-path — the supplement paths: asked once in writing (form 02), the citizen's answer in time
 * (restart, pause or bounded wait), or a bounded window that closes and rejects the dossier.
 */
import { expect } from 'vitest';
import {
  addWorkingTime,
  dossierOf,
  findStep,
  formOf,
  officialNotices,
  handOverResult,
  outboxOf,
  progressOf,
  receiveAtCounter,
  statusPath,
  stepOf,
  workStep,
  type DossierView,
  type Intake,
  type Work,
} from './drive-dossier';
import type { ScenarioApp } from './scenario-app';
import { Run, type Hooks } from './run';

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
  // while the citizen has the dossier, no clock of the agencies runs out (even past the first appointment)
  await run.s.sweepAt(c.supplementAt);
  expect(run.s.sweepErrors).toEqual([]);
  expect((await officialNotices(run.s, dossier.id)).map((n) => n.event).filter((e) => e !== 'step.activated')).toEqual([]);
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
