/**
 * @module inboxApi — `GET /api/inbox` as the inbox and the dossier page ask it (search, filters, the dossier's own
 * steps and route), and the inbox's event stream (`/api/events?topic=inbox`, the token as `?access_token=`, RFC 6750
 * §2.3, since EventSource cannot send a header).
 */
import { sessionToken } from '../../api/api-client';
import type { GetAnswer } from '../../api/api-answer';
import { requestJson, withQuery, type InboxMark } from '../common/workspace-api';

export type Scope = 'mine' | 'department';
export type Claim = '' | 'claimed' | 'unclaimed';

export interface InboxFilters {
  q: string;
  procedureKey: string;
  claim: Claim;
  phase: InboxMark | '';
}

// The answer is the server's (generated api-types.ts, from its zod schemas): never copied by hand.
export type InboxAnswer = GetAnswer<'/api/inbox'>;
export type InboxStep = InboxAnswer['items'][number];

/** The server's largest page, and its longest search. */
export const PAGE_SIZE = 100;
export const SEARCH_MAX = 100;

export function fetchInbox(scope: Scope, filters: InboxFilters, page: { offset: number; limit: number }): Promise<InboxAnswer> {
  return requestJson<InboxAnswer>('GET', withQuery('/api/inbox', { scope, ...filters, q: filters.q.trim(), offset: page.offset, limit: page.limit }));
}

/** The dossier page's question: this dossier's steps the official may act on, their due dates explained, its route. */
export function fetchDossierSteps(dossierId: string): Promise<InboxAnswer> {
  return requestJson<InboxAnswer>('GET', withQuery('/api/inbox', { dossierId }));
}

/** Calls `onChange` whenever open steps changed on the server; returns the function that stops listening. */
export function listenToInbox(onChange: () => void, onState?: (live: boolean) => void): () => void {
  const token = sessionToken();
  if (!token || typeof EventSource === 'undefined') return () => undefined;
  const events = new EventSource(withQuery('/api/events', { topic: 'inbox', access_token: token }));
  events.addEventListener('inbox.changed', () => onChange());
  events.addEventListener('open', () => onState?.(true));
  events.addEventListener('error', () => onState?.(false));
  return () => events.close();
}
