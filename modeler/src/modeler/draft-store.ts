/** @module draftStore — the draft being drawn, kept in localStorage: drafts reach the server only by deploying. */
const KEY = 'lienthong.modeler.draft';

export interface Draft {
  key: string;
  xml: string;
  savedAt: string;
}

export function loadDraft(): Draft | undefined {
  const text = localStorage.getItem(KEY);
  if (!text) return undefined;
  try {
    return JSON.parse(text) as Draft;
  } catch {
    return undefined;
  }
}

export function saveDraft(draft: Draft): void {
  localStorage.setItem(KEY, JSON.stringify(draft));
}
