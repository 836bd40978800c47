/** @module health-routes — `GET /health`: the process is up and its database answers. */
import { Hono } from 'hono';

export interface HealthDeps {
  /** Resolves when the database answers a ping; rejects otherwise. */
  pingDatabase(): Promise<void>;
  backend: string;
  startedAt: number;
}

export function createHealthRoutes(deps: HealthDeps): Hono {
  const routes = new Hono();
  routes.get('/', async (c) => {
    try {
      await deps.pingDatabase();
      return c.json({ status: 'ok', database: deps.backend, uptimeMs: Date.now() - deps.startedAt });
    } catch {
      return c.json({ status: 'degraded', database: deps.backend }, 503);
    }
  });
  return routes;
}
