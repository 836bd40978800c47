/**
 * @module workspaceApi — the server's JSON API as the workspaces (inbox, dossier, dashboard, heatmap, lookup) use it.
 * Answers that are problems (RFC 9457) become the shell's `ApiProblem`, so every page shows one readable message.
 */
import type { GetAnswer } from '../../api/api-answer';
import { ApiProblem, sessionToken } from '../../api/api-client';
import type { components } from '../../api/api-types';

// The answers' types are the server's (generated api-types.ts, from its zod schemas): never copied by hand.
type Schemas = components['schemas'];
export type CurrentUser = Schemas['User'];
export type AgencyInfo = Schemas['Agency'];
export type StepView = Schemas['Step'];
export type InboxItem = GetAnswer<'/api/inbox'>['items'][number];
export type InboxMark = InboxItem['mark'];
export type DossierView = Schemas['Dossier'];
export type DossierDocument = NonNullable<DossierView['documents']>[number];
export type ProgressRecord = GetAnswer<'/api/dossiers/{id}/progress'>[number];
export type AttachmentInfo = Schemas['Attachment'];
export type ProcedureSummary = Schemas['ProcedureSummary'];
export type LookupAnswer = Schemas['DossierLookup'];

export type Query = Record<string, string | number | undefined>;

/** `path?query` with the empty members left out. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(name, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function authHeaders(): Record<string, string> {
  const token = sessionToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}

async function problemOf(response: Response): Promise<ApiProblem> {
  const text = await response.text();
  let body: { code?: string; detail?: string; title?: string } = {};
  try {
    body = text ? (JSON.parse(text) as typeof body) : {};
  } catch {
    body = { detail: text.slice(0, 300) };
  }
  if (response.status === 401) localStorage.removeItem('lienthong.token');
  return new ApiProblem({ status: response.status, code: body.code ?? `HTTP_${response.status}`, detail: body.detail ?? body.title ?? response.statusText });
}

/** One JSON call; a problem answer throws `ApiProblem`. */
export async function requestJson<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...authHeaders() };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw await problemOf(response);
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

/** A signed-in download (forms, attachments, CSV): a new tab cannot send the bearer header, so fetch it here. */
export async function requestBlob(path: string): Promise<Blob> {
  const response = await fetch(path, { headers: authHeaders() });
  if (!response.ok) throw await problemOf(response);
  return response.blob();
}

const enc = encodeURIComponent;

export const workspaceApi = {
  me: async () => (await requestJson<{ user: CurrentUser }>('GET', '/api/auth/me')).user,
  agencies: () => requestJson<AgencyInfo[]>('GET', '/api/agencies'),
  dossier: (id: string) => requestJson<DossierView>('GET', `/api/dossiers/${enc(id)}`),
  progress: (id: string) => requestJson<ProgressRecord[]>('GET', `/api/dossiers/${enc(id)}/progress`),
  attachments: (id: string) => requestJson<{ items: AttachmentInfo[] }>('GET', `/api/dossiers/${enc(id)}/attachments`),
  claim: (stepId: string) => requestJson<StepView>('POST', `/api/steps/${enc(stepId)}/claim`),
  complete: (stepId: string, body: { decision: string; note?: string }) => requestJson<StepView>('POST', `/api/steps/${enc(stepId)}/complete`, body),
  returnStep: (stepId: string, body: { toElementId: string; reason: string }) => requestJson<StepView>('POST', `/api/steps/${enc(stepId)}/return`, body),
  reassign: (stepId: string, body: { assigneeId: string; reason?: string }) => requestJson<StepView>('POST', `/api/steps/${enc(stepId)}/reassign`, body),
  dossierAction: (id: string, action: string, body: unknown) => requestJson<DossierView>('POST', `/api/dossiers/${enc(id)}/${action}`, body),
  users: () => requestJson<CurrentUser[] | { items: CurrentUser[] }>('GET', '/api/users'),
  procedures: () => requestJson<ProcedureSummary[]>('GET', '/api/procedures'),
  versions: (key: string) => requestJson<ProcedureSummary[]>('GET', `/api/procedures/${enc(key)}/versions`),
  version: (key: string, version: number) => requestJson<ProcedureSummary & { xml: string }>('GET', `/api/procedures/${enc(key)}/versions/${version}`),
  lookup: (code: string, idNumber: string) => requestJson<LookupAnswer>('GET', withQuery('/api/lookup', { code, idNumber })),
};
