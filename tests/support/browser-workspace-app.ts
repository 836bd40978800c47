/**
 * @module browserWorkspaceApp — the whole server for the workspace browser tests: `createApp` through `createTestApp()`
 * (memory stores, demo users, simulated clock) answering `/api/*`, and the built front end (`modeler/dist`) for every
 * other path, on a free port of 127.0.0.1. Also the few HTTP calls the tests make on the server's side of the glass.
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createFrontEndRoutes } from '../../server/src/routes/front-end-routes';
import { createTestApp, type TestAppOptions } from './test-app';

// LIENTHONG_TEST_FRONT_END: a front end built elsewhere (`vite build --outDir`), so parallel builds do not race.
export const WORKSPACE_FRONT_END = process.env.LIENTHONG_TEST_FRONT_END ?? fileURLToPath(new URL('../../modeler/dist', import.meta.url));

export function workspaceFrontEndBuilt(): boolean {
  return existsSync(`${WORKSPACE_FRONT_END}/index.html`);
}

export type WorkspaceTestApp = Awaited<ReturnType<typeof createTestApp>> & {
  url: string;
  /** One API call as `user` (or anonymous), through the same app the browser talks to. */
  call<T = unknown>(user: string | undefined, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  upload(user: string, dossierId: string, filename: string, bytes: Uint8Array): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
};

/** `listen.port`: a port chosen beforehand (a test whose identity provider must know the app's address first); a free one by default. */
export async function startWorkspaceApp(options: TestAppOptions = {}, listen: { port?: number } = {}): Promise<WorkspaceTestApp> {
  const testApp = await createTestApp(options);
  const frontEnd = createFrontEndRoutes(WORKSPACE_FRONT_END);
  const isApi = (url: URL) => url.pathname.startsWith('/api/') || url.pathname === '/health';
  let server: ReturnType<typeof serve> | undefined;
  const url = await new Promise<string>((started) => {
    server = serve(
      {
        fetch: async (request: Request, env: object) => {
          if (isApi(new URL(request.url))) return testApp.app.fetch(request, env);
          const response = await frontEnd.fetch(request, env);
          return response.status === 404 ? testApp.app.fetch(request, env) : response;
        },
        port: listen.port ?? 0,
        hostname: '127.0.0.1',
      },
      (info: AddressInfo) => started(`http://127.0.0.1:${info.port}`),
    );
  });

  async function call<T>(user: string | undefined, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const auth = user ? await testApp.as(user) : {};
    const response = await testApp.app.request(path, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...auth },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // CSV and HTML stay text
    }
    return { status: response.status, body: parsed as T };
  }

  /** Uploads one attachment to a dossier as `user` (multipart, field `file`), as the counter's scanner would. */
  async function upload(user: string, dossierId: string, filename: string, bytes: Uint8Array): Promise<{ status: number; body: unknown }> {
    const form = new FormData();
    form.append('file', new File([bytes.slice()], filename));
    const response = await testApp.app.request(`/api/dossiers/${encodeURIComponent(dossierId)}/attachments`, { method: 'POST', headers: await testApp.as(user), body: form });
    return { status: response.status, body: await response.json() };
  }

  return {
    ...testApp,
    url,
    call,
    upload,
    close: () => new Promise<void>((closed) => (server ? server.close(() => closed()) : closed())),
  };
}
