/**
 * @module problem-from-error — turns the domain's refusals (refusal.ts) and hono's own `HTTPException`s (thrown by
 * built-in middleware and validators) into problems, so that `app.onError` answers every refusal as RFC 9457
 * problem+json with a stable code.
 */
import { HTTPException } from 'hono/http-exception';
import { Refusal, type RefusalKind } from '../refusal';
import { HttpProblem } from './http-problem';

/** The status of each kind of refusal (RFC 9110 §15.5). */
const STATUS_OF: Record<RefusalKind, number> = { invalid: 400, notFound: 404, conflict: 409, tooLarge: 413, unprocessable: 422 };

const CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/** The problem an error stands for, or undefined for an unknown error (a bug, answered as a logged 500). */
export function problemFromError(error: unknown): HttpProblem | undefined {
  if (error instanceof HttpProblem) return error;
  if (error instanceof Refusal) {
    const { kind, code, title, detail, extensions } = error;
    return new HttpProblem({ status: STATUS_OF[kind], code, title, ...(detail === undefined ? {} : { detail }), extensions, cause: error });
  }
  if (error instanceof HTTPException && error.status < 500) {
    return new HttpProblem({
      status: error.status,
      code: CODES[error.status] ?? 'BAD_REQUEST',
      title: error.message || 'The request was refused',
      cause: error,
    });
  }
  return undefined;
}
