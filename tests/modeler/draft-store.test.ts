/**
 * Each analyst's drafts on this browser (issue 16, item 5): kept per user across signing out and in, newest first,
 * one entry per draft, and the single draft an older version kept becomes the user's.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { listDrafts, loadDraft, saveDraft } from '../../modeler/src/modeler/draft-store';

const stored = new Map<string, string>();
const draft = (id: string, savedAt: string, name = id) => ({ id, key: `key-${id}`, name, xml: `<xml id="${id}"/>`, savedAt });

describe('the draft store', () => {
  beforeEach(() => {
    stored.clear();
    Object.assign(globalThis, { localStorage: { getItem: (key: string) => stored.get(key) ?? null, setItem: (key: string, value: string) => stored.set(key, value), removeItem: (key: string) => stored.delete(key) } });
  });

  it('lists a user’s drafts newest first, replaces a draft saved again, and keeps other users’ apart', () => {
    // given two drafts of the analyst and one of another analyst
    saveDraft('u-analyst', draft('a', '2026-12-06T10:00:00Z'));
    saveDraft('u-analyst', draft('b', '2026-12-06T11:00:00Z'));
    saveDraft('u-other', draft('c', '2026-12-06T12:00:00Z'));
    // when the first is saved again, renamed
    saveDraft('u-analyst', draft('a', '2026-12-06T12:30:00Z', 'Cấp phép'));
    // then the analyst has both, the renamed one first, and the newest opens by default
    expect(listDrafts('u-analyst').map((found) => `${found.id}:${found.name}`)).toEqual(['a:Cấp phép', 'b:b']);
    expect(loadDraft('u-analyst')?.id).toBe('a');
    expect(loadDraft('u-analyst', 'b')?.xml).toBe('<xml id="b"/>');
    expect(listDrafts('u-other').map((found) => found.id)).toEqual(['c']);
  });

  it('gives the single draft kept before drafts were listed to the user who opens the modeler', () => {
    // given the draft an older version kept under one key
    stored.set('lienthong.modeler.draft', JSON.stringify({ key: 'cu', xml: '<old/>', savedAt: '2026-12-01T08:00:00Z' }));
    // then it is listed once, as the user's
    expect(listDrafts('u-analyst').map((found) => found.key)).toEqual(['cu']);
    expect(listDrafts('u-analyst')).toHaveLength(1);
    expect(stored.has('lienthong.modeler.draft')).toBe(false);
  });
});
