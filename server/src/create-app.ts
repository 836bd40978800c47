/**
 * @module create-app — composes the HTTP application from its dependencies. Tests call `createApp(deps)` and
 * `app.request()` without a port; `main.ts` serves the same app on a socket.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { requestId } from 'hono/request-id';
import type { Clock, Stores } from '../../engine/src/index';
import type { Logger } from './logger';
import { HttpProblem, toProblemResponse } from './http/http-problem';
import { createHealthRoutes } from './routes/health-routes';
import { createFrontEndRoutes } from './routes/front-end-routes';

export interface AppDeps {
  stores: Stores;
  clock: Clock;
  logger: Logger;
  /** Which database backend serves the stores: 'external' | 'mongod' | 'emulator' | 'memory'. */
  backend: string;
  pingDatabase(): Promise<void>;
  /** Folder of the built front end (modeler/dist); absent in API-only tests. */
  frontEndRoot?: string;
}

export function createApp(deps: AppDeps): OpenAPIHono {
  const app = new OpenAPIHono();
  const startedAt = deps.clock.now();

  app.use('*', requestId());

  app.route('/health', createHealthRoutes({ pingDatabase: deps.pingDatabase, backend: deps.backend, startedAt }));

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Liên thông API', version: '0.1.0', description: 'Dossier routing for inter-agency administrative procedures' },
  });

  if (deps.frontEndRoot) app.route('/', createFrontEndRoutes(deps.frontEndRoot));

  app.notFound((c) =>
    toProblemResponse(
      new HttpProblem({ status: 404, code: 'NOT_FOUND', title: 'Not found', detail: `No resource at ${c.req.method} ${c.req.path}` }),
      c.req.path,
    ),
  );

  // One place turns errors into HTTP answers (STYLE.md §4): known problems as they are, anything else a logged generic 500.
  app.onError((error, c) => {
    if (error instanceof HttpProblem) return toProblemResponse(error, c.req.path);
    const id = c.get('requestId');
    deps.logger.error({ err: error, requestId: id, path: c.req.path }, 'unhandled error');
    return toProblemResponse(
      new HttpProblem({ status: 500, code: 'INTERNAL', title: 'Internal server error', detail: `Request ${id} failed; the error is logged.` }),
      c.req.path,
    );
  });

  return app;
}
