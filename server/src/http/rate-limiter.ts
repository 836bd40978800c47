/**
 * @module rate-limiter — counts attempts per key in fixed windows, in this process's memory, with time from an
 * injected Clock. With several server processes each keeps its own counts, so the effective limit is the per-process
 * limit times the number of processes; a shared store would be needed for an exact cluster-wide limit.
 */
import type { Clock } from '../../../engine/src/index';

export interface RateLimiterOptions {
  /** Attempts allowed per key in one window. */
  limit: number;
  windowMs: number;
  clock: Clock;
  /** Keys kept before expired windows are swept (and, if still full, the oldest dropped); bounds memory under attack. */
  maxKeys?: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** Attempts left in the current window after this one. */
  remaining: number;
  /** When the current window ends and the count starts again. */
  resetAt: number;
  /** How long until `resetAt`. */
  retryAfterMs: number;
}

interface Window {
  startedAt: number;
  count: number;
}

/**
 * A fixed-window counter: simple and cheap, at the price of allowing up to twice the limit across a window
 * boundary, which is acceptable for slowing down password guessing and code enumeration.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  private readonly maxKeys: number;

  constructor(private readonly options: RateLimiterOptions) {
    this.maxKeys = options.maxKeys ?? 100_000;
  }

  /** Counts one attempt for `key` and says whether it is within the limit. */
  hit(key: string): RateLimitDecision {
    const now = this.options.clock.now();
    let window = this.windows.get(key);
    if (!window || now >= window.startedAt + this.options.windowMs) {
      this.windows.delete(key); // re-inserted last, so Map order stays oldest-first for eviction
      window = { startedAt: now, count: 0 };
      this.makeRoom(now);
      this.windows.set(key, window);
    }
    window.count += 1;
    return {
      allowed: window.count <= this.options.limit,
      remaining: Math.max(0, this.options.limit - window.count),
      resetAt: window.startedAt + this.options.windowMs,
      retryAfterMs: window.startedAt + this.options.windowMs - now,
    };
  }

  /** Forgets the attempts of `key`, e.g. after a successful sign-in. */
  reset(key: string): void {
    this.windows.delete(key);
  }

  private makeRoom(now: number): void {
    if (this.windows.size < this.maxKeys) return;
    for (const [key, window] of this.windows) {
      if (now >= window.startedAt + this.options.windowMs) this.windows.delete(key);
    }
    while (this.windows.size >= this.maxKeys) {
      const oldest = this.windows.keys().next().value;
      if (oldest === undefined) break;
      this.windows.delete(oldest);
    }
  }
}
