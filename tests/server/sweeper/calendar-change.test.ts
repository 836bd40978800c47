/** A holiday declared after intake re-projects open deadlines, reschedules their timers and is recorded on the dossier. */
import { describe, expect, it } from 'vitest';
import { call, complete, createDossierTestApp, openStepOf, receive } from '../dossiers/dossier-fixture';
import { sweeperOf, vn } from './sweeper-fixture';

const closure = {
  id: 'tinh-demo',
  level: 'province',
  name: { vi: 'Lịch tỉnh Demo', en: 'Demo province calendar' },
  years: [{ year: 2025, status: 'official', days: [{ date: '2025-03-04', kind: 'holiday', reason: { vi: 'Nghỉ do bão', en: 'Storm closure' } }] }],
};

describe('calendar change', () => {
  it('moves the open step\'s due date by the declared day off, reschedules its timers, and explains it on the dossier', async () => {
    // given a review step due Wednesday 5/3 08:37
    const t = await createDossierTestApp();
    const dossier = await receive(t);
    await complete(t, 'official.motcua', (await openStepOf(t, 'official.motcua', dossier.id)).id);
    const review = await openStepOf(t, 'official.dkkd', dossier.id);
    expect(review.dueAt).toBe(new Date(vn(2025, 3, 5, 8, 37)).toISOString());
    // when the administrator declares Tuesday 4/3 a day off on Monday afternoon
    t.clock.set(vn(2025, 3, 3, 14, 0));
    const changed = await call<{ dossiers: number; moved: { dossierId: string; deadlines: { text: string }[] }[] }>(t, 'admin', 'PUT', '/api/calendars/tinh-demo', { layer: closure, reason: 'Bão số 3' });
    // then the step is due a working day later, Thursday 6/3 08:37, and the dossier says why
    expect(changed.status).toBe(200);
    expect(changed.body.dossiers).toBe(1);
    expect((await openStepOf(t, 'official.dkkd', dossier.id)).dueAt).toBe(new Date(vn(2025, 3, 6, 8, 37)).toISOString());
    const note = (await t.stores.audit.listByDossier(dossier.id)).find((a) => a.action === 'calendar.changed');
    expect(note?.details.reason).toBe('Bão số 3');
    expect(JSON.stringify(note?.details.deadlines)).toContain('4/3');
    // and the overdue timer moved with it: nothing fires on Wednesday 09:00, the overdue mark fires on Thursday
    t.clock.set(vn(2025, 3, 5, 9, 0));
    await sweeperOf(t, 'a').sweepOnce();
    const overdue = () => t.outbox.listByDossier(dossier.id).then((es) => es.filter((e) => e.payload.event === 'step.overdue' && e.payload.stepId === review.id));
    expect(await overdue()).toHaveLength(0);
    t.clock.set(vn(2025, 3, 6, 9, 0));
    await sweeperOf(t, 'a').sweepOnce();
    expect(await overdue()).toHaveLength(1);
  });

  it('lets only administrators change calendars and refuses an invalid layer with 400', async () => {
    const t = await createDossierTestApp();
    expect((await call(t, 'official.motcua', 'PUT', '/api/calendars/tinh-demo', { layer: closure, reason: 'x' })).status).toBe(403);
    expect((await call(t, undefined, 'PUT', '/api/calendars/tinh-demo', { layer: closure, reason: 'x' })).status).toBe(401);
    const broken = { ...closure, years: [{ year: 2025, status: 'official', days: [{ date: '2025-13-40', kind: 'holiday', reason: { vi: 'x', en: 'x' } }] }] };
    const invalid = await call(t, 'admin', 'PUT', '/api/calendars/tinh-demo', { layer: broken, reason: 'x' });
    expect(invalid.status).toBe(400);
    expect(await t.calendarStore.list()).toEqual([]);
    expect((await call(t, 'admin', 'GET', '/api/calendars')).status).toBe(200);
  });
});
