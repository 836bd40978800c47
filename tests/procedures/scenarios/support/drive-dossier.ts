/**
 * @module drive-dossier — what the people of a scenario do, through the server's public routes only: the counter
 * receives a dossier (or the citizen submits it online and the counter accepts it), each official works the step
 * their inbox shows, the clock moves by working time on the real calendar, the sweeper fires what is due.
 */
import { expect } from 'vitest';
import type { OutboxEntry } from '../../../../server/src/outbox/outbox-store';
import { exampleForm } from '../../support/library';
import type { ScenarioApp } from './scenario-app';

export interface DossierView {
  id: string;
  dossierCode: string;
  status: number;
  procedureKey: string;
  appointmentAt?: string;
  receivedAt?: string;
  [key: string]: unknown;
}

export interface InboxItem {
  id: string;
  dossierId: string;
  elementId: string;
  name: string;
  agencyId?: string;
  departmentId?: string;
  assigneeId?: string;
  mark: string;
  startedAt?: string;
  dueAt?: string;
}

export interface ProgressView {
  seq: number;
  status: number;
  previousStatus?: number;
  action: string;
  at: string;
  actorId?: string;
  stepElementId?: string;
  stepStartAt?: string;
  stepDueAt?: string;
}

export const APPLICANT = { name: 'Nguyễn Thị Lan', idNumber: '001190012345', phone: '0912345678', address: 'Thôn Đông, xã Demo' };

export interface Intake {
  /** Fields laid over the procedure's example e-form (a valid form, procedures/tools/specs/<slug>.ts). */
  form?: Record<string, unknown>;
  documents?: { name: string; copyType: 'original' | 'certifiedCopy' | 'copy' | 'electronic'; quantity: number }[];
}

const DEFAULT_DOCUMENTS: NonNullable<Intake['documents']> = [{ name: 'Tờ khai', copyType: 'original', quantity: 1 }];

