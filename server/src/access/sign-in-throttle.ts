/**
 * @module sign-in-throttle — limits failed sign-ins twice: per user name and client address (guessing one account's
 * password) and per client address across all user names (password spraying: one common password tried on many
 * accounts). Only failures count, so an office of many officials behind one address signs in freely; a success
 * clears its user name's count but never the address's, or one known account would reset a spraying run.
 * A refused burst is logged once when it starts and once, summarised, when its window has passed: never one line per attempt.
 * Counts live in this process's memory, in fixed windows like `RateLimiter`: with several processes each counts its own.
 */
import type { Clock } from '../../../engine/src/index';
import type { RateLimitDecision } from '../http/rate-limiter';
import type { Logger } from '../logger';

export interface SignInLimit {
  /** Failed sign-ins allowed in one window; the next attempt is refused until the window ends. */
  limit: number;
  windowMs: number;
}

export interface SignInThrottleOptions {
  clock: Clock;
  /** Per user name and client address; 10 failures per 15 minutes by default. */
  perUsername?: SignInLimit;
  /** Per client address across user names; 30 failures per 15 minutes by default. */
  perAddress?: SignInLimit;
  logger?: Logger;
  /** Windows kept before expired ones are swept (and, if still full, the oldest dropped); bounds memory under attack. */
  maxKeys?: number;
}

export const DEFAULT_SIGN_IN_LIMITS = {
  perUsername: { limit: 10, windowMs: 15 * 60_000 },
  perAddress: { limit: 30, windowMs: 15 * 60_000 },
} as const;

type Scope = 'username' | 'address';

interface Window {
  scope: Scope;
  address: string;
  username?: string;
  startedAt: number;
  failures: number;
  /** Attempts refused in this window; the first is logged at once, the rest in the summary. */
  refused: number;
}

export class SignInThrottle {
  private readonly windows = new Map<string, Window>();
  private readonly limits: Record<Scope, SignInLimit>;
  private readonly maxKeys: number;
  private nextSweepAt = 0;

  constructor(private readonly options: SignInThrottleOptions) {
    this.limits = { username: options.perUsername ?? DEFAULT_SIGN_IN_LIMITS.perUsername, address: options.perAddress ?? DEFAULT_SIGN_IN_LIMITS.perAddress };
    this.maxKeys = options.maxKeys ?? 100_000;
  }

  /**
   * Whether an attempt may go on to check the password: undefined when it may, else the refusal (for a 429 with
   * `Retry-After`). Checked before the password hash is verified, so refused attempts cost no argon2 time.
   */
  admit(username: string, address: string): RateLimitDecision | undefined {
    const now = this.options.clock.now();
    this.sweep(now);
    for (const window of [this.current(addressKey(address), now), this.current(usernameKey(username, address), now)]) {
      if (!window || window.failures < this.limits[window.scope].limit) continue;
      window.refused += 1;
      const resetAt = window.startedAt + this.limits[window.scope].windowMs;
      if (window.refused === 1) {
        this.options.logger?.warn({ scope: window.scope, address, ...(window.scope === 'username' ? { username } : {}), failures: window.failures, resetAt: new Date(resetAt).toISOString() }, 'sign-in rate-limited');
      }
      return { allowed: false, remaining: 0, resetAt, retryAfterMs: resetAt - now };
    }
    return undefined;
  }

  /** Counts a failed sign-in (unknown user, wrong password, disabled account) against both limits. */
  recordFailure(username: string, address: string): void {
    const now = this.options.clock.now();
    for (const [key, scope] of [[addressKey(address), 'address'], [usernameKey(username, address), 'username']] as const) {
      let window = this.current(key, now);
      if (!window) {
        this.makeRoom();
        window = { scope, address, ...(scope === 'username' ? { username: username.toLowerCase() } : {}), startedAt: now, failures: 0, refused: 0 };
        this.windows.set(key, window);
      }
      window.failures += 1;
    }
  }

  /** Clears the user name's failures after a successful sign-in; the address keeps its count. */
  recordSuccess(username: string, address: string): void {
    const key = usernameKey(username, address);
    const window = this.windows.get(key);
    if (window) this.close(key, window);
  }

  /** The window of `key` if it is still running; an expired one is closed (and its burst summarised) first. */
  private current(key: string, now: number): Window | undefined {
    const window = this.windows.get(key);
    if (!window) return undefined;
    if (now < window.startedAt + this.limits[window.scope].windowMs) return window;
    this.close(key, window);
    return undefined;
  }

  private close(key: string, window: Window): void {
    this.windows.delete(key);
    if (window.refused > 1) {
      const { scope, address, username, failures, refused } = window;
      this.options.logger?.warn({ scope, address, ...(username === undefined ? {} : { username }), failures, refused, startedAt: new Date(window.startedAt).toISOString() }, 'sign-in rate limit burst ended');
    }
  }

  /** Closes expired windows at most once a minute, so that a burst whose attacker went quiet is still summarised. */
  private sweep(now: number): void {
    if (now < this.nextSweepAt) return;
    this.nextSweepAt = now + 60_000;
    for (const [key, window] of this.windows) {
      if (now >= window.startedAt + this.limits[window.scope].windowMs) this.close(key, window);
    }
  }

  private makeRoom(): void {
    if (this.windows.size < this.maxKeys) return;
    this.nextSweepAt = 0;
    this.sweep(this.options.clock.now());
    while (this.windows.size >= this.maxKeys) {
      const [oldest, window] = this.windows.entries().next().value ?? [];
      if (oldest === undefined || window === undefined) break;
      this.close(oldest, window);
    }
  }
}

const addressKey = (address: string) => `address|${address}`;
const usernameKey = (username: string, address: string) => `username|${username.toLowerCase()}|${address}`;

/**
 * The limits from the environment (`SIGN_IN_FAILURES_PER_USERNAME`, `SIGN_IN_FAILURES_PER_ADDRESS`,
 * `SIGN_IN_WINDOW_MS`); an unset value keeps its default, a value that is not a positive integer refuses the start.
 */
export function parseSignInLimits(input: { perUsername?: string; perAddress?: string; windowMs?: string }): { perUsername: SignInLimit; perAddress: SignInLimit } {
  const positive = (name: string, value: string | undefined, fallback: number): number => {
    if (value === undefined || value.trim() === '') return fallback;
    const parsed = Number(value);
    if (!Number.isSafeInteger(parsed) || parsed < 1) throw new Error(`${name} must be a positive whole number, not ${JSON.stringify(value)}`);
    return parsed;
  };
  const windowMs = positive('SIGN_IN_WINDOW_MS', input.windowMs, DEFAULT_SIGN_IN_LIMITS.perAddress.windowMs);
  return {
    perUsername: { limit: positive('SIGN_IN_FAILURES_PER_USERNAME', input.perUsername, DEFAULT_SIGN_IN_LIMITS.perUsername.limit), windowMs },
    perAddress: { limit: positive('SIGN_IN_FAILURES_PER_ADDRESS', input.perAddress, DEFAULT_SIGN_IN_LIMITS.perAddress.limit), windowMs },
  };
}
