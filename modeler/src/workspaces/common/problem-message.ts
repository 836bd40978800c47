/** @module problemMessage — any failure of an API call as one readable sentence: what went wrong and the server's detail. */
import { ApiProblem } from '../../api/api-client';
import { t, type MessageKey } from '../../i18n/locale';

const KNOWN = new Set([400, 401, 403, 404, 409, 413, 415, 422, 429]);

export function problemMessage(error: unknown): string {
  if (error instanceof ApiProblem) {
    const title = t((KNOWN.has(error.status) ? `ws.problem.${error.status}` : 'ws.problem.other') as MessageKey, { status: error.status });
    return error.message ? `${title}: ${error.message}` : title;
  }
  const message = error instanceof Error ? error.message : String(error);
  // fetch rejects with a TypeError only when the server cannot be reached.
  return t(error instanceof TypeError && /fetch|network/i.test(message) ? 'ws.problem.network' : 'ws.problem.unexpected', { message });
}

/** A paragraph with role=alert for a failure. */
export function errorNote(error: unknown): HTMLElement {
  const note = document.createElement('p');
  note.className = 'ws-error';
  note.setAttribute('role', 'alert');
  note.textContent = problemMessage(error);
  return note;
}
