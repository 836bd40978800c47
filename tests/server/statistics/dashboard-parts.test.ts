/**
 * The summary's figures add up (issue 16, "statistics that cannot mislead"): the on-time rate comes with its parts
 * (finished early, on time, in process within time, finished late, in process overdue) whose sums are the rate's
 * numerator and denominator, checked against the independent computation in the small cases a supervisor meets
 * first (an empty period, only dossiers in process); an open step that appears in nobody's inbox is counted and
 * listed as orphaned, checked against every official's and head of unit's inbox.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseProcedure } from '../../../engine/src/index';
import { DEMO_USERS } from '../../../server/src/access/demo-users';
import { call, complete, createDossierTestApp, FIXTURE_KEY, inbox, receive, type TestApp } from '../dossiers/dossier-fixture';
import { loadIndependent, summariseIndependently } from './independent-figures';

const PERIOD = 'from=2025-03-01&to=2025-03-31';
const FIGURES = ['received', 'processed', 'finishedEarly', 'finishedOnTime', 'finishedOverdue', 'inProcessInTime', 'inProcessOverdue', 'pausedInTime', 'pausedOverdue', 'nearlyDueSteps', 'overdueSteps'] as const;
type Summary = Record<(typeof FIGURES)[number] | 'finished' | 'inProcess' | 'onTime' | 'overdue' | 'orphanedSteps', number> & { onTimeRate: number | null };

async function summaryOf(t: TestApp): Promise<Summary> {
  const answer = await call<Summary>(t, 'supervisor', 'GET', `/api/stats/summary?${PERIOD}`);
  expect(answer.status).toBe(200);
  return answer.body;
}

/** The independent figures of the whole province for the period, as of now. */
async function independently(t: TestApp) {
  const from = Date.parse('2025-03-01T00:00:00+07:00');
  const to = Math.min(Date.parse('2025-03-31T23:59:59.999+07:00'), t.clock.now());
  return summariseIndependently(await loadIndependent(t.stores), from, to, t.clock.now(), (await t.calendars.current()).time);
}

/** The parts shown beside the rate sum to its numerator and denominator, and the rate is their quotient. */
function expectPartsAddUp(summary: Summary): void {
  expect(summary.finished).toBe(summary.finishedEarly + summary.finishedOnTime + summary.finishedOverdue);
  expect(summary.inProcess).toBe(summary.inProcessInTime + summary.inProcessOverdue + summary.pausedInTime + summary.pausedOverdue);
  expect(summary.processed).toBe(summary.finished + summary.inProcess);
  expect(summary.onTime).toBe(summary.finishedEarly + summary.finishedOnTime + summary.inProcessInTime + summary.pausedInTime);
  expect(summary.processed).toBe(summary.onTime + summary.overdue);
  if (summary.processed === 0) expect(summary.onTimeRate).toBeNull();
  else expect(summary.onTimeRate).toBeCloseTo(summary.onTime / summary.processed, 12);
}

describe('the summary with its parts', () => {
  it('answers zeros and no rate for an empty period', async () => {
    // given no dossier at all
    const t = await createDossierTestApp();
    // when
    const summary = await summaryOf(t);
    // then
    const expected = await independently(t);
    for (const figure of FIGURES) expect({ figure, value: summary[figure] }).toEqual({ figure, value: expected[figure] });
    expect(summary).toMatchObject({ received: 0, processed: 0, finished: 0, inProcess: 0, onTime: 0, overdue: 0, orphanedSteps: 0, onTimeRate: null });
    expectPartsAddUp(summary);
  });

  it('shows two dossiers received and none finished as 100 % made of two in process within time, not as finished', async () => {
    // given two dossiers received at the counter, neither finished
    const t = await createDossierTestApp();
    await receive(t);
    await receive(t);
    t.clock.advance(3_600_000);
    // when
    const summary = await summaryOf(t);
    // then the rate is Decision 766's (in process within time counts on time), and its parts say so
    const expected = await independently(t);
    for (const figure of FIGURES) expect({ figure, value: summary[figure] }).toEqual({ figure, value: expected[figure] });
    expect(summary.onTimeRate).toBeCloseTo(expected.onTimeRate!, 12);
    expect(summary).toMatchObject({ received: 2, processed: 2, finished: 0, inProcess: 2, onTime: 2, overdue: 0, inProcessInTime: 2, onTimeRate: 1 });
    expectPartsAddUp(summary);
  });
});

