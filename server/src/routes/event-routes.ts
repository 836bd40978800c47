/**
 * @module event-routes — `GET /api/events?procedureKey=…`: the live heatmap's server-sent events; `?topic=inbox`:
 * the open inbox's. Browsers'
 * EventSource cannot set headers, so this route alone also accepts the session token as `?access_token=` (RFC 6750
 * §2.3); the token is verified like a bearer header and never logged. A stream passes on only the changes published in
 * the principal's province (every province's to a national supervisor): the notifier is one per process, and its
 * listeners run in the scope of the work that published (tenancy/province-scope.ts).
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { principalOf, principalOfToken } from '../access/auth-middleware';
import type { SessionTokens } from '../access/session-tokens';
import type { UserStore } from '../access/user-store';
import { streamHeatmapChanges } from '../heatmap/heatmap-stream';
import type { HeatmapNotifier } from '../heatmap/heatmap-notifier';
import type { Principal } from '../access/principal';
import { currentProvinceScope } from '../tenancy/province-scope';
import { createApiRouter } from '../http/api-router';
import { HttpProblem } from '../http/http-problem';
import { streamInboxChanges } from './inbox-stream';
import { problem } from './route-schemas';

export interface EventRouteDeps {
  notifier: HeatmapNotifier;
  tokens: SessionTokens;
  users: UserStore;
  keepAliveMs?: number;
}

const eventsRoute = createRoute({
  method: 'get',
  path: '/',
  request: {
    query: z
      .object({
        topic: z.enum(['heatmap', 'inbox']).default('heatmap').describe('`inbox`: `inbox.changed` whenever open steps changed, for an open inbox to refetch'),
        procedureKey: z.string().min(1).max(200).optional().describe('The heatmap’s procedure (topic heatmap)'),
        access_token: z.string().max(4096).optional(),
      })
      .refine((query) => query.topic === 'inbox' || query.procedureKey !== undefined, { message: 'The heatmap topic needs a procedureKey', path: ['procedureKey'] }),
  },
  responses: {
    200: { description: 'text/event-stream of `heatmap.changed` (or `inbox.changed`) events', content: { 'text/event-stream': { schema: z.string() } } },
    400: problem('No procedureKey'),
    401: problem('Not signed in'),
  },
});

/** The notifier as `principal` hears it: a change published in another province is not passed on. */
function heardBy(notifier: HeatmapNotifier, principal: Principal): HeatmapNotifier {
  if (principal.role === 'supervisor' && principal.supervisorScope === 'national') return notifier;
  const publishedInOwnProvince = (): boolean => {
    try {
      const scope = currentProvinceScope('A heatmap change');
      return scope.kind === 'province' && scope.provinceCode === principal.provinceCode;
    } catch {
      return false; // published outside any province of a national deployment: nobody's
    }
  };
  // `subscribeAll` subscribes through `subscribe`, so both are filtered.
  const view = Object.create(notifier) as HeatmapNotifier;
  view.subscribe = (procedureKey, listener) => notifier.subscribe(procedureKey, (change) => (publishedInOwnProvince() ? listener(change) : undefined));
  return view;
}

/** The principal of the Authorization header, else of `?access_token=`. */
async function signIn(c: Context, deps: EventRouteDeps, token: string | undefined): Promise<void> {
  if (c.get('principal') || token === undefined) return;
  const unauthenticated = new HttpProblem({ status: 401, code: 'UNAUTHENTICATED', title: 'Not signed in', detail: 'The access token is not valid.' });
  c.set('principal', await principalOfToken(deps, token).catch(() => Promise.reject(unauthenticated)));
}

export function createEventRoutes(deps: EventRouteDeps): OpenAPIHono {
  const routes = createApiRouter();
  routes.openapi(eventsRoute, (async (c: Context) => {
    const query = (c.req as unknown as { valid(target: 'query'): { topic: 'heatmap' | 'inbox'; procedureKey?: string; access_token?: string } }).valid('query');
    await signIn(c, deps, query.access_token);
    const notifier = heardBy(deps.notifier, principalOf(c));
    if (query.topic === 'inbox') return streamInboxChanges(c, notifier, deps.keepAliveMs);
    return streamHeatmapChanges(c, notifier, query.procedureKey!, deps.keepAliveMs);
  }) as never);
  return routes;
}
