/**
 * @module draftStore — each analyst's drafts, kept on the server (`/api/drafts`) so that signing in on another
 * browser lists the same drafts, the last saved first. What older versions of the modeler kept in this browser's
 * localStorage is moved to the server once, when its analyst first signs in here.
 */
import { api, ApiProblem, type Draft, type DraftSummary } from '../api/api-client';

export type { Draft, DraftSummary };

const LEGACY_KEY = 'lienthong.modeler.draft';
const browserKey = (userId: string) => `lienthong.modeler.drafts.${userId}`;

/**
 * The save under way, if any: a view that closes (a language switch, another page) saves its draft as it goes, and the
 * view that opens next must list and open that draft, not the one before it.
 */
let saving: Promise<unknown> = Promise.resolve();

/** The signed-in analyst's drafts, the last saved first (after the save under way). */
export async function listDrafts(): Promise<DraftSummary[]> {
  await saving;
  return api.drafts();
}

/** The draft `id` with its XML, or the last saved when no id is given; undefined when there is none. */
export async function loadDraft(id?: string): Promise<Draft | undefined> {
  await saving;
  const wanted = id ?? (await listDrafts())[0]?.id;
  if (wanted === undefined) return undefined;
  try {
    return await api.draft(wanted);
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return undefined;
    throw error;
  }
}

/** Keep `draft` on the server in place of the one with its id; its XML may still be being written. */
export function saveDraft(draft: Omit<Draft, 'savedAt' | 'xml'> & { xml: string | Promise<string> }): Promise<void> {
  const saved = (async () => {
    await api.saveDraft(draft.id, { key: draft.key, name: draft.name, xml: await draft.xml });
  })();
  saving = saved.catch(() => undefined);
  return saved;
}

interface BrowserDraft {
  id?: string;
  key?: string;
  name?: string;
  xml?: string;
  savedAt?: string;
}

function read(key: string): unknown {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

/**
 * Moves the drafts this browser kept for `userId` (and the single unnamed one of the first versions) to the server,
 * the oldest first so the server lists them in the same order, then forgets them here. A draft that fails to move
 * stays in the browser for the next sign-in.
 */
export async function moveBrowserDrafts(userId: string): Promise<number> {
  const kept = read(browserKey(userId));
  const legacy = read(LEGACY_KEY) as BrowserDraft | null;
  const drafts = [...(Array.isArray(kept) ? (kept as BrowserDraft[]) : []), ...(legacy?.xml ? [legacy] : [])].filter((draft) => draft.xml);
  if (drafts.length === 0) return 0;
  const left: BrowserDraft[] = [];
  for (const draft of drafts.sort((a, b) => (a.savedAt ?? '').localeCompare(b.savedAt ?? ''))) {
    try {
      await saveDraft({ id: draft.id ?? newDraftId(), key: draft.key ?? '', name: draft.name ?? '', xml: draft.xml! });
    } catch {
      left.push(draft);
    }
  }
  localStorage.removeItem(LEGACY_KEY);
  if (left.length === 0) localStorage.removeItem(browserKey(userId));
  else localStorage.setItem(browserKey(userId), JSON.stringify(left));
  return drafts.length - left.length;
}

export function newDraftId(): string {
  return `draft-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
