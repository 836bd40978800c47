/** The sweeper fires each nearly-due mark, overdue mark and escalation rung exactly once, across owners and restarts. */
import { describe, expect, it } from 'vitest';
import { call, complete, createDossierTestApp, inbox, openStepOf, receive } from '../dossiers/dossier-fixture';
import { sweeperOf, vn } from './sweeper-fixture';

describe('deadline sweeper', () => {
  it('tells nearly due, overdue and each escalation rung once with two sweepers racing and a restart in the middle', async () => {
    // given a dossier whose review step (2 working days, nearly due at 75 %, rungs at +0 h and +8 h) opened Monday 3/3 08:37
    const t = await createDossierTestApp();
    const dossier = await receive(t);
    await complete(t, 'official.motcua', (await openStepOf(t, 'official.motcua', dossier.id)).id);
    const review = await openStepOf(t, 'official.dkkd', dossier.id);
    expect(review.dueAt).toBe(new Date(vn(2025, 3, 5, 8, 37)).toISOString());
    expect((await call(t, 'official.dkkd', 'POST', `/api/steps/${review.id}/claim`)).status).toBe(200);
    const errors: unknown[] = [];
    const [first, second] = [sweeperOf(t, 'server-a', errors), sweeperOf(t, 'server-b', errors)];

    // when both sweep at once on Tuesday afternoon (past 75 % of the budget)
    t.clock.set(vn(2025, 3, 4, 15, 0));
    await Promise.all([first.sweepOnce(), second.sweepOnce()]);
    expect((await inbox(t, 'official.dkkd'))[0]!.mark).toBe('nearlyDue');
    // and on Wednesday after the due time (overdue, rung 1 at +0 h)
    t.clock.set(vn(2025, 3, 5, 9, 0));
    const fired = await Promise.all([first.sweepOnce(), second.sweepOnce(), first.sweepOnce()]);
    expect(fired.reduce((a, b) => a + b, 0)).toBe(2);

    // and the server restarts: a fresh app and sweeper on the same stores, racing an old one on Thursday (rung 2 at +8 h)
    const restarted = await createDossierTestApp({ stores: t.stores, outbox: t.outbox, clock: t.clock, calendars: t.calendars });
    t.clock.set(vn(2025, 3, 6, 9, 0));
    await Promise.all([sweeperOf(restarted, 'server-c', errors).sweepOnce(), second.sweepOnce()]);
    await Promise.all([sweeperOf(restarted, 'server-c', errors).sweepOnce(), second.sweepOnce()]);

    // then each mark was told exactly once, in order, to the review step's unit
    const told = (await t.outbox.listByDossier(dossier.id))
      .filter((entry) => entry.kind === 'notification.official' && entry.payload.stepId === review.id && entry.payload.event !== 'step.activated')
      .map((entry) => [entry.payload.event, entry.payload.rung ?? null, entry.payload.departmentId]);
    expect(told).toEqual([
      ['step.nearly_due', null, 'phong-dkkd'],
      ['step.overdue', null, 'phong-dkkd'],
      ['step.escalated', 1, 'phong-dkkd'],
      ['step.escalated', 2, 'phong-dkkd'],
    ]);
    expect(errors).toEqual([]);
    // and the last rung (reassign) put the claimed step back in the unit's pool
    expect((await t.stores.steps.get(review.id))!.assigneeId).toBeUndefined();
    // and nothing of the step is left to fire; the inbox shows it overdue with the working time it is late
    const left = (await t.stores.timers.listByDossier(dossier.id)).filter((timer) => timer.stepId === review.id && timer.status === 'scheduled');
    expect(left).toEqual([]);
    const [item] = await inbox(restarted, 'official.dkkd');
    expect(item!.mark).toBe('overdue');
    expect(item!.remainingMs).toBeLessThan(0);
    expect(item!.remainingText).toMatch(/^Quá hạn/);

    // and past the appointment (Monday 10/3 08:37) the dossier clock marks the dossier overdue once, without a late warning
    t.clock.set(vn(2025, 3, 10, 9, 0));
    await Promise.all([sweeperOf(restarted, 'server-c').sweepOnce(), first.sweepOnce()]);
    await first.sweepOnce();
    const dossierMarks = (await t.outbox.listByDossier(dossier.id)).filter((e) => e.kind === 'notification.official' && String(e.payload.event).startsWith('dossier.')).map((e) => e.payload.event);
    expect(dossierMarks).toEqual(['dossier.overdue']);
  });

  it('leaves a timer leased by another owner alone until the lease expires, then fires it once', async () => {
    // given a step's timers due and claimed by a server that then crashed
    const t = await createDossierTestApp();
    const dossier = await receive(t);
    t.clock.set(vn(2025, 3, 3, 16, 0));
    const claimed = await t.stores.timers.claimDue(t.clock.now(), 'crashed', 60_000, 10);
    expect(claimed.length).toBeGreaterThan(0);
    // when another sweeper runs within the lease, nothing fires
    expect(await sweeperOf(t, 'server-b').sweepOnce()).toBe(0);
    // and after the lease, it fires what the crashed one held
    t.clock.advance(61_000);
    expect(await sweeperOf(t, 'server-b').sweepOnce()).toBe(claimed.length);
    const overdue = (await t.outbox.listByDossier(dossier.id)).filter((e) => e.payload.event === 'step.overdue');
    expect(overdue).toHaveLength(1);
  });

  it('consumes a timer whose dossier does not exist instead of retrying it for ever', async () => {
    const t = await createDossierTestApp();
    await t.stores.timers.schedule({ id: 'clock:orphan:overdue', kind: 'dossier.overdue', dossierId: 'orphan', dueAt: t.clock.now() - 1, payload: { source: 'dossier', timerId: 'orphan:overdue' } });
    const errors: unknown[] = [];
    expect(await sweeperOf(t, 'a', errors).sweepOnce()).toBe(1);
    expect(errors).toEqual([]);
    expect((await t.stores.timers.get('clock:orphan:overdue'))!.status).toBe('fired');
  });
});
