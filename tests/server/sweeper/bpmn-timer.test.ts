/** BPMN timers are stored TimerRecords too: the sweeper delivers `timer.due` to the process instance, once. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { call, createDossierTestApp, inbox, receive } from '../dossiers/dossier-fixture';
import { sweeperOf } from './sweeper-fixture';

const xml = readFileSync(fileURLToPath(new URL('../../fixtures/server/boundary-timer-procedure.bpmn', import.meta.url)), 'utf8');

describe('BPMN timers through the sweeper', () => {
  it('fires the boundary timer two hours after the step opened, moving the dossier to the head\'s step, once', async () => {
    // given a dossier whose counter check has a 2-hour interrupting timer
    const t = await createDossierTestApp({ deploy: false });
    expect((await call(t, 'analyst', 'POST', '/api/procedures', { key: 'thu-hen-gio', xml })).status).toBe(201);
    const dossier = await receive(t, { procedureKey: 'thu-hen-gio', form: {} });
    const [timer] = (await t.stores.timers.listByDossier(dossier.id)).filter((record) => record.kind === 'bpmn.timer');
    expect(timer!.dueAt).toBe(t.clock.now() + 2 * 3_600_000);
    // when two sweepers run before and after it is due
    t.clock.advance(3_600_000);
    expect(await sweeperOf(t, 'a').sweepOnce()).toBe(0);
    t.clock.advance(3_600_000);
    const fired = await Promise.all([sweeperOf(t, 'a').sweepOnce(), sweeperOf(t, 'b').sweepOnce()]);
    // then the timer fired once: the check is cancelled and the head's step is open
    expect(fired.reduce((a, b) => a + b, 0)).toBe(1);
    expect((await inbox(t, 'head.motcua')).map((s) => s.elementId)).toEqual(['task-head']);
    const steps = await t.stores.steps.list({ dossierId: dossier.id }, { offset: 0, limit: 10 });
    expect(steps.items.map((s) => [s.elementId, s.status])).toEqual([
      ['task-check', 'cancelled'],
      ['task-head', 'open'],
    ]);
    expect((await t.stores.timers.get(timer!.id))!.status).toBe('fired');
  });
});
