/** @module health-routes — `GET /health`: the process is up, its database answers, and which database it is. */
import { Hono } from 'hono';

/** Which database serves the stores, and whether an acknowledged write outlives the process (issue 14). */
export interface DatabaseDescription {
  /** 'external' (MONGODB_URI) | 'mongod' | 'emulator' | 'memory'. */
  backend: string;
  durable: boolean;
  /** Where the embedded database keeps its files, e.g. `.data/emulator`. */
  path?: string;
}

export interface HealthDeps {
  /** Resolves when the database answers a ping; rejects otherwise. */
  pingDatabase(): Promise<void>;
  database: DatabaseDescription;
  startedAt: number;
}

/**
 * @example
 * // GET /health → 200 { status: 'ok', database: { backend: 'emulator', durable: true, path: '.data/emulator' }, uptimeMs: 5120 }
 */
export function createHealthRoutes(deps: HealthDeps): Hono {
  const routes = new Hono();
  routes.get('/', async (c) => {
    try {
      await deps.pingDatabase();
      return c.json({ status: 'ok', database: deps.database, uptimeMs: Date.now() - deps.startedAt });
    } catch {
      return c.json({ status: 'degraded', database: deps.database }, 503);
    }
  });
  return routes;
}
