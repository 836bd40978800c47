/** @module front-end-routes — serves the built browser front end (modeler/dist) and its SPA entry. */
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Static files under `root`; unknown non-API paths fall back to `index.html` so client-side routes reload. */
export function createFrontEndRoutes(root: string): Hono {
  const routes = new Hono();
  const rootFromCwd = relative(process.cwd(), root) || '.';
  routes.use('/*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path === '/health') return next();
    return serveStatic({ root: rootFromCwd })(c, next);
  });
  routes.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path === '/health' || c.req.path.includes('.')) return next();
    const index = join(root, 'index.html');
    if (!existsSync(index)) return next();
    return serveStatic({ root: rootFromCwd, path: 'index.html' })(c, next);
  });
  return routes;
}
