/**
 * @module apiStub — a test-only, in-memory stand-in for the server's API contract (sign-in, agencies, procedures,
 * validate, deploy) plus the built front end, on 127.0.0.1. Validation uses the engine's own parseProcedure, as the
 * real server does. The browser tests switch to `createApp(deps)` with memory stores once those routes exist.
 */
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseProcedure } from '../../engine/src/index';
import { createFrontEndRoutes } from '../../server/src/routes/front-end-routes';

export interface StubAgency {
  id: string;
  name: string;
  departments: { id: string; name: string }[];
}

export interface StoredVersion {
  key: string;
  version: number;
  name: string;
  procedureCode: string;
  deployedAt: string;
  xml: string;
}

export interface ApiStub {
  url: string;
  versions: StoredVersion[];
  close(): Promise<void>;
}

export const stubAgencies: StubAgency[] = [
  { id: 'ubnd-tan-phong', name: 'UBND xã Tân Phong', departments: [{ id: 'mot-cua', name: 'Bộ phận Một cửa' }, { id: 'tu-phap', name: 'Công chức Tư pháp - Hộ tịch' }] },
  { id: 'cong-an-tan-phong', name: 'Công an xã Tân Phong', departments: [{ id: 'cu-tru', name: 'Tổ đăng ký cư trú' }] },
  { id: 'bhxh-huyen', name: 'Bảo hiểm xã hội huyện', departments: [{ id: 'the-bhyt', name: 'Bộ phận cấp thẻ BHYT' }] },
];

const problem = (status: number, code: string, detail: string, extra: Record<string, unknown> = {}) =>
  new Response(JSON.stringify({ type: 'about:blank', title: code, status, detail, code, ...extra }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });

/** Start the stub on a free port of 127.0.0.1, serving `modeler/dist` at `/`. */
export async function startApiStub(): Promise<ApiStub> {
  const versions: StoredVersion[] = [];
  const token = 'stub-token-analyst';
  const app = new Hono();
  app.post('/api/auth/sign-in', async (c) => {
    const { username, password } = await c.req.json<{ username: string; password: string }>();
    if (username !== 'analyst' || password !== 'analyst') return problem(401, 'INVALID_CREDENTIALS', 'Wrong username or password');
    return c.json({ token, user: { username, name: 'Chuyên viên phân tích', role: 'analyst' } });
  });
  app.use('/api/*', async (c, next) => {
    if (c.req.path === '/api/auth/sign-in') return next();
    if (c.req.header('authorization') !== `Bearer ${token}`) return problem(401, 'UNAUTHENTICATED', 'Sign in first');
    return next();
  });
  app.get('/api/agencies', (c) => c.json(stubAgencies));
  const summary = (stored: StoredVersion) => ({ key: stored.key, version: stored.version, name: stored.name, procedureCode: stored.procedureCode, deployedAt: stored.deployedAt });
  const latest = () => [...new Set(versions.map((version) => version.key))].map((key) => versions.filter((version) => version.key === key).at(-1)!);
  app.get('/api/procedures', (c) => c.json(latest().map(summary)));
  app.get('/api/procedures/:key/versions', (c) => c.json(versions.filter((version) => version.key === c.req.param('key')).reverse().map(summary)));
  app.get('/api/procedures/:key/versions/:version', (c) => {
    const found = versions.find((version) => version.key === c.req.param('key') && version.version === Number(c.req.param('version')));
    return found ? c.json(found) : problem(404, 'PROCEDURE_NOT_FOUND', 'No such version');
  });
  app.post('/api/procedures/validate', async (c) => {
    const { xml } = await c.req.json<{ xml: string }>();
    return c.json({ issues: (await parseProcedure(xml)).issues });
  });
  app.post('/api/procedures', async (c) => {
    const { key, xml } = await c.req.json<{ key: string; xml: string }>();
    const { definition, issues } = await parseProcedure(xml);
    if (!definition || issues.some((issue) => issue.severity === 'error')) {
      return problem(422, 'PROCEDURE_INVALID', 'The procedure has validation errors', { issues });
    }
    const version = versions.filter((stored) => stored.key === key).length + 1;
    const metadata = definition.procedure as { procedureCode?: string; name?: string } | undefined;
    versions.push({ key, version, name: metadata?.name ?? key, procedureCode: metadata?.procedureCode ?? '', deployedAt: new Date().toISOString(), xml });
    return c.json({ key, version }, 201);
  });
  app.route('/', createFrontEndRoutes(fileURLToPath(new URL('../../modeler/dist', import.meta.url))));

  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    versions,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
