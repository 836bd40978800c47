/**
 * @module BackoffPolicy — when to try a failed delivery again: exponential backoff with jitter, bounded by a
 * maximum delay, so that a receiver that is down is not hammered by every deliverer at once when it comes back.
 */

export interface BackoffPolicy {
  /** Delay after the first failed attempt. */
  baseMs: number;
  /** No delay is longer. */
  maxMs: number;
  /** After this many attempts the delivery is dead. */
  maxAttempts: number;
  /** A number in [0, 1); Math.random by default, fixed in tests. */
  random?: () => number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 5_000, maxMs: 30 * 60_000, maxAttempts: 12 };

/**
 * The delay before attempt `failedAttempt + 1`: the exponential step `baseMs · 2^(failedAttempt − 1)` capped at
 * `maxMs`, of which the upper half is random ("equal jitter"), so the delay is never shorter than half the step.
 */
export function backoffDelayMs(policy: BackoffPolicy, failedAttempt: number): number {
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, failedAttempt - 1));
  const random = (policy.random ?? Math.random)();
  return Math.min(policy.maxMs, Math.floor(step / 2 + (step / 2) * random));
}
