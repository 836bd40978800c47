/**
 * @module intakeApi — the calls the counter's intake page makes: the dossier (`POST /api/dossiers`) with an
 * Idempotency-Key per attempt, so a double click or a retry after a lost answer makes one dossier; each scan
 * (`POST /api/dossiers/{id}/attachments`, with its component id) under a key of its own; and forms 01–03 fetched
 * with the bearer token as blobs (a new tab cannot send the header).
 */
import { ApiProblem, sessionToken } from '../../api/api-client';
import type { components, paths } from '../../api/api-types';
import { requestBlob } from '../common/workspace-api';

// The request and answer are the server's (generated api-types.ts, from its zod schemas): never copied by hand.
type DossiersPost = paths['/api/dossiers']['post'];
export type IntakeOutcome = components['schemas']['IntakeOutcome'];
export type IntakeBody = DossiersPost['requestBody']['content']['application/json'];
export type IntakeAnswer = DossiersPost['responses'][201]['content']['application/json'];

/** Problems carry the server's validation issues (`FORM_INVALID`: `issues: [{ field, message }]`). */
export class IntakeProblem extends ApiProblem {
  readonly fieldIssues: { field: string; message: string }[];
  constructor(options: { status: number; code: string; detail: string; fieldIssues?: { field: string; message: string }[] }) {
    super(options);
    this.fieldIssues = options.fieldIssues ?? [];
  }
}

/** How often a request still running under the same key is asked again (409 IDEMPOTENCY_IN_PROGRESS). */
const IN_PROGRESS_RETRIES = 20;
const IN_PROGRESS_WAIT_MS = 250;

async function send(path: string, key: string, init: { body: BodyInit; json?: boolean }): Promise<Response> {
  const token = sessionToken();
  const headers: Record<string, string> = { accept: 'application/json', 'idempotency-key': key, ...(token ? { authorization: `Bearer ${token}` } : {}) };
  if (init.json) headers['content-type'] = 'application/json';
  for (let attempt = 0; ; attempt += 1) {
    const response = await fetch(path, { method: 'POST', headers, body: init.body });
    if (response.status !== 409 || attempt >= IN_PROGRESS_RETRIES) return response;
    const problem = (await response.clone().json().catch(() => ({}))) as { code?: string };
    if (problem.code !== 'IDEMPOTENCY_IN_PROGRESS') return response;
    await new Promise((resolve) => setTimeout(resolve, IN_PROGRESS_WAIT_MS));
  }
}

async function problemOf(response: Response): Promise<IntakeProblem> {
  const body = (await response.json().catch(() => ({}))) as { code?: string; detail?: string; title?: string; issues?: { field: string; message: string }[] };
  return new IntakeProblem({ status: response.status, code: body.code ?? `HTTP_${response.status}`, detail: body.detail ?? body.title ?? response.statusText, fieldIssues: body.issues });
}

export const intakeApi = {
  /** Receives, asks for a supplement or refuses; `key` is the attempt's Idempotency-Key. */
  async receive(body: IntakeBody, key: string): Promise<IntakeAnswer> {
    const response = await send('/api/dossiers', key, { body: JSON.stringify(body), json: true });
    if (!response.ok) throw await problemOf(response);
    return (await response.json()) as IntakeAnswer;
  },
  /** One scan of one component; a retry with the same `key` stores it once. */
  async upload(dossierId: string, file: File, componentId: string, key: string): Promise<void> {
    const form = new FormData();
    form.append('file', file, file.name);
    form.append('componentCode', componentId);
    const response = await send(`/api/dossiers/${encodeURIComponent(dossierId)}/attachments`, key, { body: form });
    if (!response.ok) throw await problemOf(response);
  },
  form: (dossierId: string, form: '01' | '02' | '03') => requestBlob(`/api/dossiers/${encodeURIComponent(dossierId)}/forms/${form}`),
};
