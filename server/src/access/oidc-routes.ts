/**
 * @module oidc-routes — single sign-on through the province's identity provider, under `/api/auth`:
 * `GET /methods` tells the sign-in page which ways to sign in are open, `POST /oidc/start` gives the provider's
 * authorization URL to send the browser to with a seal the browser keeps (sign-in-seal.ts), and `POST /oidc/callback`
 * takes the query the provider sent the browser back with, and that seal, and answers the same session as `POST /sign-in` (session-tokens.ts). Without a configured provider the
 * two `oidc` operations answer 404 `SSO_NOT_CONFIGURED`.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createApiRouter } from '../http/api-router';
import { HttpProblem } from '../http/http-problem';
import { problemResponse } from '../http/problem-schema';
import type { Logger } from '../logger';
import type { AgencyStore } from './agency-store';
import { SessionSchema } from './auth-routes';
import { resolveOidcAccount } from './oidc-account';
import type { OidcConfig } from './oidc-config';
import type { OidcRelyingParty } from './oidc-relying-party';
import type { SessionTokens } from './session-tokens';
import { toPublicUser } from './user-record';
import type { UserStore } from './user-store';

export interface OidcRouteDeps {
  users: UserStore;
  agencies: AgencyStore;
  tokens: SessionTokens;
  /** The province's provider; absent when single sign-on is not configured. */
  oidc?: { config: OidcConfig; relyingParty: OidcRelyingParty };
  localPasswords: boolean;
  logger?: Logger;
}

const methodsRoute = createRoute({
  method: 'get',
  path: '/methods',
  tags: ['auth'],
  summary: 'The ways to sign in that are open: username and password, the province’s single sign-on',
  responses: {
    200: {
      description: 'What the sign-in page offers',
      content: { 'application/json': { schema: z.object({ password: z.boolean(), oidc: z.boolean() }).openapi('SignInMethods') } },
    },
  },
});

const startRoute = createRoute({
  method: 'post',
  path: '/oidc/start',
  tags: ['auth'],
  summary: 'Start single sign-on: the identity provider’s authorization URL (code flow, PKCE S256, state, nonce)',
  responses: {
    200: {
      description: 'Send the browser to authorizationUrl; the provider sends it back to the sign-in page with code and state',
      content: {
        'application/json': {
          schema: z
            .object({
              authorizationUrl: z.string().url(),
              seal: z.string().describe('Keep it in this browser (sessionStorage) and send it back with the callback: it binds the sign-in to this browser'),
            })
            .openapi('OidcStart'),
        },
      },
    },
    404: problemResponse('Single sign-on is not configured (SSO_NOT_CONFIGURED)'),
    502: problemResponse('The identity provider cannot be reached (SSO_UNAVAILABLE)'),
  },
});

const callbackRoute = createRoute({
  method: 'post',
  path: '/oidc/callback',
  tags: ['auth'],
  summary: 'Finish single sign-on with the query the identity provider sent the browser back with',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              query: z.string().min(1).max(8192).describe('The callback URL’s query: ?code=…&state=…&iss=…'),
              seal: z.string().max(4096).describe('The seal that POST /oidc/start answered to this browser (empty when the browser has none: refused as SSO_STATE_UNKNOWN)'),
            })
            .openapi('OidcCallback'),
        },
      },
    },
  },
  responses: {
    200: { description: 'Signed in: send the token as "Authorization: Bearer <token>"', content: { 'application/json': { schema: SessionSchema } } },
    400: problemResponse('Malformed request (VALIDATION_FAILED)'),
    401: problemResponse('A state that is not this browser’s seal’s, used or expired (SSO_STATE_UNKNOWN); the provider’s answer failed a check (SSO_REFUSED)'),
    403: problemResponse('Nobody in Liên thông is this person (SSO_UNKNOWN_ACCOUNT), the account is disabled (SSO_ACCOUNT_DISABLED), a claim names an unknown role or unit (SSO_CLAIM_INVALID)'),
    404: problemResponse('Single sign-on is not configured (SSO_NOT_CONFIGURED)'),
    502: problemResponse('The identity provider cannot be reached (SSO_UNAVAILABLE)'),
  },
});

function notConfigured(): HttpProblem {
  return new HttpProblem({ status: 404, code: 'SSO_NOT_CONFIGURED', title: 'Not found', detail: 'Single sign-on is not configured on this server.' });
}

/** Mount under `/api/auth`, beside `createAuthRoutes`. */
export function createOidcRoutes(deps: OidcRouteDeps): OpenAPIHono {
  const routes = createApiRouter();

  routes.openapi(methodsRoute, (c) => c.json({ password: deps.localPasswords, oidc: deps.oidc !== undefined }, 200));

  routes.openapi(startRoute, async (c) => {
    if (!deps.oidc) throw notConfigured();
    const { authorizationUrl, seal } = await deps.oidc.relyingParty.start();
    c.header('cache-control', 'no-store');
    return c.json({ authorizationUrl: authorizationUrl.href, seal }, 200);
  });

  routes.openapi(callbackRoute, async (c) => {
    if (!deps.oidc) throw notConfigured();
    const { query, seal } = c.req.valid('json');
    const claims = await deps.oidc.relyingParty.finish(query, seal);
    const user = await resolveOidcAccount(deps, claims, deps.oidc.config).catch((error: unknown) => {
      deps.logger?.info({ subject: claims.sub, code: (error as HttpProblem).code }, 'single sign-on of an unknown or refused person');
      throw error;
    });
    const { token, expiresAt } = await deps.tokens.issueToken(user);
    deps.logger?.info({ userId: user.id }, 'signed in through the identity provider');
    c.header('cache-control', 'no-store'); // RFC 6749 §5.1
    return c.json({ token, expiresAt: new Date(expiresAt).toISOString(), user: toPublicUser(user) }, 200);
  });

  return routes;
}
