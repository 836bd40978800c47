/** Supplements under each policy: pause, restart, and a bounded wait that rejects the dossier when it closes. */
import { describe, expect, it } from 'vitest';
import { call, complete, createDossierTestApp, fixtureWithPolicy, inbox, openStepOf, receive, type TestApp } from './dossier-fixture';
import { sweeperOf, vn } from '../sweeper/sweeper-fixture';

const MISSING = [
  { name: 'Bản sao Điều lệ công ty', detail: 'thiếu chữ ký' },
  { name: 'Danh sách thành viên' },
];

/** A dossier at the review step of agency A, on Monday 3/3/2025. */
async function atReview(t: TestApp) {
  const dossier = await receive(t);
  await complete(t, 'official.motcua', (await openStepOf(t, 'official.motcua', dossier.id)).id);
  return { dossier, review: await openStepOf(t, 'official.dkkd', dossier.id) };
}

async function requestSupplement(t: TestApp, dossierId: string, stepId: string) {
  return call<{ status: number }>(t, 'official.dkkd', 'POST', `/api/dossiers/${dossierId}/supplement-requests`, { stepId, missingComponents: MISSING, reason: 'Hồ sơ chưa đầy đủ' });
}

describe('supplements', () => {
  it('pauses: status 5 with every missing component told once, then back to review with the appointment kept', async () => {
    // given the pause policy and a dossier under review
    const t = await createDossierTestApp();
    const { dossier, review } = await atReview(t);
    // when the reviewer asks for a supplement on Tuesday
    t.clock.set(vn(2025, 3, 4, 9, 0));
    const requested = await requestSupplement(t, dossier.id, review.id);
    // then the dossier waits for the citizen (5), the route is at the counter's wait, and form 02 lists every component
    expect(requested.status).toBe(200);
    expect(requested.body.status).toBe(5);
    expect((await inbox(t, 'official.motcua')).map((s) => [s.elementId, s.mark])).toEqual([['task-wait-supplement', 'none']]);
    const form = await call<string>(t, 'official.dkkd', 'GET', `/api/dossiers/${dossier.id}/forms/02`);
    expect(form.status).toBe(200);
    expect(form.body).toContain('Bản sao Điều lệ công ty');
    expect(form.body).toContain('Danh sách thành viên');
    const told = (await t.outbox.listByDossier(dossier.id)).filter((e) => e.kind === 'notification.citizen' && e.payload.event === 'supplement.requested');
    expect(told.map((e) => e.payload.missing)).toEqual([['Bản sao Điều lệ công ty', 'Danh sách thành viên']]);
    // when the citizen supplements on Thursday
    t.clock.set(vn(2025, 3, 6, 9, 0));
    const supplemented = await call<{ status: number; appointmentAt: string }>(t, 'official.motcua', 'POST', `/api/dossiers/${dossier.id}/supplements`, { documents: [{ name: 'Danh sách thành viên', copyType: 'copy', quantity: 1 }] });
    // then it is back in process at a new review step, and the appointment on the receipt is unchanged
    expect(supplemented.status).toBe(200);
    expect(supplemented.body.status).toBe(4);
    expect(supplemented.body.appointmentAt).toBe(dossier.appointmentAt);
    const again = await openStepOf(t, 'official.dkkd', dossier.id);
    expect(again.elementId).toBe('task-review');
    expect(again.id).not.toBe(review.id);
    const statuses = (await t.stores.progress.listByDossier(dossier.id)).map((p) => p.status);
    expect(statuses.slice(-3)).toEqual([5, 4, 4]);
  });

  it('restarts: the statutory clock counts again from the complete dossier, with a new appointment', async () => {
    const t = await createDossierTestApp({ xml: fixtureWithPolicy('restart') });
    const { dossier, review } = await atReview(t);
    t.clock.set(vn(2025, 3, 4, 9, 0));
    await requestSupplement(t, dossier.id, review.id);
    // when the supplement arrives on Thursday 6/3 09:00
    t.clock.set(vn(2025, 3, 6, 9, 0));
    const supplemented = await call<{ appointmentAt: string }>(t, 'official.motcua', 'POST', `/api/dossiers/${dossier.id}/supplements`, {});
    // then the appointment is 5 working days from then: Thursday 13/3 09:00
    expect(supplemented.body.appointmentAt).toBe(new Date(vn(2025, 3, 13, 9, 0)).toISOString());
  });

  it('rejects the dossier when the citizen\'s bounded window closes, after warning them, and closes its route', async () => {
    // given a bounded wait of 2 working days (nearly due at 75 % of it)
    const t = await createDossierTestApp({ xml: fixtureWithPolicy('boundedWait', 2) });
    const { dossier, review } = await atReview(t);
    t.clock.set(vn(2025, 3, 4, 9, 0));
    await requestSupplement(t, dossier.id, review.id);
    const sweeper = sweeperOf(t, 'server-a');
    // when the sweeper runs late on the second working day, then after the window closed (Thursday 6/3 09:00)
    t.clock.set(vn(2025, 3, 5, 16, 0));
    await sweeper.sweepOnce();
    t.clock.set(vn(2025, 3, 6, 10, 0));
    await sweeper.sweepOnce();
    // then the dossier is stopped (8), nothing of its route is open, and the citizen was warned once before
    const stopped = await call<{ status: number }>(t, 'official.motcua', 'GET', `/api/dossiers/${dossier.id}`);
    expect(stopped.body.status).toBe(8);
    expect((await t.stores.steps.list({ dossierId: dossier.id, status: ['open'] }, { offset: 0, limit: 10 })).items).toEqual([]);
    const citizen = (await t.outbox.listByDossier(dossier.id)).filter((e) => e.kind === 'notification.citizen').map((e) => e.payload.event);
    expect(citizen).toEqual(['dossier.received', 'supplement.requested', 'supplement.window_closing', 'processing.stopped']);
    // and a late supplement is refused
    const late = await call(t, 'official.motcua', 'POST', `/api/dossiers/${dossier.id}/supplements`, {});
    expect(late.status).toBe(409);
  });

  it('pauses the open step in place when the model has no supplement wait, and refuses an empty list of components', async () => {
    const t = await createDossierTestApp();
    const { dossier } = await atReview(t);
    const empty = await call(t, 'official.dkkd', 'POST', `/api/dossiers/${dossier.id}/supplement-requests`, { missingComponents: [], reason: 'x' });
    expect(empty.status).toBe(400);
    // at the counter, without a step: the review step stays open but paused
    const requested = await call<{ status: number }>(t, 'official.motcua', 'POST', `/api/dossiers/${dossier.id}/supplement-requests`, { missingComponents: MISSING, reason: 'Thiếu giấy tờ' });
    expect(requested.body.status).toBe(5);
    expect((await inbox(t, 'official.dkkd')).map((s) => s.mark)).toEqual(['paused']);
    const twice = await call(t, 'official.motcua', 'POST', `/api/dossiers/${dossier.id}/supplement-requests`, { missingComponents: MISSING, reason: 'Thiếu' });
    expect(twice.status).toBe(409);
    await call(t, 'official.motcua', 'POST', `/api/dossiers/${dossier.id}/supplements`, {});
    expect((await inbox(t, 'official.dkkd')).map((s) => s.mark)).toEqual(['due']);
  });
});
