/**
 * @module auth-routes — `POST /api/auth/sign-in` (username and password → a signed session token) and
 * `GET /api/auth/me`. Sign-in is rate-limited per username and client address, answers the same 401 for an unknown
 * user, a wrong password and a disabled account, and never logs the password.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Logger } from '../logger';
import { createApiRouter } from '../http/api-router';
import { clientAddress } from '../http/client-address';
import { HttpProblem } from '../http/http-problem';
import { problemResponse } from '../http/problem-schema';
import { rateLimitedProblem } from '../http/rate-limit';
import type { RateLimiter } from '../http/rate-limiter';
import { principalOf } from './auth-middleware';
import type { PasswordHashing } from './password-hashing';
import { PublicUserSchema } from './public-user-schema';
import type { SessionTokens } from './session-tokens';
import { toPublicUser } from './user-record';
import type { UserStore } from './user-store';

export interface AuthRouteDeps {
  users: UserStore;
  tokens: SessionTokens;
  passwords: PasswordHashing;
  /** Sign-in attempts per username + client address; e.g. 10 per 15 minutes. */
  signInLimiter: RateLimiter;
  /** Trust `X-Forwarded-For` for the client address (only behind a proxy you run). */
  trustProxy?: boolean;
  logger?: Logger;
}

const SignInSchema = z
  .object({
    username: z.string().trim().min(1).max(100),
    // Bounded so that a huge body cannot make the argon2 input (and time) grow without limit.
    password: z.string().min(1).max(1024),
  })
  .openapi('SignIn');

const SessionSchema = z
  .object({ token: z.string(), expiresAt: z.string().describe('ISO 8601 instant'), user: PublicUserSchema })
  .openapi('Session');

const signInRoute = createRoute({
  method: 'post',
  path: '/sign-in',
  tags: ['auth'],
  summary: 'Sign in with a username and password',
  request: { body: { required: true, content: { 'application/json': { schema: SignInSchema } } } },
  responses: {
    200: { description: 'Signed in: send the token as "Authorization: Bearer <token>"', content: { 'application/json': { schema: SessionSchema } } },
    400: problemResponse('Malformed request'),
    401: problemResponse('Unknown username, wrong password or disabled account (INVALID_CREDENTIALS)'),
    429: problemResponse('Too many attempts for this username from this address (RATE_LIMITED)'),
  },
});

const meRoute = createRoute({
  method: 'get',
  path: '/me',
  tags: ['auth'],
  summary: 'The signed-in user',
  security: [{ bearerAuth: [] }],
  responses: {
    200: { description: 'The signed-in user', content: { 'application/json': { schema: z.object({ user: PublicUserSchema }) } } },
    401: problemResponse('Not signed in (UNAUTHENTICATED)'),
  },
});

const passwordRoute = createRoute({
  method: 'post',
  path: '/password',
  tags: ['auth'],
  summary: 'Change my own password',
  security: [{ bearerAuth: [] }],
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          // NIST SP 800-63B §5.1.1.2: at least 8 characters, long passphrases allowed.
          schema: z.object({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().min(8).max(1024) }).openapi('PasswordChange'),
        },
      },
    },
  },
  responses: {
    204: { description: 'Changed; sessions already issued stay valid until they expire' },
    400: problemResponse('Malformed request, or a new password under 8 characters'),
    401: problemResponse('Not signed in, or the current password is wrong (INVALID_CREDENTIALS)'),
  },
});

const invalidCredentials = () =>
  new HttpProblem({ status: 401, code: 'INVALID_CREDENTIALS', title: 'Sign-in failed', detail: 'The username or password is wrong.' });

/** Mount under `/api/auth`. */
export function createAuthRoutes(deps: AuthRouteDeps): OpenAPIHono {
  const routes = createApiRouter();
  // Routes that need a session name this scheme in `security` (OpenAPI 3.1 §4.8.27, RFC 6750 bearer tokens).
  routes.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });

  routes.openapi(signInRoute, async (c) => {
    const { username, password } = c.req.valid('json');
    const address = clientAddress(c, { trustProxy: deps.trustProxy });
    const limitKey = `${username.toLowerCase()}|${address}`;
    const decision = deps.signInLimiter.hit(limitKey);
    if (!decision.allowed) {
      deps.logger?.warn({ username, address }, 'sign-in rate-limited');
      throw rateLimitedProblem(decision);
    }

    const user = await deps.users.getByUsername(username);
    const verified = user ? await deps.passwords.verifyPassword(user.passwordHash, password) : await deps.passwords.verifyNothing(password);
    if (!user || !verified || user.disabled) {
      deps.logger?.info({ username, address }, 'sign-in refused');
      throw invalidCredentials();
    }

    deps.signInLimiter.reset(limitKey);
    const { token, expiresAt } = await deps.tokens.issueToken(user);
    deps.logger?.info({ userId: user.id, address }, 'signed in');
    c.header('cache-control', 'no-store'); // RFC 6749 §5.1: responses carrying tokens are not cached
    return c.json({ token, expiresAt: new Date(expiresAt).toISOString(), user: toPublicUser(user) }, 200);
  });

  routes.openapi(meRoute, async (c) => {
    const principal = principalOf(c);
    const user = await deps.users.get(principal.userId);
    if (!user) throw new HttpProblem({ status: 401, code: 'UNAUTHENTICATED', title: 'Not signed in', detail: 'The account no longer exists.' });
    return c.json({ user: toPublicUser(user) }, 200);
  });

  routes.openapi(passwordRoute, async (c) => {
    const principal = principalOf(c);
    const { currentPassword, newPassword } = c.req.valid('json');
    const user = await deps.users.get(principal.userId);
    if (!user || !(await deps.passwords.verifyPassword(user.passwordHash, currentPassword))) throw invalidCredentials();
    await deps.users.update({ ...user, passwordHash: await deps.passwords.hashPassword(newPassword) });
    deps.logger?.info({ userId: user.id }, 'password changed');
    return c.body(null, 204);
  });

  return routes;
}
