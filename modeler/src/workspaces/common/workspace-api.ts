/**
 * @module workspaceApi — the server's JSON API as the workspaces (inbox, dossier, dashboard, heatmap, lookup) use it.
 * Answers that are problems (RFC 9457) become the shell's `ApiProblem`, so every page shows one readable message.
 */
import { ApiProblem, sessionToken } from '../../api/api-client';

export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  role: string;
  agencyId: string;
  departmentId?: string;
}

export interface AgencyInfo {
  id: string;
  name: string;
  departments: { id: string; name: string }[];
}

export type InboxMark = 'overdue' | 'nearlyDue' | 'due' | 'paused' | 'none';

export interface StepView {
  id: string;
  dossierId: string;
  name: string;
  elementId: string;
  /** BPMN element kind: officials act on `userTask`s; a `receiveTask` waits for the citizen. */
  kind?: string;
  status: string;
  startedAt: string;
  dueAt?: string;
  completedAt?: string;
  agencyId?: string;
  departmentId?: string;
  assigneeId?: string;
  outcome?: string;
}

export interface InboxItem extends StepView {
  dossierCode: string;
  mark: InboxMark;
  remainingMs?: number;
}

/** One page of the inbox: `total` and `marks` count every open step of the scope, not only this page's. */
export interface InboxPage {
  items: InboxItem[];
  total: number;
  marks?: { overdue: number; nearlyDue: number };
}

export interface DossierDocument {
  name: string;
  copyType: string;
  quantity: number;
}

export interface DossierView {
  id: string;
  dossierCode: string;
  procedureKey: string;
  procedureVersion: number;
  agencyId: string;
  status: number;
  channel: number;
  applicant: { name: string; idNumber: string; phone?: string; email?: string; address?: string };
  form: Record<string, unknown>;
  submittedAt?: string;
  receivedAt?: string;
  appointmentAt?: string;
  finishedAt?: string;
  returnedAt?: string;
  documents?: DossierDocument[];
  supplementRequests?: { at?: string; receivedAt?: string; reason?: string; missingComponents?: { name: string }[] }[];
}

export interface ProgressRecord {
  seq: number;
  status: number;
  at: string;
  actorId?: string;
  departmentId?: string;
  stepElementId?: string;
  stepStartAt?: string;
  stepDueAt?: string;
  action: string;
  note?: string;
}

export interface AttachmentInfo {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  uploadedAt: number | string;
  componentCode?: string;
}

export interface ProcedureSummary {
  key: string;
  version: number;
  name: string;
  procedureCode?: string;
}

export interface LookupAnswer {
  status: number;
  statusLabel: string;
  procedureName: string;
  receivedAt?: string;
  appointmentAt?: string;
  finishedAt?: string;
  steps: { name: string; state: 'open' | 'completed' | 'cancelled'; startedAt: string; endedAt?: string }[];
}

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
  inbox: (scope: 'mine' | 'department', page = { offset: 0, limit: 100 }) =>
    requestJson<InboxPage>('GET', withQuery('/api/inbox', { scope, offset: page.offset, limit: page.limit })),
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
