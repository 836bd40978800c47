/** The whole route of the two-agency fixture through the inboxes of the counter and two agencies. */
import { describe, expect, it } from 'vitest';
import { call, complete, createDossierTestApp, inbox, openStepOf, receive } from './dossier-fixture';

describe('a dossier on the two-agency route', () => {
  it('is received with a code and an appointment on the working calendar, then worked through two agencies to status 10', async () => {
    // given the fixture deployed and an official at the one-stop counter on Monday 3/3/2025 08:37
    const t = await createDossierTestApp();
    // when the dossier is received
    const dossier = await receive(t);
    // then it has the agency's code of the day and the appointment 5 working days later, keeping the time of day
    expect(dossier.dossierCode).toBe('ttpvhcc-250303-0001');
    expect(dossier.status).toBe(4);
    expect(dossier.appointmentAt).toBe('2025-03-10T01:37:00.000Z');

    // the counter's check step is in the counter inbox
    const counterStep = await openStepOf(t, 'official.motcua', dossier.id);
    expect(counterStep.elementId).toBe('task-receive');
    expect(counterStep.mark).toBe('due');
    expect((await complete(t, 'official.motcua', counterStep.id)).status).toBe(200);

    // agency A (finance) reviews
    const review = await openStepOf(t, 'official.dkkd', dossier.id);
    expect(review.elementId).toBe('task-review');
    expect(await inbox(t, 'official.motcua')).toEqual([]);
    expect((await complete(t, 'official.dkkd', review.id, { decision: 'approve', data: { reviewNote: 'đủ điều kiện' } })).status).toBe(200);

    // agency B (construction) appraises
    const appraise = await openStepOf(t, 'official.xaydung', dossier.id);
    expect(appraise.elementId).toBe('task-appraise');
    expect((await complete(t, 'official.xaydung', appraise.id)).status).toBe(200);

    // the counter hands the result over: the process ends, the dossier is finished (9)
    const handOver = await openStepOf(t, 'official.motcua', dossier.id);
    expect(handOver.elementId).toBe('task-return');
    expect((await complete(t, 'official.motcua', handOver.id)).status).toBe(200);
    const finished = await call<{ status: number }>(t, 'official.motcua', 'GET', `/api/dossiers/${dossier.id}`);
    expect(finished.body.status).toBe(9);

    // and the result is returned (10)
    const returned = await call<{ status: number }>(t, 'official.motcua', 'POST', `/api/dossiers/${dossier.id}/return-result`, {});
    expect(returned.status).toBe(200);
    expect(returned.body.status).toBe(10);

    // every status change and hand-over is a progress record, in order
    const progress = await call<{ status: number; action: string; seq: number }[]>(t, 'official.motcua', 'GET', `/api/dossiers/${dossier.id}/progress`);
    expect(progress.body.map((p) => [p.status, p.action])).toEqual([
      [2, 'dossier.received'],
      [4, 'processing.started'],
      [4, 'step.handed_over'],
      [4, 'step.handed_over'],
      [4, 'step.handed_over'],
      [4, 'step.handed_over'],
      [9, 'dossier.finished'],
      [10, 'result.returned'],
    ]);
    expect(progress.body.map((p) => p.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);

    // and the outbox has every entry with seq 1, 2, 3 … for the dossier
    const entries = await t.outbox.listByDossier(dossier.id);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(entries.filter((e) => e.kind === 'dossier.status_changed').map((e) => e.payload.status)).toEqual([2, 4, 9, 10]);
    expect(entries.filter((e) => e.kind === 'notification.citizen').map((e) => e.payload.event)).toEqual(['dossier.received', 'result.ready']);

    // and the audit trail says who did what from which step
    const audit = await call<{ action: string; actorId: string; stepId?: string }[]>(t, 'official.motcua', 'GET', `/api/dossiers/${dossier.id}/audit`);
    expect(audit.body.filter((a) => a.action === 'step.completed').map((a) => a.actorId)).toEqual(['u-official-motcua', 'u-official-dkkd', 'u-official-xaydung', 'u-official-motcua']);
  });
});
