/** Acting on steps: completion exactly once, claims, reassignment by the head of unit only, returns to an earlier step. */
import { describe, expect, it } from 'vitest';
import { call, complete, createDossierTestApp, inbox, openStepOf, receive } from './dossier-fixture';

describe('step actions', () => {
  it('answers 409 STEP_NOT_OPEN to a second completion and stores one completion', async () => {
    // given the counter step completed once
    const t = await createDossierTestApp();
    const dossier = await receive(t);
    const step = await openStepOf(t, 'official.motcua', dossier.id);
    expect((await complete(t, 'official.motcua', step.id)).status).toBe(200);
    // when it is completed again
    const again = await complete(t, 'official.motcua', step.id);
    // then a problem says the step is no longer open, and only one review step exists
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('STEP_NOT_OPEN');
    const steps = await t.stores.steps.list({ dossierId: dossier.id }, { offset: 0, limit: 10 });
    expect(steps.items.map((s) => [s.elementId, s.status])).toEqual([
      ['task-receive', 'completed'],
      ['task-review', 'open'],
    ]);
  });

  it('lets exactly one of two concurrent completions win', async () => {
    // given an open review step
    const t = await createDossierTestApp();
    const dossier = await receive(t);
    await complete(t, 'official.motcua', (await openStepOf(t, 'official.motcua', dossier.id)).id);
    const review = await openStepOf(t, 'official.dkkd', dossier.id);
    // when the official and the head of agency complete it at the same time
    const answers = await Promise.all([complete(t, 'official.dkkd', review.id), complete(t, 'head.taichinh', review.id)]);
    // then one wins and the other gets 409, and one appraisal step opens
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect((await inbox(t, 'official.xaydung')).filter((s) => s.dossierId === dossier.id)).toHaveLength(1);
  });

  it('refuses steps of another unit with 403 and an unknown step with 404', async () => {
    const t = await createDossierTestApp();
    const dossier = await receive(t);
    const step = await openStepOf(t, 'official.motcua', dossier.id);
    const foreign = await complete(t, 'official.dkkd', step.id);
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('FORBIDDEN');
    expect((await complete(t, 'official.motcua', 'no-such-step')).status).toBe(404);
    expect((await complete(t, undefined as unknown as string, step.id)).status).toBe(401);
    const badDecision = await complete(t, 'official.motcua', step.id, { decision: 'maybe' });
    expect(badDecision.status).toBe(400);
    expect((await t.stores.steps.get(step.id))!.status).toBe('open');
  });

  it('claims a step into the official\'s own inbox and refuses a claim by a colleague with 409', async () => {
    const t = await createDossierTestApp();
    const dossier = await receive(t);
    const step = await openStepOf(t, 'official.motcua', dossier.id);
    const claimed = await call<{ assigneeId: string }>(t, 'official.motcua', 'POST', `/api/steps/${step.id}/claim`);
    expect(claimed.status).toBe(200);
    expect(claimed.body.assigneeId).toBe('u-official-motcua');
    expect((await inbox(t, 'official.motcua', 'mine')).map((s) => s.id)).toEqual([step.id]);
    // the head may act on it, but may not claim what is claimed
    const byHead = await call(t, 'head.motcua', 'POST', `/api/steps/${step.id}/claim`);
    expect(byHead.status).toBe(409);
    expect(byHead.body.code).toBe('STEP_CLAIMED');
  });

  it('lets only the head of unit reassign a step', async () => {
    const t = await createDossierTestApp();
    const dossier = await receive(t);
    const step = await openStepOf(t, 'official.motcua', dossier.id);
    const byOfficial = await call(t, 'official.motcua', 'POST', `/api/steps/${step.id}/reassign`, { assigneeId: 'u-head-motcua' });
    expect(byOfficial.status).toBe(403);
    const byOtherHead = await call(t, 'head.taichinh', 'POST', `/api/steps/${step.id}/reassign`, { assigneeId: 'u-official-dkkd' });
    expect(byOtherHead.status).toBe(403);
    const byHead = await call<{ assigneeId: string }>(t, 'head.motcua', 'POST', `/api/steps/${step.id}/reassign`, { assigneeId: 'u-official-motcua', reason: 'vắng mặt' });
    expect(byHead.status).toBe(200);
    expect(byHead.body.assigneeId).toBe('u-official-motcua');
    const audit = await t.stores.audit.listByDossier(dossier.id);
    expect(audit.find((a) => a.action === 'step.reassigned')).toMatchObject({ actorId: 'u-head-motcua', stepId: step.id, details: { to: 'u-official-motcua', reason: 'vắng mặt' } });
  });

  it('returns a step to an earlier user task with a reason, and refuses a target that is not one with 422', async () => {
    // given the review step open at agency A
    const t = await createDossierTestApp();
    const dossier = await receive(t);
    await complete(t, 'official.motcua', (await openStepOf(t, 'official.motcua', dossier.id)).id);
    const review = await openStepOf(t, 'official.dkkd', dossier.id);
    const invalid = await call(t, 'official.dkkd', 'POST', `/api/steps/${review.id}/return`, { toElementId: 'end-returned', reason: 'x' });
    expect(invalid.status).toBe(422);
    expect(invalid.body.code).toBe('RETURN_TARGET_INVALID');
    expect((await call(t, 'official.dkkd', 'POST', `/api/steps/${review.id}/return`, { toElementId: 'task-receive' })).status).toBe(400);
    // when the reviewer returns it to the counter's check
    const returned = await call<{ status: string; outcome: string }>(t, 'official.dkkd', 'POST', `/api/steps/${review.id}/return`, { toElementId: 'task-receive', reason: 'Thiếu bản chụp CCCD' });
    // then the review step is closed as returned, the counter has the check again, and the reason is audited
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ status: 'cancelled', outcome: 'return' });
    expect(await inbox(t, 'official.dkkd')).toEqual([]);
    expect((await openStepOf(t, 'official.motcua', dossier.id)).elementId).toBe('task-receive');
    const audit = await t.stores.audit.listByDossier(dossier.id);
    expect(audit.find((a) => a.action === 'step.returned')?.details).toMatchObject({ toElementId: 'task-receive', reason: 'Thiếu bản chụp CCCD' });
    expect((await call(t, 'official.dkkd', 'POST', `/api/steps/${review.id}/return`, { toElementId: 'task-receive', reason: 'x' })).status).toBe(409);
  });

  it('stops the dossier (8) when the reviewer rejects it and the route ends, with a refusal letter to print', async () => {
    const t = await createDossierTestApp();
    const dossier = await receive(t);
    await complete(t, 'official.motcua', (await openStepOf(t, 'official.motcua', dossier.id)).id);
    const review = await openStepOf(t, 'official.dkkd', dossier.id);
    expect((await complete(t, 'official.dkkd', review.id, { decision: 'reject', note: 'Ngành nghề cấm kinh doanh' })).status).toBe(200);
    const stopped = await call<{ status: number }>(t, 'official.dkkd', 'GET', `/api/dossiers/${dossier.id}`);
    expect(stopped.body.status).toBe(8);
    expect((await call(t, 'official.dkkd', 'GET', `/api/dossiers/${dossier.id}/forms/03`)).status).toBe(200);
    expect(await inbox(t, 'official.xaydung')).toEqual([]);
  });

  it('tells the official whose claimed step the head completed that it is closed (409), not forbidden', async () => {
    const t = await createDossierTestApp();
    const dossier = await receive(t);
    const step = await openStepOf(t, 'official.motcua', dossier.id);
    await call(t, 'official.motcua', 'POST', `/api/steps/${step.id}/claim`);
    expect((await complete(t, 'head.motcua', step.id)).status).toBe(200);
    const late = await complete(t, 'official.motcua', step.id);
    expect([late.status, late.body.code]).toEqual([409, 'STEP_NOT_OPEN']);
    expect((await complete(t, 'official.dkkd', step.id)).status).toBe(403);
  });
});
