/**
 * @module pending-sign-ins — the authorization requests this server has sent a browser to the identity provider with,
 * by their `state` (RFC 6749 §10.12), each with its PKCE code verifier (RFC 7636 §4.1) and ID token `nonce` (OpenID
 * Connect Core §3.1.2.1). Taking one removes it, so a `state` answers once: a replayed callback finds nothing. They
 * live in this process's memory for 10 minutes; several processes behind one address need sticky sessions for the
 * few seconds between start and callback.
 */
import type { Clock } from '../../../engine/src/index';

export interface PendingSignIn {
  codeVerifier: string;
  nonce: string;
  createdAt: number;
}

const DEFAULT_TTL_MS = 10 * 60 * 1000;
/** Bounds the memory an anonymous caller can fill by starting sign-ins it never finishes. */
const MAX_PENDING = 10_000;

export class PendingSignIns {
  private readonly pending = new Map<string, PendingSignIn>();
  private readonly ttlMs: number;

  constructor(private readonly clock: Clock, options: { ttlMs?: number } = {}) {
    this.ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
  }

  remember(state: string, sign: Omit<PendingSignIn, 'createdAt'>): void {
    this.forgetExpired();
    // The oldest first: a Map iterates in insertion order.
    while (this.pending.size >= MAX_PENDING) this.pending.delete(this.pending.keys().next().value as string);
    this.pending.set(state, { ...sign, createdAt: this.clock.now() });
  }

  /** The request started with `state`, removed; undefined when unknown, already taken or expired. */
  take(state: string): PendingSignIn | undefined {
    const found = this.pending.get(state);
    this.pending.delete(state);
    if (!found || this.clock.now() - found.createdAt > this.ttlMs) return undefined;
    return found;
  }

  get size(): number {
    return this.pending.size;
  }

  private forgetExpired(): void {
    const now = this.clock.now();
    for (const [state, sign] of this.pending) {
      if (now - sign.createdAt <= this.ttlMs) break;
      this.pending.delete(state);
    }
  }
}
