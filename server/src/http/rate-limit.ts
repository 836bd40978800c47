/**
 * @module rate-limit — hono middleware answering 429 `RATE_LIMITED` problems with `Retry-After` (RFC 6585 §4,
 * RFC 9110 §10.2.3) once a key has used up its attempts. The limit is per process: see `RateLimiter`.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { HttpProblem } from './http-problem';
import type { RateLimitDecision, RateLimiter } from './rate-limiter';

export interface RateLimitOptions {
  limiter: RateLimiter;
  /** What is limited: the client address for the citizen lookup, username + address for sign-in. */
  keyOf(c: Context): string | Promise<string>;
}

/** The 429 problem for a refused attempt. */
export function rateLimitedProblem(decision: RateLimitDecision): HttpProblem {
  const retryAfterSeconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  return new HttpProblem({
    status: 429,
    code: 'RATE_LIMITED',
    title: 'Too many requests',
    detail: `Too many attempts; try again in ${retryAfterSeconds} seconds.`,
    extensions: { retryAfterSeconds },
    headers: { 'retry-after': String(retryAfterSeconds) },
  });
}

export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  return async (c, next) => {
    const decision = options.limiter.hit(await options.keyOf(c));
    if (!decision.allowed) throw rateLimitedProblem(decision);
    await next();
  };
}
