/**
 * @module heatmap-stream — the server-sent event stream of one procedure's heatmap changes (WHATWG HTML
 * "Server-sent events"): `heatmap.changed` with `{ procedureKey, version, elementId }`, a `: keep-alive` comment
 * every 15 s so proxies keep the connection, and the subscription dropped when the client goes.
 */
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { HeatmapNotifier } from './heatmap-notifier';

export const KEEP_ALIVE_MS = 15_000;

export function streamHeatmapChanges(c: Context, notifier: HeatmapNotifier, procedureKey: string, keepAliveMs = KEEP_ALIVE_MS): Response {
  c.header('cache-control', 'no-store');
  c.header('x-accel-buffering', 'no');
  return streamSSE(c, async (stream) => {
    let id = 0;
    let queue = Promise.resolve();
    const unsubscribe = notifier.subscribe(procedureKey, (change) => {
      // Writes are chained so events never interleave.
      queue = queue.then(() => stream.writeSSE({ event: 'heatmap.changed', id: String(++id), data: JSON.stringify(change) })).catch(() => undefined);
    });
    const keepAlive = setInterval(() => {
      queue = queue.then(() => stream.write(': keep-alive\n\n')).then(() => undefined).catch(() => undefined);
    }, keepAliveMs);
    keepAlive.unref?.();
    await new Promise<void>((closed) => {
      stream.onAbort(() => {
        clearInterval(keepAlive);
        unsubscribe();
        closed();
      });
    });
  });
}
