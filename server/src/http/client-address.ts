/**
 * @module client-address — the address a request came from, for rate limits, anonymous idempotency keys and logs.
 * `X-Forwarded-For` is read only when the server is configured to sit behind proxies it trusts, and then only the
 * entry the nearest of those proxies wrote: every proxy appends the address it received the request from, so the
 * left-most entries are whatever the client sent and any client could forge them to escape its limit.
 */
import type { Context } from 'hono';

/**
 * How many proxies you run in front of the server (`TRUST_PROXY_HOPS` in main.ts): 0 (or false) reads the socket,
 * 1 (or true) one load balancer, 2 a CDN in front of it, and so on.
 */
export type TrustProxy = boolean | number;

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

const hopsOf = (trustProxy: TrustProxy | undefined): number => (trustProxy === true ? 1 : typeof trustProxy === 'number' ? Math.max(0, Math.floor(trustProxy)) : 0);

export function clientAddress(c: Context, options: { trustProxy?: TrustProxy } = {}): string {
  const hops = hopsOf(options.trustProxy);
  if (hops > 0) {
    const entries = (c.req.header('x-forwarded-for') ?? '').split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
    // With N proxies of ours the client is the N-th entry from the right (RFC 7239 §5.2 keeps the same order for
    // Forwarded). A shorter list did not pass through all of them: its left-most entry is the best there is.
    const client = entries.length >= hops ? entries[entries.length - hops] : entries[0];
    if (client) return client;
  }
  // @hono/node-server passes the Node request as `c.env.incoming`; `app.request()` in tests has no socket.
  const env = c.env as NodeBindings | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
