/**
 * @module auth-routes — `POST /api/auth/sign-in` (username and password → a signed session token),
 * `POST /api/auth/sign-out` (revokes every session of the user), `GET /api/auth/me` and `POST /api/auth/password`.
 * Failed sign-ins are limited per username and client address and per address across usernames (`SignInThrottle`);
 * sign-in answers the same 401 for an unknown user, a wrong password and a disabled account, and never logs the password.
 * Single sign-on through the province's identity provider is beside it, in oidc-routes.ts.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Logger } from '../logger';
import { createApiRouter } from '../http/api-router';
import { clientAddress, type TrustProxy } from '../http/client-address';
import { HttpProblem } from '../http/http-problem';
import { problemResponse } from '../http/problem-schema';
import { rateLimitedProblem } from '../http/rate-limit';
import { principalOf } from './auth-middleware';
import { ACTIONS, actionsOf } from './authorize';
import type { PasswordHashing } from './password-hashing';
import { assertPasswordAcceptable, MAX_PASSWORD_LENGTH } from './password-policy';
import { PublicUserSchema } from './public-user-schema';
import type { SessionTokens } from './session-tokens';
import type { SignInThrottle } from './sign-in-throttle';
import { toPublicUser, withTokensRevoked } from './user-record';
import type { UserStore } from './user-store';
import { inProvince, nationally } from '../tenancy/province-scope';

export interface AuthRouteDeps {
  users: UserStore;
  tokens: SessionTokens;
  passwords: PasswordHashing;
  /** Failed sign-ins per username + client address and per client address. */
  signInThrottle: SignInThrottle;
  /** Trust `X-Forwarded-For` for the client address (only behind a proxy you run). */
  trustProxy?: TrustProxy;
  logger?: Logger;
  /** Username and password sign-in; on unless `LOCAL_PASSWORDS=off` keeps the province's single sign-on only. */
  localPasswords?: boolean;
}

const SignInSchema = z
  .object({
    username: z.string().trim().min(1).max(100),
    // Bounded so that a huge body cannot make the argon2 input (and time) grow without limit.
    password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  })
  .openapi('SignIn');

export const SessionSchema = z
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
    403: problemResponse('Username and password sign-in is turned off: sign in through the province (PASSWORD_SIGN_IN_DISABLED)'),
    429: problemResponse('Too many failed attempts for this username, or for any username, from this address (RATE_LIMITED)'),
  },
});

const signOutRoute = createRoute({
  method: 'post',
  path: '/sign-out',
  tags: ['auth'],
  summary: 'Sign out: end every session of the signed-in user, on every device',
  security: [{ bearerAuth: [] }],
  responses: {
    204: { description: 'Signed out; every token issued to this user so far answers 401 from now on' },
    401: problemResponse('Not signed in (UNAUTHENTICATED)'),
  },
});

const meRoute = createRoute({
  method: 'get',
  path: '/me',
  tags: ['auth'],
  summary: 'The signed-in user',
  security: [{ bearerAuth: [] }],
  responses: {
    200: {
      description: "The signed-in user and the actions their role may attempt (authorize's role table), so the front end offers only those",
      content: { 'application/json': { schema: z.object({ user: PublicUserSchema, permissions: z.array(z.enum(ACTIONS)) }) } },
    },
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
          // The password policy (length, not the username, not a common password) answers 422 with Vietnamese messages.
          schema: z.object({ currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH), newPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH) }).openapi('PasswordChange'),
        },
      },
    },
  },
  responses: {
    204: { description: 'Changed; every session of the user, this one included, has ended: sign in again with the new password' },
    400: problemResponse('Malformed request (VALIDATION_FAILED)'),
    401: problemResponse('Not signed in, or the current password is wrong (INVALID_CREDENTIALS)'),
    422: problemResponse('The new password breaks the password policy (PASSWORD_TOO_WEAK)'),
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
    if (deps.localPasswords === false) {
      throw new HttpProblem({ status: 403, code: 'PASSWORD_SIGN_IN_DISABLED', title: 'Forbidden', detail: 'Sign in through the province’s identity provider.' });
    }
    const { username, password } = c.req.valid('json');
    const address = clientAddress(c, { trustProxy: deps.trustProxy });
    // The throttle logs a refused burst itself, once at its start and once summarised.
    const refusal = deps.signInThrottle.admit(username, address);
    if (refusal) throw rateLimitedProblem(refusal);

    // Usernames are unique in the whole deployment: sign-in comes before anyone knows the province.
    const user = await nationally(async () => await deps.users.getByUsername(username));
    const verified = user ? await deps.passwords.verifyPassword(user.passwordHash, password) : await deps.passwords.verifyNothing(password);
    if (!user || !verified || user.disabled) {
      deps.signInThrottle.recordFailure(username, address);
      deps.logger?.info({ username, address }, 'sign-in refused');
      throw invalidCredentials();
    }

    deps.signInThrottle.recordSuccess(username, address);
    const { token, expiresAt } = await deps.tokens.issueToken(user);
    deps.logger?.info({ userId: user.id, address }, 'signed in');
    c.header('cache-control', 'no-store'); // RFC 6749 §5.1: responses carrying tokens are not cached
    return c.json({ token, expiresAt: new Date(expiresAt).toISOString(), user: toPublicUser(user) }, 200);
  });

  routes.openapi(signOutRoute, async (c) => {
    const principal = principalOf(c);
    // In the user's own province, a national supervisor's too (whose requests otherwise write nothing).
    await inProvince(principal.provinceCode, async () => {
      const user = await deps.users.get(principal.userId);
      if (user) await deps.users.update(withTokensRevoked(user));
    });
    deps.logger?.info({ userId: principal.userId }, 'signed out');
    return c.body(null, 204);
  });

  routes.openapi(meRoute, async (c) => {
    const principal = principalOf(c);
    const user = await deps.users.get(principal.userId);
    if (!user) throw new HttpProblem({ status: 401, code: 'UNAUTHENTICATED', title: 'Not signed in', detail: 'The account no longer exists.' });
    return c.json({ user: toPublicUser(user), permissions: actionsOf(user.role) }, 200);
  });

  routes.openapi(passwordRoute, async (c) => {
    const principal = principalOf(c);
    const { currentPassword, newPassword } = c.req.valid('json');
    const user = await inProvince(principal.provinceCode, async () => await deps.users.get(principal.userId));
    if (!user || !(await deps.passwords.verifyPassword(user.passwordHash, currentPassword))) throw invalidCredentials();
    assertPasswordAcceptable(newPassword, user.username);
    // A changed password ends every session: one a thief opened with the old password among them.
    const changed = withTokensRevoked({ ...user, passwordHash: await deps.passwords.hashPassword(newPassword) });
    await inProvince(principal.provinceCode, async () => await deps.users.update(changed));
    deps.logger?.info({ userId: user.id }, 'password changed');
    return c.body(null, 204);
  });

  return routes;
}