/** The counter receives the dossier in person at the current instant: status 2, then in process. */
export async function receiveAtCounter(s: ScenarioApp, intake: Intake = {}): Promise<DossierView> {
  const answer = await s.call<DossierView>('official.motcua', 'POST', '/api/dossiers', {
    procedureKey: s.slug,
    applicant: APPLICANT,
    form: { ...exampleForm(s.slug), ...intake.form },
    documents: intake.documents ?? DEFAULT_DOCUMENTS,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

/** The citizen submits online (status 1); the counter accepts it at `acceptAt` (status 2, then in process). */
export async function submitOnlineAndAccept(s: ScenarioApp, acceptAt: number, intake: Intake = {}): Promise<DossierView> {
  const submitted = await s.call<DossierView>(undefined, 'POST', '/api/submissions', {
    procedureKey: s.slug,
    agencyId: 'ttpvhcc',
    applicant: APPLICANT,
    form: { ...exampleForm(s.slug), ...intake.form },
    documents: intake.documents ?? DEFAULT_DOCUMENTS,
  });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
  expect(submitted.body.status).toBe(1);
  s.clock.set(acceptAt);
  const accepted = await s.call<DossierView>('official.motcua', 'POST', `/api/dossiers/${submitted.body.id}/accept`, {});
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  return accepted.body;
}

export async function inboxOf(s: ScenarioApp, user: string): Promise<InboxItem[]> {
  const answer = await s.call<{ items: InboxItem[] }>(user, 'GET', '/api/inbox?scope=department');
  expect(answer.status, `inbox of ${user}: ${JSON.stringify(answer.body)}`).toBe(200);
  return answer.body.items;
}

/** The open step `elementId` of the dossier in `user`'s unit inbox, or undefined. */
export async function findStep(s: ScenarioApp, user: string, dossierId: string, elementId: string): Promise<InboxItem | undefined> {
  return (await inboxOf(s, user)).find((item) => item.dossierId === dossierId && item.elementId === elementId);
}

export async function stepOf(s: ScenarioApp, user: string, dossierId: string, elementId: string): Promise<InboxItem> {
  const step = await findStep(s, user, dossierId, elementId);
  if (!step) throw new Error(`${elementId} of ${dossierId} is not in the inbox of ${user}: ${JSON.stringify((await inboxOf(s, user)).map((i) => i.elementId))}`);
  return step;
}

export async function dossierOf(s: ScenarioApp, id: string, user = 'official.motcua'): Promise<DossierView> {
  const answer = await s.call<DossierView>(user, 'GET', `/api/dossiers/${id}`);
  expect(answer.status).toBe(200);
  return answer.body;
}

export async function progressOf(s: ScenarioApp, id: string): Promise<ProgressView[]> {
  const answer = await s.call<ProgressView[]>('supervisor', 'GET', `/api/dossiers/${id}/progress`);
  expect(answer.status).toBe(200);
  return answer.body;
}

export async function formOf(s: ScenarioApp, id: string, form: '01' | '02' | '04' | '05', user = 'official.motcua'): Promise<string> {
  const answer = await s.call<string>(user, 'GET', `/api/dossiers/${id}/forms/${form}`);
  expect(answer.status, `form ${form}: ${String(answer.body).slice(0, 300)}`).toBe(200);
  return answer.body;
}

/** Working time arithmetic of the calendar the server uses. */
export async function addWorkingTime(s: ScenarioApp, at: number, workingMs: number): Promise<number> {
  return (await s.t.calendars.current()).time.addWorkingTime(at, workingMs);
}

export interface Work {
  user: string;
  elementId: string;
  decision?: 'approve' | 'reject' | 'supplement' | 'return';
  data?: Record<string, unknown>;
  /** How much of the step's working time is used before it is completed (from the step's start). */
  afterWorkingMs: number;
  /** Someone of another unit whose inbox must not show the step. */
  notVisibleTo?: string;
}

/**
 * The official of the unit the model names claims and completes the step, `afterWorkingMs` of working time after
 * it started (never before the current instant), the sweeper having run up to then when `sweepFirst`. Returns the
 * completed step as the inbox showed it.
 */
export async function workStep(s: ScenarioApp, dossierId: string, work: Work, options: { sweepFirst?: boolean } = {}): Promise<InboxItem> {
  const step = await stepOf(s, work.user, dossierId, work.elementId);
  if (work.notVisibleTo) expect(await findStep(s, work.notVisibleTo, dossierId, work.elementId), `${work.elementId} in the inbox of ${work.notVisibleTo}`).toBeUndefined();
  const at = await addWorkingTime(s, Date.parse(step.startedAt!), work.afterWorkingMs);
  s.clock.set(Math.max(at, s.clock.now()));
  // the server's sweeper ran until the instant the official acts: whatever is due by then has fired
  if (options.sweepFirst) {
    await s.sweeper.sweepOnce();
    expect(s.sweepErrors).toEqual([]);
  }
  const claimed = await s.call(work.user, 'POST', `/api/steps/${encodeURIComponent(step.id)}/claim`, {});
  expect(claimed.status, JSON.stringify(claimed.body)).toBe(200);
  const completed = await s.call(work.user, 'POST', `/api/steps/${encodeURIComponent(step.id)}/complete`, {
    decision: work.decision ?? 'approve',
    ...(work.data ? { data: work.data } : {}),
  });
  expect(completed.status, `${work.elementId}: ${JSON.stringify(completed.body)}`).toBe(200);
  return step;
}

/** The route to the result: each step worked in turn. */
export async function workSteps(s: ScenarioApp, dossierId: string, works: readonly Work[]): Promise<void> {
  for (const work of works) await workStep(s, dossierId, work);
}

/** The counter finishes (9, when the route has not already) and hands the result over (10). */
export async function handOverResult(s: ScenarioApp, dossierId: string): Promise<DossierView> {
  let dossier = await dossierOf(s, dossierId);
  if (dossier.status === 4) {
    const finished = await s.call<DossierView>('official.motcua', 'POST', `/api/dossiers/${dossierId}/finish`, {});
    expect(finished.status, JSON.stringify(finished.body)).toBe(200);
    dossier = finished.body;
  }
  expect(dossier.status).toBe(9);
  const returned = await s.call<DossierView>('official.motcua', 'POST', `/api/dossiers/${dossierId}/return-result`, {});
  expect(returned.status, JSON.stringify(returned.body)).toBe(200);
  return returned.body;
}

/** Statuses of the progress records with repeats collapsed: the path of national codes the dossier took. */
export function statusPath(progress: readonly ProgressView[]): number[] {
  return progress.map((p) => p.status).filter((status, i, all) => i === 0 || all[i - 1] !== status);
}

/** The step classifications (early / onTime / overdue) the step clocks kept, by element, in completion order. */
export async function classificationsOf(s: ScenarioApp, dossierId: string): Promise<[string, string | undefined][]> {
  const { items } = await s.t.stores.steps.list({ dossierId, status: ['completed'] }, { offset: 0, limit: 200 });
  return items
    .filter((step) => step.kind === 'userTask')
    .sort((a, b) => (a.completedAt ?? 0) - (b.completedAt ?? 0))
    .map((step) => [step.elementId, (step.clock as { context?: { classification?: string } } | undefined)?.context?.classification]);
}

export async function outboxOf(s: ScenarioApp, dossierId: string): Promise<OutboxEntry[]> {
  return s.t.outbox.listByDossier(dossierId);
}

/** Officials' notifications of the dossier as `event@elementOrDossier→target`, in order. */
export async function officialNotices(s: ScenarioApp, dossierId: string): Promise<Record<string, unknown>[]> {
  return (await outboxOf(s, dossierId)).filter((e) => e.kind === 'notification.official').map((e) => e.payload as Record<string, unknown>);
}
