/**
 * @module catalogueEntry — one procedure of the public catalogue (`GET /api/catalogue`) as the counter's intake page
 * and the citizen portal read it, and the call that fetches it. A signed-in official's token is sent when there is
 * one, so the server lists their agency's procedures first.
 */
import type { Budget, RequiredComponent, SupplementPolicy } from '../../../engine/src/model/procedure-definition';
import { ApiProblem, sessionToken } from '../api/api-client';

export type { RequiredComponent };

export interface CatalogueEntry {
  key: string;
  /** The current deployed version: a dossier received now is pinned to it. */
  version: number;
  name: string;
  /** National procedure code (mã TTHC). */
  procedureCode: string;
  statutoryBudget?: Budget;
  leadAgency?: { id: string; name: string };
  supplementPolicy: SupplementPolicy;
  legalBasis?: string;
  /** The e-form as JSON Schema (`lt:formSchema`), parsed; absent when the procedure has none. */
  formSchema?: Record<string, unknown>;
  /** The components the applicant brings, in the published order. */
  components: RequiredComponent[];
  /** A step of the route is the signed-in official's agency's (absent for visitors). */
  ownAgency?: boolean;
}

/** The catalogue's procedures matching `query` (name or national code, diacritics ignored), at most `limit`. */
export async function fetchCatalogue(query: string, options: { limit?: number; signal?: AbortSignal } = {}): Promise<CatalogueEntry[]> {
  const params = new URLSearchParams();
  if (query.trim()) params.set('q', query.trim().slice(0, 100));
  params.set('limit', String(options.limit ?? 100));
  const token = sessionToken();
  const response = await fetch(`/api/catalogue?${params}`, { headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, signal: options.signal });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { code?: string; detail?: string };
    throw new ApiProblem({ status: response.status, code: body.code ?? `HTTP_${response.status}`, detail: body.detail ?? response.statusText });
  }
  return ((await response.json()) as { items: CatalogueEntry[] }).items;
}
