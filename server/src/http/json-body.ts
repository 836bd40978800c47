/**
 * @module json-body — the API speaks JSON (RFC 8259). A request body in another media type is refused with 415
 * `UNSUPPORTED_MEDIA_TYPE` (RFC 9110 §15.5.16), a body that does not parse with 400 `INVALID_JSON`, before any route
 * sees it. The parsed text stays cached on the request, so validators and the idempotency hash read it again.
 */
import type { MiddlewareHandler } from 'hono';
import { HttpProblem } from './http-problem';

export interface JsonBodyOptions {
  /** Media types accepted besides JSON, passed to routes unparsed (none by default: BPMN XML travels inside JSON). */
  otherMediaTypes?: string[];
}

/** `application/json` and the structured-syntax suffix `+json` (RFC 6839 §3.1). */
const JSON_MEDIA_TYPE = /^application\/(?:[\w.-]+\+)?json$/i;
const METHODS_WITHOUT_BODY = new Set(['GET', 'HEAD', 'OPTIONS']);

export function jsonBody(options: JsonBodyOptions = {}): MiddlewareHandler {
  const others = new Set((options.otherMediaTypes ?? []).map((type) => type.toLowerCase()));
  return async (c, next) => {
    if (METHODS_WITHOUT_BODY.has(c.req.method) || c.req.raw.body === null) return next();
    const contentType = c.req.header('content-type');
    const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
    const isJson = JSON_MEDIA_TYPE.test(mediaType);
    if (!isJson && others.has(mediaType)) return next();

    const text = await c.req.text();
    // A POST without a body and without a Content-Type (e.g. "claim this step") carries nothing to check.
    if (contentType === undefined && text.length === 0) return next();
    if (!isJson) {
      throw new HttpProblem({
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        title: 'Unsupported media type',
        detail: `Send the body as application/json${contentType ? `, not ${mediaType}` : ' with a Content-Type header'}.`,
        headers: { 'accept-post': 'application/json' },
      });
    }
    try {
      JSON.parse(text);
    } catch (error) {
      throw new HttpProblem({
        status: 400,
        code: 'INVALID_JSON',
        title: 'The body is not valid JSON',
        detail: text.length === 0 ? 'The body is empty.' : (error as Error).message,
        cause: error,
      });
    }
    return next();
  };
}
