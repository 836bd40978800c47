/**
 * The live heatmap over 2,000 seeded dossiers: per-element counts equal the open steps in the step store, scoped
 * to who asks; completing a step moves the counts and sends `heatmap.changed` on the event stream (read from
 * `app.request()`'s body); a step turning overdue under the deadline sweeper sends one too.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { StepRecord } from '../../../server/src/stores';
import { createDeadlineSweeper } from '../../../server/src/sweeper/deadline-sweeper';
import { SEED_PROCEDURES } from '../../support/seed-dossiers';
import { loadIndependent, stepMarkIndependently, type IndependentDossier } from '../statistics/independent-figures';
import { createSeededApp, getAs } from '../statistics/seeded-app';

type Seeded = Awaited<ReturnType<typeof createSeededApp>>;
type Counts = { waiting: number; nearlyDue: number; overdue: number };
type Heatmap = { procedureKey: string; version: number; elements: Record<string, Counts>; updatedAt: string };

let t: Seeded;

function expectedCounts(dossiers: IndependentDossier[], procedureKey: string, now: number, keep: (step: StepRecord) => boolean = () => true): Record<string, Counts> {
  const elements: Record<string, Counts> = {};
  for (const dossier of dossiers.filter((d) => d.procedureKey === procedureKey)) {
    for (const step of dossier.openSteps.filter(keep)) {
      const counts = (elements[step.elementId] ??= { waiting: 0, nearlyDue: 0, overdue: 0 });
      counts.waiting += 1;
      const mark = stepMarkIndependently(step, now);
      if (mark === 'nearlyDue') counts.nearlyDue += 1;
      if (mark === 'overdue') counts.overdue += 1;
    }
  }
  return elements;
}

const withoutPaused = (elements: Record<string, Counts & { paused?: number }>): Record<string, Counts> =>
  Object.fromEntries(Object.entries(elements).map(([id, { waiting, nearlyDue, overdue }]) => [id, { waiting, nearlyDue, overdue }]));

/** Reads server-sent events from a response body until `count` events named `name` arrived. */
async function readEvents(reader: ReadableStreamDefaultReader<Uint8Array>, name: string, until: (data: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error('the event stream ended');
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event === name && data) {
        const parsed = JSON.parse(data) as Record<string, unknown>;
        if (until(parsed)) return parsed;
      }
    }
  }
}

async function openStream(procedureKey: string, user: string): Promise<{ response: Response; reader: ReadableStreamDefaultReader<Uint8Array> }> {
  const token = (await t.as(user)).authorization!.slice('Bearer '.length);
  const response = await t.app.request(`/api/events?procedureKey=${procedureKey}&access_token=${encodeURIComponent(token)}`);
  return { response, reader: response.body!.getReader() };
}

beforeAll(async () => {
  t = await createSeededApp(2000);
}, 600_000);

