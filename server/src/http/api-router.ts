/**
 * @module api-router — a router for a group of `/api` routes whose failed validations answer 400 problems. The
 * zod-openapi hook belongs to the router a route is defined on, so every route group is created here.
 *
 * @example
 * const routes = createApiRouter();
 * routes.openapi(createRoute({ method: 'post', path: '/', request: { body: … }, responses: { … } }), handler);
 * app.route('/api/dossiers', routes);
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Env } from 'hono';
import { validationHook } from './validation-hook';

export function createApiRouter<E extends Env = Env>(): OpenAPIHono<E> {
  return new OpenAPIHono<E>({ defaultHook: validationHook });
}
