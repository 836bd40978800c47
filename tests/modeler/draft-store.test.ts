/**
 * Each analyst's drafts on the server (issue 16): the modeler's draft store saves, lists and opens them through
 * `/api/drafts` of the whole app (in process), and moves what an older modeler kept in this browser's localStorage to
 * the server once, at the analyst's first sign-in here.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { listDrafts, loadDraft, moveBrowserDrafts, saveDraft } from '../../modeler/src/modeler/draft-store';
import { createTestApp } from '../support/test-app';

const stored = new Map<string, string>();

describe('the draft store', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  const signInAs = async (username: string) => stored.set('lienthong.token', (await t.as(username)).authorization.slice('Bearer '.length));

  beforeEach(async () => {
    stored.clear();
    t = await createTestApp();
    Object.assign(globalThis, {
      localStorage: { getItem: (key: string) => stored.get(key) ?? null, setItem: (key: string, value: string) => stored.set(key, value), removeItem: (key: string) => stored.delete(key) },
      window: { dispatchEvent: () => true },
      fetch: (path: string, init: RequestInit) => t.app.request(path, init),
    });
  });

  it('keeps the analyst’s drafts on the server, the last saved first, and replaces a draft saved again', async () => {
    // given two drafts saved, the first one again later, renamed
    await signInAs('analyst');
    await saveDraft({ id: 'a', key: 'key-a', name: 'a', xml: '<xml id="a"/>' });
    t.clock.advance(60_000);
    await saveDraft({ id: 'b', key: 'key-b', name: 'b', xml: '<xml id="b"/>' });
    t.clock.advance(60_000);
    await saveDraft({ id: 'a', key: 'key-a', name: 'Cấp phép', xml: '<xml id="a2"/>' });
    // then the server lists both, the renamed one first, and the last saved opens by default
    expect((await listDrafts()).map((found) => `${found.id}:${found.name}`)).toEqual(['a:Cấp phép', 'b:b']);
    expect((await loadDraft())?.xml).toBe('<xml id="a2"/>');
    expect((await loadDraft('b'))?.xml).toBe('<xml id="b"/>');
    expect(await t.drafts.get('a')).toMatchObject({ ownerId: 'u-analyst', name: 'Cấp phép' });
  });

  it('moves the drafts this browser kept to the server once and forgets them here', async () => {
    // given the drafts an older modeler kept in localStorage: a list for the analyst, and the single unnamed one
    stored.set('lienthong.modeler.drafts.u-analyst', JSON.stringify([
      { id: 'moi', key: 'moi', name: 'Mới', xml: '<moi/>', savedAt: '2026-12-05T08:00:00Z' },
      { id: 'cu', key: 'cu', name: 'Cũ', xml: '<cu/>', savedAt: '2026-12-01T08:00:00Z' },
    ]));
    stored.set('lienthong.modeler.draft', JSON.stringify({ key: 'rat-cu', xml: '<rat-cu/>', savedAt: '2026-11-01T08:00:00Z' }));
    await signInAs('analyst');
    // when the analyst signs in here
    const moved = await moveBrowserDrafts('u-analyst');
    t.clock.advance(60_000);
    // then the server has all three, with their names and XML, and the browser keeps none
    expect(moved).toBe(3);
    expect((await t.drafts.listByOwner('u-analyst')).map((found) => `${found.key}:${found.name}`).sort()).toEqual(['cu:Cũ', 'moi:Mới', 'rat-cu:']);
    expect((await t.drafts.get('cu'))?.xml).toBe('<cu/>');
    expect([...stored.keys()].filter((key) => key.startsWith('lienthong.modeler.draft'))).toEqual([]);
    // and signing in again moves nothing more
    expect(await moveBrowserDrafts('u-analyst')).toBe(0);
    expect(await t.drafts.listByOwner('u-analyst')).toHaveLength(3);
  });
});