describe('the live heatmap', () => {
  it('shows a supervisor every open step per element, nearly due and overdue counted as in the step store', async () => {
    const dossiers = await loadIndependent(t.stores);
    for (const { key } of SEED_PROCEDURES) {
      const { status, body } = await getAs<Heatmap>(t, 'supervisor', `/api/heatmap/${key}/versions/1`);
      expect(status).toBe(200);
      expect(withoutPaused(body.elements)).toEqual(expectedCounts(dossiers, key, t.clock.now()));
    }
    const all = await getAs<Heatmap>(t, 'supervisor', '/api/heatmap/seed-xay-dung/versions/1');
    expect(all.body.elements['task-review']?.waiting).toBeGreaterThan(0);
    expect(Object.values(all.body.elements).some((counts) => counts.overdue > 0)).toBe(true);
  });

  it('shows an official only their own unit\'s steps, and a supervisor only their scope', async () => {
    const dossiers = await loadIndependent(t.stores);
    const official = await getAs<Heatmap>(t, 'official.dkkd', '/api/heatmap/seed-ubnd-xa/versions/1');
    expect(withoutPaused(official.body.elements)).toEqual(expectedCounts(dossiers, 'seed-ubnd-xa', t.clock.now(), (step) => step.agencyId === 'so-tai-chinh' && step.departmentId === 'phong-dkkd'));
    expect(Object.keys(official.body.elements)).toEqual(['task-review']);
    const commune = await getAs<Heatmap>(t, 'supervisor.xa', '/api/heatmap/seed-ubnd-xa/versions/1');
    expect(Object.keys(commune.body.elements)).toEqual(['task-appraise']);
    const elsewhere = await getAs<Heatmap>(t, 'supervisor.xa', '/api/heatmap/seed-xay-dung/versions/1');
    expect(elsewhere.body.elements).toEqual({});
  });

  it('lists the dossiers behind an element when it is clicked', async () => {
    const heatmap = await getAs<Heatmap>(t, 'supervisor', '/api/heatmap/seed-dat-dai/versions/1');
    const list = await getAs<{ items: { elementId: string; dossierCode: string; mark: string }[] }>(t, 'supervisor', '/api/heatmap/seed-dat-dai/versions/1/elements/task-appraise/dossiers');
    expect(list.body.items).toHaveLength(heatmap.body.elements['task-appraise']!.waiting);
    expect(list.body.items.filter((item) => item.mark === 'overdue')).toHaveLength(heatmap.body.elements['task-appraise']!.overdue);
    expect(new Set(list.body.items.map((item) => item.elementId))).toEqual(new Set(['task-appraise']));
  });

  it('moves the counts and sends heatmap.changed when an official completes a step, and closes cleanly', async () => {
    // given
    const before = await getAs<Heatmap>(t, 'supervisor', '/api/heatmap/seed-xay-dung/versions/1');
    const waiting = await getAs<{ items: { stepId: string }[] }>(t, 'official.dkkd', '/api/heatmap/seed-xay-dung/versions/1/elements/task-review/dossiers');
    const stepId = waiting.body.items[0]!.stepId;
    const { response, reader } = await openStream('seed-xay-dung', 'official.dkkd');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const subscribers = t.heatmapChanges.size;
    // when
    const changed = readEvents(reader, 'heatmap.changed', (data) => data.elementId === 'task-appraise');
    const completed = await t.app.request(`/api/steps/${encodeURIComponent(stepId)}/complete`, {
      method: 'POST',
      headers: { ...(await t.as('official.dkkd')), 'content-type': 'application/json' },
      body: JSON.stringify({ decision: 'approve' }),
    });
    // then
    expect(completed.status).toBe(200);
    expect(await changed).toEqual({ procedureKey: 'seed-xay-dung', version: 1, elementId: 'task-appraise' });
    const after = await getAs<Heatmap>(t, 'supervisor', '/api/heatmap/seed-xay-dung/versions/1');
    expect(after.body.elements['task-review']!.waiting).toBe(before.body.elements['task-review']!.waiting - 1);
    expect(after.body.elements['task-appraise']!.waiting).toBe(before.body.elements['task-appraise']!.waiting + 1);
    await reader.cancel();
    expect(t.heatmapChanges.size).toBe(subscribers - 1);
  });

  it('sends heatmap.changed when the deadline sweeper marks a step overdue', async () => {
    // given: the open, unpaused step of seed-dat-dai that falls due next
    const list = await getAs<{ items: { stepId: string; elementId: string; dueAt: string; mark: string }[] }>(t, 'supervisor', '/api/heatmap/seed-dat-dai/versions/1/elements/task-review/dossiers');
    const next = list.body.items.filter((item) => item.mark === 'due' || item.mark === 'nearlyDue').sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0]!;
    const before = await getAs<Heatmap>(t, 'supervisor', '/api/heatmap/seed-dat-dai/versions/1');
    const { reader } = await openStream('seed-dat-dai', 'supervisor');
    const sweeper = createDeadlineSweeper({ stores: t.stores, outbox: t.outbox, clock: t.clock, calendars: t.calendars, newId: () => crypto.randomUUID(), owner: 'test', batch: 10_000, facts: t.facts, heatmapChanges: t.heatmapChanges } as Parameters<typeof createDeadlineSweeper>[0]);
    // when
    t.clock.set(Date.parse(next.dueAt) + 1);
    const changed = readEvents(reader, 'heatmap.changed', (data) => data.elementId === 'task-review');
    await sweeper.sweepOnce();
    // then
    expect(await changed).toMatchObject({ procedureKey: 'seed-dat-dai', elementId: 'task-review' });
    const after = await getAs<Heatmap>(t, 'supervisor', '/api/heatmap/seed-dat-dai/versions/1');
    expect(after.body.elements['task-review']!.overdue).toBeGreaterThan(before.body.elements['task-review']!.overdue);
    await reader.cancel();
  });

  it('refuses the event stream without a valid token', async () => {
    expect((await t.app.request('/api/events?procedureKey=seed-dat-dai')).status).toBe(401);
    expect((await t.app.request('/api/events?procedureKey=seed-dat-dai&access_token=not-a-token')).status).toBe(401);
    expect((await t.app.request('/api/heatmap/seed-dat-dai/versions/1')).status).toBe(401);
  });
});
