/**
 * @module install-access — the people-and-access layer in one call for `createApp`: HTTP safety middleware
 * (headers, CORS, body limits, JSON bodies, authentication, the request's province, rate limits, idempotency) and the routes under
 * `/api/auth` (passwords and the province's single sign-on), `/api/users` and `/api/agencies`. Call it before any other route is added: hono runs middleware
 * only for routes registered after it.
 *
 * @example
 * const app = new OpenAPIHono({ defaultHook: validationHook });
 * app.use('*', requestId());
 * installAccess(app, { ...deps.access, clock: deps.clock, logger: deps.logger, sessionSecret: deps.sessionSecret });
 * app.route('/api/procedures', createProcedureRoutes(…));
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Clock } from '../../../engine/src/index';
import { applyHttpSafety, type UploadRoute } from '../http/apply-http-safety';
import type { TrustProxy } from '../http/client-address';
import type { IdempotencyStore } from '../http/idempotency-store';
import { RateLimiter } from '../http/rate-limiter';
import type { Logger } from '../logger';
import type { AdminAuditStore } from '../stores';
import { createAdminAuditTrail, installAdminAuditTrail } from '../audit/admin-audit-trail';
import type { AgencyStore } from './agency-store';
import { accessGate, type ResourceReaders } from './access-gate';
import { createAgencyRoutes } from './agency-routes';
import { API_ACCESS_RULES } from './api-access-rules';
import { authenticate } from './auth-middleware';
import { createAuthRoutes } from './auth-routes';
import type { SignInMethods } from './oidc-config';
import { createOidcRelyingParty, type OidcFetch, type OidcRelyingParty } from './oidc-relying-party';
import { createOidcRoutes } from './oidc-routes';
import { createPasswordHashing, type PasswordHashing } from './password-hashing';
import { createSessionTokens, type SessionTokens } from './session-tokens';
import { SignInThrottle, type SignInLimit } from './sign-in-throttle';
import { createUserRoutes } from './user-routes';
import { requestProvinceScope } from './request-province-scope';
import { homeProvinceCode } from '../tenancy/province-scope';
import type { UserStore } from './user-store';

export interface AccessOptions {
  users: UserStore;
  agencies: AgencyStore;
  idempotency: IdempotencyStore;
  /** Where every administrative change is recorded (audit/admin-audit-trail.ts). */
  adminAudit: AdminAuditStore;
  clock: Clock;
  logger?: Logger;
  /** HS256 key, at least 32 bytes; from the environment in main.ts. */
  sessionSecret: string;
  /** Session length; 8 hours by default. */
  sessionTtlMs?: number;
  /** Browser origins allowed by CORS; none by default. */
  allowedOrigins?: string[];
  maxBodyBytes?: number;
  /** Proxies of yours in front of the server whose `X-Forwarded-For` entry is trusted (TRUST_PROXY_HOPS); none by default. */
  trustProxy?: TrustProxy;
  /** Failed sign-ins per username and address (10 per 15 minutes) and per address across usernames (30 per 15 minutes) by default. */
  signInLimits?: { perUsername?: SignInLimit; perAddress?: SignInLimit };
  /** The citizen lookup, limited per address; `/api/lookup/*` at 30 a minute by default. */
  lookup?: { path: string; limit: number; windowMs: number };
  /** Upload routes (dossier attachments): multipart bodies with their own size limit. */
  uploads?: UploadRoute[];
  /** Dossiers and steps by id, for the access gate to refuse another unit's caller before the route reads the body. */
  resources?: ResourceReaders;
  /** How long an unfinished request holds its Idempotency-Key; 4 s by default, renewed while it runs (IDEMPOTENCY_LOCK_MS in main.ts). */
  idempotencyLockMs?: number;
  /** Checks the citizen's dossier token with the gate, before the body is parsed (citizen/citizen-routes.ts `citizenGate`). */
  citizenGate?: MiddlewareHandler;
  /** Checks the national portal's signature with the gate, before the body is parsed (national-portal/national-portal-gate.ts). */
  portalGate?: MiddlewareHandler;
  /** The province's single sign-on (OIDC_* in main.ts) and whether passwords still sign in; passwords only by default. */
  signInMethods?: SignInMethods;
  /** The HTTP client towards the identity provider; the global fetch by default (tests put a hand on the answers). */
  oidcFetch?: OidcFetch;
  /**
   * The provinces this deployment serves (PROVINCES, or the one PROVINCE_CODE): an anonymous request names its own in
   * `X-Province-Code`; the home province alone by default (request-province-scope.ts).
   */
  provinces?: readonly string[];
}

