/**
 * @module on-time-path — the on-time path of a library procedure: received at the counter or online, each step
 * worked in time by the official of the unit the model names, the result handed over; and what it must end with.
 */
import { expect } from 'vitest';
import { computeDueDate, createVietnamWorkingCalendar, type Budget } from '../../../../engine/src/index';
import {
  classificationsOf,
  formOf,
  handOverResult,
  officialNotices,
  progressOf,
  receiveAtCounter,
  statusPath,
  submitOnlineAndAccept,
  workStep,
  type DossierView,
  type Intake,
  type Work,
} from './drive-dossier';
import type { ScenarioApp } from './scenario-app';
import { Run, type Hooks } from './run';

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
    await workStep(run.s, dossier.id, work, { sweepFirst: true });
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

export const statutoryOf = (value: number, unit: Budget['unit'] = 'workingDays'): Budget => ({ value, unit }) as Budget;
