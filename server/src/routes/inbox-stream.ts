/**
 * @module inbox-stream — the server-sent events an open inbox listens to (WHATWG HTML "Server-sent events"):
 * `inbox.changed` whenever open steps changed anywhere (opened, completed, claimed, paused, nearly due, overdue), at
 * most one per `coalesceMs`, without any dossier data: the page refetches its own inbox, which the access policy
 * scopes. A `: keep-alive` comment every 15 s keeps proxies from closing the connection.
 */
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { KEEP_ALIVE_MS } from '../heatmap/heatmap-stream';
import type { HeatmapNotifier } from '../heatmap/heatmap-notifier';

/** A burst of changes (a receipt opens a step and closes another) reaches the page as one event. */
const COALESCE_MS = 250;

export function streamInboxChanges(c: Context, notifier: HeatmapNotifier, keepAliveMs = KEEP_ALIVE_MS): Response {
  c.header('cache-control', 'no-store');
  c.header('x-accel-buffering', 'no');
  return streamSSE(c, async (stream) => {
    let id = 0;
    let queue = Promise.resolve();
    let pending: ReturnType<typeof setTimeout> | undefined;
    const send = () => {
      pending = undefined;
      queue = queue.then(() => stream.writeSSE({ event: 'inbox.changed', id: String(++id), data: '{}' })).catch(() => undefined);
    };
    const unsubscribe = notifier.subscribeAll(() => {
      pending ??= setTimeout(send, COALESCE_MS);
    });
    const keepAlive = setInterval(() => {
      queue = queue.then(() => stream.write(': keep-alive\n\n')).then(() => undefined).catch(() => undefined);
    }, keepAliveMs);
    keepAlive.unref?.();
    await new Promise<void>((closed) => {
      stream.onAbort(() => {
        clearInterval(keepAlive);
        clearTimeout(pending);
        unsubscribe();
        closed();
      });
    });
  });
}
