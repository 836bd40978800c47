/**
 * @module apply-http-safety — installs the HTTP safety middleware on an app in the one order that works:
 * security headers → CORS → body size → JSON body → authentication → rate limits → idempotency. Size is checked
 * before anything reads the body, and idempotency runs after authentication because keys are scoped by principal
 * (an anonymous caller's by its client address, read as rate limits read it).
 *
 * @example
 * applyHttpSafety(app, {
 *   clock, idempotencyStore,
 *   authenticate: authenticate({ tokens, users }),
 *   rateLimits: [{ path: '/api/lookup/*', limiter: new RateLimiter({ limit: 30, windowMs: 60_000, clock }) }],
 * });
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { Clock } from '../../../engine/src/index';
import { bodyLimits } from './body-limits';
import { clientAddress, type TrustProxy } from './client-address';
import { corsPolicy } from './cors';
import { idempotency } from './idempotency-middleware';
import type { IdempotencyStore } from './idempotency-store';
import { jsonBody } from './json-body';
import { rateLimit } from './rate-limit';
import type { RateLimiter } from './rate-limiter';
import { securityHeaders } from './security-headers';

export interface PathRateLimit {
  /** A hono path pattern, e.g. `/api/lookup/*`. */
  path: string;
  limiter: RateLimiter;
  /** The client address by default. */
  keyOf?: (c: Context) => string | Promise<string>;
}

/** A route that takes uploads (e.g. multipart/form-data attachments) instead of JSON, with its own size limit. */
export interface UploadRoute {
  method: string;
  /** Matched against the request path. */
  path: RegExp;
  /** Media types passed to the route unparsed. */
  mediaTypes: string[];
  maxBytes: number;
}

export interface HttpSafetyConfig {
  clock: Clock;
  idempotencyStore: IdempotencyStore;
  /** Sets the principal (access/auth-middleware `authenticate`); without it every idempotency key is anonymous. */
  authenticate?: MiddlewareHandler;
  /** Browser origins allowed by CORS; none by default (closed). */
  allowedOrigins?: string[];
  maxBodyBytes?: number;
  /** Non-JSON request media types some route accepts unparsed. */
  otherMediaTypes?: string[];
  rateLimits?: PathRateLimit[];
  /** Upload routes: their bodies skip the JSON checks and have their own size limit. */
  uploads?: UploadRoute[];
  /** How many proxies of yours sit in front (their `X-Forwarded-For` entries are trusted); none by default. */
  trustProxy?: TrustProxy;
  /** Mutating paths never replayed; sign-in by default, since its answer holds a fresh token. */
  idempotencyExcludePaths?: string[];
  /** How long an unfinished request holds its Idempotency-Key (its process may have died); 4 s by default, renewed while it runs. */
  idempotencyLockMs?: number;
  /** The API prefix; `/api` by default. */
  apiPrefix?: string;
  /**
   * Refuses callers who may not attempt the request (401/403: access-gate.ts), right after authentication and before
   * the body is parsed, so that an anonymous or unauthorized caller learns nothing from how its body is refused.
   */
  gate?: MiddlewareHandler;
}

/** Installs the safety middleware on `app` (any Env or schema). */
export function applyHttpSafety(app: Hono<any, any, any>, config: HttpSafetyConfig): void {
  const api = `${config.apiPrefix ?? '/api'}/*`;
  app.use('*', securityHeaders());
  app.use(api, corsPolicy({ allowedOrigins: config.allowedOrigins }));
  const uploadOf = (c: Context) => {
    const mediaType = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
    return config.uploads?.find((u) => u.method === c.req.method && u.path.test(c.req.path) && u.mediaTypes.includes(mediaType));
  };
  const defaultLimit = bodyLimits(config.maxBodyBytes);
  const uploadLimits = new Map((config.uploads ?? []).map((upload) => [upload, bodyLimits(upload.maxBytes)]));
  const json = jsonBody({ otherMediaTypes: config.otherMediaTypes });
  app.use(api, (c, next) => {
    const upload = uploadOf(c);
    return (upload ? uploadLimits.get(upload)! : defaultLimit)(c, next);
  });
  // Who is calling, the per-address limits, and whether they may, all before the body is parsed: 429, 401 and 403
  // come before 400 INVALID_JSON or 415.
  if (config.authenticate) app.use(api, config.authenticate);
  const addressOf = (c: Context) => clientAddress(c, { trustProxy: config.trustProxy });
  for (const limit of config.rateLimits ?? []) {
    const keyOf = limit.keyOf ?? addressOf;
    app.use(limit.path, rateLimit({ limiter: limit.limiter, keyOf }));
  }
  if (config.gate) app.use(api, config.gate);
  app.use(api, (c, next) => (uploadOf(c) ? next() : json(c, next)));
  app.use(
    api,
    idempotency({
      store: config.idempotencyStore,
      clock: config.clock,
      excludePaths: config.idempotencyExcludePaths ?? [`${config.apiPrefix ?? '/api'}/auth/sign-in`],
      anonymousScopeOf: addressOf,
      ...(config.idempotencyLockMs !== undefined ? { inProgressTimeoutMs: config.idempotencyLockMs } : {}),
    }),
  );
}