describe('figures per official', () => {
  it('credits the counter official who received two dossiers and handled one step with that one step', async () => {
    // given two dossiers received by the counter official, who claims and completes the first step of one of them
    const t = await createDossierTestApp();
    const first = await receive(t);
    await receive(t);
    const step = (await inbox(t, 'official.motcua')).find((item) => item.dossierId === first.id)!;
    expect((await call(t, 'official.motcua', 'POST', `/api/steps/${step.id}/claim`)).status).toBe(200);
    t.clock.advance(3_600_000);
    expect((await complete(t, 'official.motcua', step.id, { decision: 'approve' })).status).toBe(200);
    // when
    const { body } = await call<{ rows: (Summary & { key: string })[] }>(t, 'supervisor', 'GET', `/api/stats/breakdown?by=official&${PERIOD}`);
    // then his row counts one step, finished within its budget, not two dossiers received and processed
    const counter = body.rows.find((row) => row.key === 'u-official-motcua');
    expect(counter).toMatchObject({ received: 1, processed: 1, finishedEarly: 0, finishedOnTime: 1, inProcessInTime: 0, onTimeRate: 1 });
    expect(body.rows.map((row) => row.key)).toEqual(['u-official-motcua']);
  });
});

describe('orphaned steps', () => {
  it('counts and lists an open step that is in no official’s or head of unit’s inbox', async () => {
    // given the library-seeding path (no routing check) deploying the fixture with the counter lane's department removed
    const t = await createDossierTestApp({ deploy: false });
    const xml = readFileSync(fileURLToPath(new URL('../../fixtures/server/two-agency-procedure.bpmn', import.meta.url)), 'utf8')
      .replace('<lt:assignment agency="ttpvhcc" department="quay-mot-cua" />', '<lt:assignment agency="ttpvhcc" />');
    const { definition } = await parseProcedure(xml);
    await t.stores.procedures.deploy({ key: FIXTURE_KEY, name: 'Thủ tục thử', xml, definition: definition!, deployedAt: t.clock.now(), deployedBy: 'seed' });
    // and a dossier received on it, whose first step is routed to the counter without a department
    const dossier = await receive(t);
    // when
    const summary = await summaryOf(t);
    const listed = await call<{ items: { dossierId: string; elementId: string; agencyId?: string; departmentId?: string }[]; total: number }>(t, 'supervisor', 'GET', '/api/stats/steps?mark=orphaned');
    // then the step is in nobody's inbox …
    const actors = DEMO_USERS.filter((user) => user.role === 'official' || user.role === 'headOfUnit');
    const seen = new Set<string>();
    for (const user of actors) for (const item of await inbox(t, user.username)) seen.add(item.id);
    const open = (await t.stores.steps.list({ dossierId: dossier.id, status: ['open'] }, { offset: 0, limit: 100 })).items;
    const unseen = open.filter((step) => !seen.has(step.id));
    expect(unseen.map((step) => step.elementId)).toEqual(['task-receive']);
    // … and the dashboard counts and lists exactly those
    expect(summary.orphanedSteps).toBe(unseen.length);
    expect(listed.body.total).toBe(unseen.length);
    expect(listed.body.items[0]).toMatchObject({ dossierId: dossier.id, elementId: 'task-receive', agencyId: 'ttpvhcc' });
    expect(listed.body.items[0]!.departmentId).toBeUndefined();
  });
});
