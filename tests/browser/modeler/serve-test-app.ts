/**
 * @module serveTestApp — the whole server (`createApp` on in-memory stores, demo users, simulated clock) with the
 * built modeler (`modeler/dist`) at `/`, listening on a free port of 127.0.0.1 for browser tests.
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createTestApp } from '../../support/test-app';

// LIENTHONG_TEST_FRONT_END: a front end built elsewhere (`vite build --outDir`), so parallel builds do not race.
export const FRONT_END_ROOT = process.env.LIENTHONG_TEST_FRONT_END ?? fileURLToPath(new URL('../../../modeler/dist', import.meta.url));

export function frontEndBuilt(): boolean {
  return existsSync(`${FRONT_END_ROOT}/index.html`);
}

export interface ServedTestApp extends Awaited<ReturnType<typeof createTestApp>> {
  url: string;
  close(): Promise<void>;
}

export async function serveTestApp(): Promise<ServedTestApp> {
  const testApp = await createTestApp({ frontEndRoot: FRONT_END_ROOT });
  let server: ReturnType<typeof serve> | undefined;
  const url = await new Promise<string>((started) => {
    server = serve({ fetch: testApp.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => started(`http://127.0.0.1:${info.port}`));
  });
  return {
    ...testApp,
    url,
    close: () => new Promise<void>((closed) => (server ? server.close(() => closed()) : closed())),
  };
}
