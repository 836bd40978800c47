/**
 * @module portalApi — the citizen portal's calls, without an account: the procedure catalogue, the online submission,
 * the lookup, and the uploads and supplement with the dossier's citizen token (header `X-Citizen-Token`), which the
 * submission and the lookup hand out and this page keeps in memory only. No session token is ever sent from here.
 */
import type { components, paths } from '../../api/api-types';
import { ApiProblem } from '../../api/api-client';

// The answers' types are the server's (generated api-types.ts, from its zod schemas): never copied by hand.
type Schemas = components['schemas'];
export type RequiredComponent = Schemas['RequiredComponent'];
export type CatalogueEntry = Schemas['CatalogueEntry'];
export type Budget = NonNullable<CatalogueEntry['statutoryBudget']>;
export type LocalizedText = Schemas['LocalizedText'];
export type CitizenAttachment = Schemas['CitizenAttachment'];
export type LookupView = Schemas['DossierLookup'];
export type LookupStep = LookupView['steps'][number];
export type SupplementAsked = NonNullable<LookupView['supplement']>;
export type CitizenToken = NonNullable<LookupView['citizenToken']>;
export type NotificationChoicesView = Schemas['NotificationChoices'];
export type Submitted = paths['/api/submissions']['post']['responses'][201]['content']['application/json'];

export interface Applicant {
  name: string;
  idNumber: string;
  phone?: string;
  email?: string;
  address?: string;
}

async function answer<T>(response: Response): Promise<T> {
  const text = await response.text();
  const parsed: unknown = text === '' ? undefined : JSON.parse(text);
  if (!response.ok) {
    const problem = (parsed ?? {}) as { code?: string; detail?: string; title?: string };
    throw new ApiProblem({ status: response.status, code: problem.code ?? `HTTP_${response.status}`, detail: problem.detail ?? problem.title ?? response.statusText });
  }
  return parsed as T;
}

const json = (method: string, body?: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method,
  headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

const citizenPath = (dossierId: string, tail: string) => `/api/citizen/dossiers/${encodeURIComponent(dossierId)}/${tail}`;

export const portalApi = {
  catalogue: () => fetch('/api/catalogue', json('GET')).then((r) => answer<{ items: CatalogueEntry[] }>(r)).then((a) => a.items),
  submit: (body: { procedureKey: string; applicant: Applicant; form: Record<string, unknown>; documents?: { name: string; copyType: 'electronic'; quantity: number }[] }) =>
    fetch('/api/submissions', json('POST', body)).then((r) => answer<Submitted>(r)),
  lookup: (code: string, idNumber: string) =>
    fetch(`/api/lookup?${new URLSearchParams({ code, idNumber })}`, json('GET')).then((r) => answer<LookupView>(r)),
  /** The channels of the tracking page's message choice, with the lookup's notifications token. */
  notifications: (token: string) => fetch('/api/citizen/notifications', json('GET', undefined, { 'x-citizen-token': token })).then((r) => answer<NotificationChoicesView>(r)),
  chooseNotifications: (token: string, body: { channel: 'zns' | 'sms'; optedOut: boolean }) =>
    fetch('/api/citizen/notifications', json('PUT', body, { 'x-citizen-token': token })).then((r) => answer<NotificationChoicesView>(r)),
  upload: (dossierId: string, token: string, file: File, componentCode?: string) => {
    const form = new FormData();
    form.append('file', file);
    if (componentCode) form.append('componentCode', componentCode);
    return fetch(citizenPath(dossierId, 'attachments'), { method: 'POST', headers: { accept: 'application/json', 'x-citizen-token': token }, body: form }).then((r) => answer<CitizenAttachment>(r));
  },
  uploads: (dossierId: string, token: string) =>
    fetch(citizenPath(dossierId, 'attachments'), json('GET', undefined, { 'x-citizen-token': token })).then((r) => answer<{ items: CitizenAttachment[] }>(r)).then((a) => a.items),
  sendSupplement: (dossierId: string, token: string, note?: string) =>
    fetch(citizenPath(dossierId, 'supplements'), json('POST', note ? { note } : {}, { 'x-citizen-token': token })).then((r) => answer<{ dossierCode: string; status: number }>(r)),
};
