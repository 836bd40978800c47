/** @module apiClient — the server's JSON API as the modeler uses it; problem+json answers become ApiProblem errors. */
import type { components } from './api-types';

/** An analyst's draft as the server keeps it (`/api/drafts`); the types are the server's, generated. */
export type DraftSummary = components['schemas']['DraftSummary'];
export type Draft = components['schemas']['Draft'];

export interface Department {
  id: string;
  name: string;
}

export interface Agency {
  id: string;
  name: string;
  departments: Department[];
}

export interface ProcedureSummary {
  key: string;
  version: number;
  name: string;
  procedureCode: string;
  deployedAt: string;
  deployedBy: string;
  /** The analyst's name in the directory (absent for a user since removed). */
  deployedByName?: string;
  /** Present while the procedure is retired: it takes no new dossier. */
  retirement?: { at: string; by: string; byName?: string; reason: string };
}

export interface ProcedureVersion extends ProcedureSummary {
  xml: string;
}

export interface ValidationIssue {
  elementId: string;
  code: string;
  message: string;
  severity: 'error' | 'warning' | string;
  /** Which of the code's findings, and its figures (a budget overrun's working days): worded by the catalogue. */
  variant?: string;
  params?: Record<string, string | number>;
}

/** An RFC 9457 problem answer; `issues` is present on validation refusals (422). */
/** Incidents of one code at one element of a procedure, over its dossiers (`GET /api/procedures/{key}/incidents`). */
export interface ProcedureIncident {
  elementId: string;
  code: string;
  message: string;
  dossiers: number;
  openDossiers: number;
  lastSeenAt: string;
  versions: number[];
}

export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: ValidationIssue[];

  constructor(options: { status: number; code: string; detail: string; issues?: ValidationIssue[] }) {
    super(options.detail);
    this.name = 'ApiProblem';
    this.status = options.status;
    this.code = options.code;
    this.issues = options.issues ?? [];
  }
}

const TOKEN_KEY = 'lienthong.token';

/** Fired on `window` when this browser signs in or out (or the server ends the session): the navigation follows. */
export const SESSION_CHANGED = 'lienthong:session-changed';

function forgetToken(): void {
  localStorage.removeItem(TOKEN_KEY);
  window.dispatchEvent(new Event(SESSION_CHANGED));
}

/** The bearer token of this browser's session, if signed in. */
export function sessionToken(): string | undefined {
  return localStorage.getItem(TOKEN_KEY) ?? undefined;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = sessionToken();
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const parsed: unknown = text === '' ? undefined : JSON.parse(text);
  if (!response.ok) {
    const problem = (parsed ?? {}) as { code?: string; detail?: string; title?: string; issues?: ValidationIssue[] };
    if (response.status === 401 && sessionToken()) forgetToken();
    throw new ApiProblem({
      status: response.status,
      code: problem.code ?? `HTTP_${response.status}`,
      detail: problem.detail ?? problem.title ?? response.statusText,
      issues: problem.issues,
    });
  }
  return parsed as T;
}

/** Sign in and keep the token for later calls. */
export async function signIn(username: string, password: string): Promise<{ name?: string; username?: string }> {
  const answer = await request<{ token: string; user: { name?: string; username?: string } }>('POST', '/api/auth/sign-in', { username, password });
  localStorage.setItem(TOKEN_KEY, answer.token);
  window.dispatchEvent(new Event(SESSION_CHANGED));
  return answer.user;
}

/** Which ways to sign in this server offers: username and password, the province's single sign-on. */
export function signInMethods(): Promise<{ password: boolean; oidc: boolean }> {
  return request('GET', '/api/auth/methods');
}

const SIGN_IN_SEAL_KEY = 'lienthong.signInSeal';

/**
 * Start the province's single sign-on: the identity provider's page to send the browser to. The seal of the sign-in
 * (its state, nonce and PKCE verifier, encrypted by the server) stays in this tab until the provider sends it back.
 */
export async function startProvinceSignIn(): Promise<string> {
  const { authorizationUrl, seal } = await request<{ authorizationUrl: string; seal: string }>('POST', '/api/auth/oidc/start');
  sessionStorage.setItem(SIGN_IN_SEAL_KEY, seal);
  return authorizationUrl;
}

/** Finish it with the query the provider sent the browser back with (`?code=…&state=…`) and this tab's seal, and keep the token. */
export async function finishProvinceSignIn(query: string): Promise<void> {
  const seal = sessionStorage.getItem(SIGN_IN_SEAL_KEY) ?? '';
  sessionStorage.removeItem(SIGN_IN_SEAL_KEY);
  const answer = await request<{ token: string }>('POST', '/api/auth/oidc/callback', { query, seal });
  localStorage.setItem(TOKEN_KEY, answer.token);
  window.dispatchEvent(new Event(SESSION_CHANGED));
}

/**
 * Sign out on the server, which ends every session of the user on every device, then forget the token here even
 * when the server cannot be reached.
 */
export async function signOut(): Promise<void> {
  try {
    if (sessionToken()) await request<void>('POST', '/api/auth/sign-out');
  } catch {
    // Offline or already signed out: the token is dropped below all the same.
  } finally {
    forgetToken();
  }
}

export const api = {
  /** Who is signed in and what their role may attempt (`procedure.deploy`, `procedure.read`, …). */
  me: () => request<{ user: { id: string; username: string; role: string }; permissions: string[] }>('GET', '/api/auth/me'),
  agencies: () => request<Agency[]>('GET', '/api/agencies'),
  procedures: () => request<ProcedureSummary[]>('GET', '/api/procedures'),
  versions: (key: string) => request<ProcedureSummary[]>('GET', `/api/procedures/${encodeURIComponent(key)}/versions`),
  version: (key: string, version: number) =>
    request<ProcedureVersion>('GET', `/api/procedures/${encodeURIComponent(key)}/versions/${version}`),
  validate: (xml: string) => request<{ issues: ValidationIssue[] }>('POST', '/api/procedures/validate', { xml }),
  deploy: (key: string, xml: string) => request<{ key: string; version: number }>('POST', '/api/procedures', { key, xml }),
  /** Retires every version of a procedure with a reason (`PUT /api/procedures/{key}/retirement`), or puts it back in use. */
  retire: (key: string, reason: string) => request<ProcedureSummary>('PUT', `/api/procedures/${encodeURIComponent(key)}/retirement`, { reason }),
  restore: (key: string) => request<ProcedureSummary>('DELETE', `/api/procedures/${encodeURIComponent(key)}/retirement`),
  drafts: () => request<DraftSummary[]>('GET', '/api/drafts'),
  draft: (id: string) => request<Draft>('GET', `/api/drafts/${encodeURIComponent(id)}`),
  saveDraft: (id: string, draft: { key: string; name: string; xml: string }) => request<DraftSummary>('PUT', `/api/drafts/${encodeURIComponent(id)}`, draft),
  /** A what-if on a draft or a deployed version (`POST /api/simulation/runs`); the figures are the engine's SimulationResult. */
  simulate: (body: components['schemas']['SimulationRunRequest']) => request<components['schemas']['SimulationRunAnswer']>('POST', '/api/simulation/runs', body),
  incidents: (key: string) =>
    request<{ items: ProcedureIncident[] }>('GET', `/api/procedures/${encodeURIComponent(key)}/incidents`).then((answer) => answer.items),
};
