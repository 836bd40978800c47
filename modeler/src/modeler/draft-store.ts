/**
 * @module draftStore — each analyst's drafts on this browser (localStorage, one list per user id): kept across
 * signing out and in, listed newest first, opened again from the list. Drafts reach the server only by deploying.
 */
const LEGACY_KEY = 'lienthong.modeler.draft';
const storageKey = (userId: string) => `lienthong.modeler.drafts.${userId}`;

export interface Draft {
  id: string;
  key: string;
  name: string;
  xml: string;
  savedAt: string;
}

function parse(text: string | null): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The user's drafts, newest first; the single draft an older version kept becomes theirs. */
export function listDrafts(userId: string): Draft[] {
  const stored = parse(localStorage.getItem(storageKey(userId)));
  const drafts = Array.isArray(stored) ? (stored as Draft[]) : [];
  const legacy = parse(localStorage.getItem(LEGACY_KEY)) as Omit<Draft, 'id' | 'name'> | undefined;
  if (legacy?.xml) {
    drafts.push({ id: newDraftId(), name: '', ...legacy });
    localStorage.setItem(storageKey(userId), JSON.stringify(drafts));
    localStorage.removeItem(LEGACY_KEY);
  }
  return [...drafts].sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

/** The draft `id`, or the newest. */
export function loadDraft(userId: string, id?: string): Draft | undefined {
  const drafts = listDrafts(userId);
  return id === undefined ? drafts[0] : drafts.find((draft) => draft.id === id);
}

/** Keep `draft`, replacing the saved one with its id. */
export function saveDraft(userId: string, draft: Draft): void {
  const others = listDrafts(userId).filter((candidate) => candidate.id !== draft.id);
  localStorage.setItem(storageKey(userId), JSON.stringify([draft, ...others]));
}

export function newDraftId(): string {
  return `draft-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
