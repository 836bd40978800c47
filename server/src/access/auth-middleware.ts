/**
 * @module auth-middleware — reads `Authorization: Bearer <token>` (RFC 6750), puts the signed-in principal on the
 * request context, and guards routes. Every refusal is a problem: 401 `UNAUTHENTICATED` when nobody (valid) is
 * signed in, 403 `FORBIDDEN` when the policy of `authorize` says no.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { HttpProblem } from '../http/http-problem';
import { authorize, type AccessResource, type Action } from './authorize';
import { toPrincipal, type Principal } from './principal';
import type { Role } from './role';
import type { SessionTokens } from './session-tokens';
import type { UserStore } from './user-store';
import { nationally } from '../tenancy/province-scope';

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by `authenticate` when the request carries a valid token of an enabled user. */
    principal?: Principal;
  }
}

export interface AuthenticateDeps {
  tokens: SessionTokens;
  users: UserStore;
}

function unauthenticated(detail: string): HttpProblem {
  return new HttpProblem({ status: 401, code: 'UNAUTHENTICATED', title: 'Not signed in', detail });
}

export function forbidden(detail: string): HttpProblem {
  return new HttpProblem({ status: 403, code: 'FORBIDDEN', title: 'Forbidden', detail });
}

/**
 * Sets `principal` from a bearer token. A request without an Authorization header passes through anonymous (the
 * guards below refuse it where a user is needed); a present but bad one is refused at once.
 */
export function authenticate(deps: AuthenticateDeps): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header === undefined) return next();
    const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(header.trim());
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
    c.set('principal', await principalOfToken(deps, match[1] as string));
    return next();
  };
}

/**
 * The principal of a session token, or a 401 problem. The one read per request is the user by id (its primary key),
 * which the request needs anyway for the role and unit; comparing the token's version with the user's costs
 * nothing more, and no cache can serve a revoked token after sign-out on another process.
 */
export async function principalOfToken(deps: AuthenticateDeps, token: string): Promise<Principal> {
  const verified = await deps.tokens.verifyToken(token);
  // Read before any province is known: the user's record names the province the request then acts in.
  const user = await nationally(async () => await deps.users.get(verified.userId));
  if (!user || user.disabled) throw unauthenticated('The account of this session no longer exists or is disabled.');
  if ((user.tokenVersion ?? 0) !== verified.tokenVersion) {
    throw new HttpProblem({ status: 401, code: 'UNAUTHENTICATED', title: 'Not signed in', detail: 'This session has been signed out; sign in again.', extensions: { reason: 'revoked' } });
  }
  return toPrincipal(user);
}

/** The signed-in principal; throws 401 when there is none. */
export function principalOf(c: Context): Principal {
  const principal = c.get('principal');
  if (!principal) throw unauthenticated('Sign in first: send "Authorization: Bearer <token>".');
  return principal;
}

/** Throws a 403 problem with the policy's reason unless `authorize` allows the action. */
export function assertAllowed(principal: Principal, action: Action, resource?: AccessResource): void {
  const decision = authorize(principal, action, resource);
  if (!decision.allowed) throw forbidden(decision.reason);
}

/** Lets through only signed-in principals with one of `roles`. */
export function requireRole(...roles: Role[]): MiddlewareHandler {
  return async (c, next) => {
    const principal = principalOf(c);
    if (!roles.includes(principal.role)) throw forbidden(`This needs the role ${roles.join(' or ')}.`);
    return next();
  };
}

/**
 * Lets through a signed-in principal whom the policy allows `action` on the resource that `resourceOf` finds for
 * the request (often a store read: the dossier or step named in the path).
 */
export function requirePermission(
  action: Action,
  resourceOf: (c: Context) => AccessResource | Promise<AccessResource> = () => ({}),
): MiddlewareHandler {
  return async (c, next) => {
    const principal = principalOf(c);
    assertAllowed(principal, action, await resourceOf(c));
    return next();
  };
}
