/**
 * @module body-limits — refuses request bodies over a size before anything reads them: 413 `PAYLOAD_TOO_LARGE`
 * (RFC 9110 §15.5.14). hono's `bodyLimit` trusts Content-Length and counts streamed bodies as they arrive.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HttpProblem, toProblemResponse } from './http-problem';

/** Default for `/api`: a 2 MiB BPMN model (procedure-routes' limit) JSON-escaped, with room to spare. */
export const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

export function bodyLimits(maxBytes: number = DEFAULT_MAX_BODY_BYTES): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) =>
      toProblemResponse(
        new HttpProblem({
          status: 413,
          code: 'PAYLOAD_TOO_LARGE',
          title: 'The request body is too large',
          detail: `Request bodies are limited to ${maxBytes} bytes.`,
          extensions: { maxBytes },
        }),
        c.req.path,
      ),
  });
}
