/**
 * @module cors — cross-origin access is closed unless configured: the front end is served from the same origin,
 * so by default no `Access-Control-Allow-Origin` is ever sent and browsers keep other sites out (Fetch standard,
 * CORS protocol). An explicit allow-list opens it to named origins only, never `*`.
 */
import type { MiddlewareHandler } from 'hono';
import { cors as honoCors } from 'hono/cors';

export interface CorsOptions {
  /** Exact origins (`https://portal.example.gov.vn`) allowed to call the API from a browser; empty by default. */
  allowedOrigins?: string[];
}

export function corsPolicy(options: CorsOptions = {}): MiddlewareHandler {
  const allowed = options.allowedOrigins ?? [];
  if (allowed.length === 0) return async (_c, next) => next();
  return honoCors({
    origin: (origin) => (allowed.includes(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
    exposeHeaders: ['Idempotent-Replayed', 'Retry-After', 'Location'],
    maxAge: 600,
  });
}
