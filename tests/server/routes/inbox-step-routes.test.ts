/** The inbox and step routes' answers: urgency order and marks, scopes, every refusal, and Idempotency-Key replays. */
import { describe, expect, it } from 'vitest';
import { APPLICANT, call, complete, createDossierTestApp, FIXTURE_KEY, inbox, openStepOf, receive, VALID_FORM } from '../dossiers/dossier-fixture';
import { vn } from '../sweeper/sweeper-fixture';

describe('inbox and step routes', () => {
  it('lists the unit\'s open steps overdue first, then nearly due, then by due time, with the working time left', async () => {
    // given counter steps (4 working hours, nearly due at 75 %) opened at 08:37, 09:30 and 10:30 on Monday 3/3
    const t = await createDossierTestApp();
    const opened = [];
    for (const [hour, minute] of [[10, 30], [8, 37], [9, 30]] as const) {
      t.clock.set(vn(2025, 3, 3, hour, minute));
      opened.push(await receive(t));
    }
    // when the counter looks at 14:30 (due 14:07, 15:00, 16:00)
    t.clock.set(vn(2025, 3, 3, 14, 30));
    const items = await inbox(t, 'official.motcua');
    // then the 08:37 one is overdue, the 09:30 one nearly due, the 10:30 one due — in that order
    expect(items.map((i) => [i.dossierId, i.mark])).toEqual([
      [opened[1]!.id, 'overdue'],
      [opened[2]!.id, 'nearlyDue'],
      [opened[0]!.id, 'due'],
    ]);
    expect(items[0]!.remainingMs).toBe(-23 * 60_000);
    expect(items[2]!.remainingMs).toBe(90 * 60_000);
    expect(items[2]!.remainingText).toBe('Còn 1 giờ 30 phút làm việc');
    expect(items[0]!.remainingText).toBe('Quá hạn 23 phút làm việc');
    // and "mine" holds only what the official claimed
    expect(await inbox(t, 'official.motcua', 'mine')).toEqual([]);
  });

  it('counts the overdue and nearly-due steps of the whole scope on every page, not only the page\'s', async () => {
    // given the three counter steps of 08:37, 09:30 and 10:30, looked at 14:30: one overdue, one nearly due, one due
    const t = await createDossierTestApp();
    for (const [hour, minute] of [[10, 30], [8, 37], [9, 30]] as const) {
      t.clock.set(vn(2025, 3, 3, hour, minute));
      await receive(t);
    }
    t.clock.set(vn(2025, 3, 3, 14, 30));
    // when the counter reads its third page of one step
    const last = await call<{ items: { mark: string }[]; total: number; marks: { overdue: number; nearlyDue: number } }>(t, 'official.motcua', 'GET', '/api/inbox?offset=2&limit=1');
    // then the page holds the due step, while the total and the marks are the scope's
    expect(last.status).toBe(200);
    expect(last.body.items.map((item) => item.mark)).toEqual(['due']);
    expect(last.body.total).toBe(3);
    expect(last.body.marks).toEqual({ overdue: 1, nearlyDue: 1, due: 1, paused: 0, none: 0 });
  });

  it('refuses the inbox to roles without one (403), to nobody (401), and an unknown scope (400)', async () => {
    const t = await createDossierTestApp();
    expect((await call(t, 'analyst', 'GET', '/api/inbox')).status).toBe(403);
    expect((await call(t, 'supervisor', 'GET', '/api/inbox')).status).toBe(403);
    expect((await call(t, undefined, 'GET', '/api/inbox')).status).toBe(401);
    expect((await call(t, 'official.motcua', 'GET', '/api/inbox?scope=everyone')).status).toBe(400);
  });

  it('answers 404 for unknown steps on every step action, and 400 for malformed bodies', async () => {
    const t = await createDossierTestApp();
    for (const action of ['claim', 'complete', 'return', 'reassign']) {
      const body = action === 'return' ? { toElementId: 'task-receive', reason: 'x' } : action === 'reassign' ? { assigneeId: 'u-official-motcua' } : {};
      const user = action === 'reassign' ? 'head.motcua' : 'official.motcua';
      const answer = await call(t, user, 'POST', `/api/steps/khong-co/${action}`, body);
      expect([action, answer.status, answer.body.code]).toEqual([action, 404, 'STEP_NOT_FOUND']);
    }
    const dossier = await receive(t);
    const step = await openStepOf(t, 'official.motcua', dossier.id);
    const broken = await t.app.request(`/api/steps/${step.id}/complete`, { method: 'POST', headers: { 'content-type': 'application/json', ...(await t.as('official.motcua')) }, body: '{"decision":' });
    expect(broken.status).toBe(400);
    expect((await call(t, 'head.motcua', 'POST', `/api/steps/${step.id}/reassign`, {})).status).toBe(400);
    expect((await t.stores.steps.get(step.id))!.status).toBe('open');
  });

  it('lets a head of unit hand a step they claimed themselves to an official of the unit, and never to one of another unit', async () => {
    // given a step at the counter claimed by the head of the one-stop section
    const t = await createDossierTestApp();
    const dossier = await receive(t);
    const step = await openStepOf(t, 'official.motcua', dossier.id);
    expect((await call(t, 'head.motcua', 'POST', `/api/steps/${step.id}/claim`, {})).status).toBe(200);
    // when they hand it to an official of another agency, then to the counter's official
    const elsewhere = await call(t, 'head.motcua', 'POST', `/api/steps/${step.id}/reassign`, { assigneeId: 'u-official-xaydung' });
    const handed = await call(t, 'head.motcua', 'POST', `/api/steps/${step.id}/reassign`, { assigneeId: 'u-official-motcua' });
    // then only the second is done, and the step is the counter official's
    expect([elsewhere.status, handed.status]).toEqual([403, 200]);
    expect((await t.stores.steps.get(step.id))!.assigneeId).toBe('u-official-motcua');
  });

  it('shows a supervisor one dossier’s open steps with their due dates, but no inbox of their own', async () => {
    // given a dossier waiting at the counter
    const t = await createDossierTestApp();
    const dossier = await receive(t);
    // when the supervisor reads its steps, then asks for an inbox, then for an unknown dossier's steps
    const steps = await call<{ items: { dossierCode: string; name: string; dueAt: string }[] }>(t, 'supervisor', 'GET', `/api/inbox?dossierId=${dossier.id}`);
    const inbox = await call(t, 'supervisor', 'GET', '/api/inbox');
    const unknown = await call(t, 'supervisor', 'GET', '/api/inbox?dossierId=khong-co');
    // then only the first is answered, with the counter's open step and its due date
    expect([steps.status, inbox.status, unknown.status]).toEqual([200, 403, 404]);
    expect(steps.body.items).toHaveLength(1);
    expect(steps.body.items[0]!.dueAt).toEqual(expect.any(String));
  });

  it('replays a receipt sent again with the same Idempotency-Key instead of receiving the dossier twice', async () => {
    const t = await createDossierTestApp();
    const body = { procedureKey: FIXTURE_KEY, applicant: APPLICANT, form: VALID_FORM };
    const first = await call<{ id: string }>(t, 'official.motcua', 'POST', '/api/dossiers', body, { 'idempotency-key': 'quay-1-0001' });
    const again = await call<{ id: string }>(t, 'official.motcua', 'POST', '/api/dossiers', body, { 'idempotency-key': 'quay-1-0001' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect((await t.stores.dossiers.list({}, { offset: 0, limit: 10 })).total).toBe(1);
    // and a completion retried with its key is replayed, not a 409
    const step = await openStepOf(t, 'official.motcua', first.body.id);
    const done = await call(t, 'official.motcua', 'POST', `/api/steps/${step.id}/complete`, {}, { 'idempotency-key': 'hoan-thanh-1' });
    const retried = await call(t, 'official.motcua', 'POST', `/api/steps/${step.id}/complete`, {}, { 'idempotency-key': 'hoan-thanh-1' });
    expect([done.status, retried.status]).toEqual([200, 200]);
  });

  it('refuses forms of dossiers not routed to the reader (403) and unknown dossiers (404)', async () => {
    const t = await createDossierTestApp();
    const dossier = await receive(t);
    expect((await call(t, 'official.xaydung', 'GET', `/api/dossiers/${dossier.id}/forms/01`)).status).toBe(403);
    expect((await call(t, 'official.motcua', 'GET', '/api/dossiers/khong-co/forms/01')).status).toBe(404);
    await complete(t, 'official.motcua', (await openStepOf(t, 'official.motcua', dossier.id)).id);
    expect((await call(t, 'official.motcua', 'GET', `/api/dossiers/${dossier.id}/forms/03`)).status).toBe(409);
  });
});
