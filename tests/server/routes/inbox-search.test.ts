/**
 * The inbox searched and filtered by the store's query: a dossier code's start or an applicant's name without its
 * accents, procedure, claimed or not, phase; the counts of both tabs and of each phase in the same answer; bounded
 * input refused; and the dossier page's question (one dossier's steps, due dates explained, its route).
 */
import { describe, expect, it } from 'vitest';
import { call, complete, createDossierTestApp, openStepOf, receive, type TestApp } from '../dossiers/dossier-fixture';
import { vn } from '../sweeper/sweeper-fixture';

interface InboxAnswer {
  items: { dossierId: string; dossierCode: string; applicantName?: string; mark: string; elementId: string; dueText?: { vi: string; en: string } }[];
  total: number;
  marks: Record<string, number>;
  counts: { mine: number; department: number };
  route?: { done: string[]; current: string[] };
}

const inboxOf = (t: TestApp, user: string, query: string) => call<InboxAnswer>(t, user, 'GET', `/api/inbox?${query}`);

/** Three counter steps opened at 08:37, 09:30 and 10:30 on Monday 3/3/2025, looked at 14:30: overdue, nearly due, due. */
async function counterDay(t: TestApp) {
  const names = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'];
  const received = [];
  for (const [index, [hour, minute]] of ([[8, 37], [9, 30], [10, 30]] as const).entries()) {
    t.clock.set(vn(2025, 3, 3, hour, minute));
    received.push(await receive(t, { applicant: { name: names[index], idNumber: `00108500000${index}` } }));
  }
  t.clock.set(vn(2025, 3, 3, 14, 30));
  return received;
}

describe('inbox search and filters', () => {
  it('finds a dossier by its applicant’s name without accents or case, and by the start of its code', async () => {
    // given three dossiers at the counter
    const t = await createDossierTestApp();
    const [an, binh] = await counterDay(t);
    // when the official searches "tran thi" and the first 20 characters of An's code, in lower case
    const byName = await inboxOf(t, 'official.motcua', `q=${encodeURIComponent('  TRAN thi ')}`);
    const byCode = await inboxOf(t, 'official.motcua', `q=${encodeURIComponent(an!.dossierCode.slice(0, 20).toLowerCase())}`);
    const middleOfCode = await inboxOf(t, 'official.motcua', `q=${encodeURIComponent(an!.dossierCode.slice(5, 15))}`);
    // then each finds its dossier only, and a piece from the middle of a code finds none
    expect(byName.status).toBe(200);
    expect(byName.body.items.map((item) => [item.dossierCode, item.applicantName])).toEqual([[binh!.dossierCode, 'Trần Thị Bình']]);
    expect(byName.body.total).toBe(1);
    expect(byCode.body.items.map((item) => item.dossierId)).toContain(an!.id);
    expect(middleOfCode.body.items).toEqual([]);
  });

  it('filters by phase and by claim, and counts each phase and both tabs whatever the phase filter', async () => {
    // given three counter steps, the nearly-due one claimed by the official
    const t = await createDossierTestApp();
    const [overdue, nearlyDue] = await counterDay(t);
    const step = await openStepOf(t, 'official.motcua', nearlyDue!.id);
    expect((await call(t, 'official.motcua', 'POST', `/api/steps/${step.id}/claim`, {})).status).toBe(200);
    // when the official asks for the overdue ones, then the unclaimed ones, then their own overdue or nearly-due ones
    const overdueOnly = await inboxOf(t, 'official.motcua', 'phase=overdue');
    const unclaimed = await inboxOf(t, 'official.motcua', 'claim=unclaimed');
    const mine = await inboxOf(t, 'official.motcua', 'scope=mine&phase=overdue,nearlyDue');
    // then each lists what it asked for, with the counts of the whole unit
    expect(overdueOnly.body.items.map((item) => item.dossierId)).toEqual([overdue!.id]);
    expect(overdueOnly.body.total).toBe(1);
    expect(overdueOnly.body.marks).toEqual({ overdue: 1, nearlyDue: 1, due: 1, paused: 0, none: 0 });
    expect(overdueOnly.body.counts).toEqual({ mine: 1, department: 3 });
    expect(unclaimed.body.items.map((item) => item.mark)).toEqual(['overdue', 'due']);
    expect(mine.body.items.map((item) => item.dossierId)).toEqual([nearlyDue!.id]);
    expect(mine.body.counts).toEqual({ mine: 1, department: 3 });
  });

  it('filters by procedure', async () => {
    const t = await createDossierTestApp();
    await counterDay(t);
    const other = await inboxOf(t, 'official.motcua', 'procedureKey=khong-co');
    expect(other.body.items).toEqual([]);
    expect(other.body.counts).toEqual({ mine: 0, department: 0 });
  });

  it('refuses a search over 100 characters, an unknown phase or claim, and a page over 100 (400), storing nothing', async () => {
    const t = await createDossierTestApp();
    for (const query of [`q=${'a'.repeat(101)}`, 'phase=late', 'phase=overdue,', 'claim=maybe', 'limit=101', 'offset=-1']) {
      const answer = await inboxOf(t, 'official.motcua', query);
      expect(answer.status, query).toBe(400);
    }
  });

  it('answers the dossier page: that dossier’s steps with the due date explained, and where it stands on its route', async () => {
    // given a dossier handed on from the counter to the review
    const t = await createDossierTestApp();
    t.clock.set(vn(2025, 3, 3, 8, 37));
    const dossier = await receive(t);
    await receive(t);
    await complete(t, 'official.motcua', (await openStepOf(t, 'official.motcua', dossier.id)).id);
    // when the reviewing official asks for it
    const answer = await inboxOf(t, 'official.dkkd', `dossierId=${encodeURIComponent(dossier.id)}`);
    // then its one review step is there, its due date in words, and the counter's step is done on its route
    expect(answer.status).toBe(200);
    expect(answer.body.items).toHaveLength(1);
    expect(answer.body.items[0]!.dueText?.vi).toMatch(/^Hạn: .+ — .+ làm việc, tính từ /);
    expect(answer.body.route?.current).toEqual([answer.body.items[0]!.elementId]);
    expect(answer.body.route?.done.length).toBeGreaterThan(0);
    // and the counter, which handed it on, sees the route but no step of its own to act on
    const counter = await inboxOf(t, 'official.motcua', `dossierId=${encodeURIComponent(dossier.id)}`);
    expect(counter.body.items).toEqual([]);
    expect(counter.body.route?.current).toEqual(answer.body.route?.current);
  });
});

describe('inbox events', () => {
  it('sends inbox.changed on the event stream when a dossier opens a step, to a stream signed in by ?access_token=', async () => {
    // given an official's open inbox stream
    const t = await createDossierTestApp();
    const token = (await t.as('official.motcua')).authorization!.slice('Bearer '.length);
    const response = await t.app.request(`/api/events?topic=inbox&access_token=${encodeURIComponent(token)}`);
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    // when a dossier is received at the counter
    await receive(t);
    // then one inbox.changed arrives, without dossier data
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes('\n\n')) text += decoder.decode((await reader.read()).value, { stream: true });
    expect(text).toMatch(/^event: inbox.changed\ndata: \{\}\n/m);
    await reader.cancel();
  });

  it('still needs a procedureKey for the heatmap topic (400)', async () => {
    const t = await createDossierTestApp();
    expect((await call(t, 'official.motcua', 'GET', '/api/events')).status).toBe(400);
  });
});