export interface AccessLayer {
  tokens: SessionTokens;
  passwords: PasswordHashing;
  /** Present when single sign-on is configured. */
  oidc?: OidcRelyingParty;
}

/** `gate`, then `after` (a gate of its own: the citizen's token, the portal's signature) when there is one. */
export function chainGates(gate: MiddlewareHandler, after: MiddlewareHandler | undefined): MiddlewareHandler {
  return after ? (c, next) => gate(c, async () => void (await after(c, next))) : gate;
}

export function installAccess(app: OpenAPIHono, options: AccessOptions): AccessLayer {
  const { clock } = options;
  const tokens = createSessionTokens({ secret: options.sessionSecret, clock, ttlMs: options.sessionTtlMs });
  const passwords = createPasswordHashing();
  const localPasswords = options.signInMethods?.localPasswords ?? true;
  const oidcConfig = options.signInMethods?.oidc;
  const oidc = oidcConfig && createOidcRelyingParty({ config: oidcConfig, clock, secret: options.sessionSecret, logger: options.logger, fetch: options.oidcFetch });
  // `/api/lookup` itself is the citizen lookup (GET /api/lookup?code=…&idNumber=…); hono's `/*` matches it too.
  const lookup = options.lookup ?? { path: '/api/lookup/*', limit: 30, windowMs: 60_000 };

  applyHttpSafety(app, {
    clock,
    idempotencyStore: options.idempotency,
    authenticate: authenticate({ tokens, users: options.users }),
    allowedOrigins: options.allowedOrigins,
    maxBodyBytes: options.maxBodyBytes,
    trustProxy: options.trustProxy,
    uploads: options.uploads,
    idempotencyLockMs: options.idempotencyLockMs,
    rateLimits: [{ path: lookup.path, limiter: new RateLimiter({ limit: lookup.limit, windowMs: lookup.windowMs, clock }) }],
    // The request's province, then sign-in and role checks before any route or body check reads the request (access-gate.ts).
    gate: chainGates(
      requestProvinceScope({ provinces: options.provinces ?? [homeProvinceCode()].filter((code) => code !== undefined) }),
      chainGates(chainGates(accessGate(API_ACCESS_RULES, options.resources), options.citizenGate), options.portalGate),
    ),
  });
  // Every administrative route below and after this records its change through `recordAdministration(c, …)`.
  app.use('/api/*', installAdminAuditTrail(createAdminAuditTrail({ store: options.adminAudit, clock, trustProxy: options.trustProxy })));
  app.route(
    '/api/auth',
    createAuthRoutes({
      users: options.users,
      tokens,
      passwords,
      signInThrottle: new SignInThrottle({ clock, ...options.signInLimits, logger: options.logger }),
      trustProxy: options.trustProxy,
      logger: options.logger,
      localPasswords,
    }),
  );
  app.route(
    '/api/auth',
    createOidcRoutes({
      users: options.users,
      agencies: options.agencies,
      tokens,
      localPasswords,
      logger: options.logger,
      ...(oidcConfig && oidc ? { oidc: { config: oidcConfig, relyingParty: oidc } } : {}),
    }),
  );
  app.route('/api/users', createUserRoutes({ users: options.users, agencies: options.agencies, passwords }));
  app.route('/api/agencies', createAgencyRoutes({ agencies: options.agencies }));
  return { tokens, passwords, ...(oidc ? { oidc } : {}) };
}
