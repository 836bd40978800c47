/**
 * @module client-address — the address a request came from, for rate limits and logs. `X-Forwarded-For` is
 * trusted only when the server is configured to sit behind a proxy; otherwise any client could forge it to escape
 * its limit.
 */
import type { Context } from 'hono';

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

export function clientAddress(c: Context, options: { trustProxy?: boolean } = {}): string {
  if (options.trustProxy) {
    // The left-most entry is the original client (RFC 7239 §5.2 describes the same order for Forwarded).
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  // @hono/node-server passes the Node request as `c.env.incoming`; `app.request()` in tests has no socket.
  const env = c.env as NodeBindings | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
