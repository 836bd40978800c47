/** @module access-test-app — a small hono app with the access layer and HTTP safety, served through `app.request()`. */
import { OpenAPIHono } from '@hono/zod-openapi';
import { authenticate } from '../../../server/src/access/auth-middleware';
import { createAuthRoutes } from '../../../server/src/access/auth-routes';
import { createPasswordHashing } from '../../../server/src/access/password-hashing';
import { createSessionTokens } from '../../../server/src/access/session-tokens';
import type { UserRecord } from '../../../server/src/access/user-record';
import { applyHttpSafety, type HttpSafetyConfig } from '../../../server/src/http/apply-http-safety';
import { toProblemResponse } from '../../../server/src/http/http-problem';
import { problemFromError } from '../../../server/src/http/problem-from-error';
import { SignInThrottle, type SignInLimit } from '../../../server/src/access/sign-in-throttle';
import { MemoryIdempotencyStore } from '../../../server/src/persistence/memory/memory-idempotency-store';
import type { Logger } from '../../../server/src/logger';
import { MemoryUserStore } from '../../../server/src/persistence/memory/memory-user-store';

export const SECRET = 'test secret of at least thirty-two bytes!';
export const START = Date.UTC(2025, 4, 15, 1, 30); // Thu 15/05/2025 08:30 in Hà Nội

/** A clock the test moves by hand. */
export function createTestClock(at = START): { now(): number; advance(ms: number): void } {
  let now = at;
  return { now: () => now, advance: (ms) => (now += ms) };
}

export const passwords = createPasswordHashing();

export function aUser(overrides: Partial<UserRecord> & Pick<UserRecord, 'id' | 'username'>): Omit<UserRecord, 'passwordHash'> {
  return { displayName: overrides.username, provinceCode: '00', role: 'official', agencyId: 'ubnd-xa-demo', ...overrides };
}

export interface AccessTestApp {
  app: OpenAPIHono;
  clock: ReturnType<typeof createTestClock>;
  users: MemoryUserStore;
  idempotencyStore: MemoryIdempotencyStore;
  tokens: ReturnType<typeof createSessionTokens>;
  /** Signs `username` in (password = username) and answers the bearer header. */
  bearer(username: string): Promise<{ authorization: string }>;
}

/**
 * Composes the app as `createApp` will: safety middleware, auth routes under /api/auth, and `problemFromError` in
 * `onError`. `extra` adds routes of the test's own.
 */
export async function createAccessTestApp(options: {
  users?: Omit<UserRecord, 'passwordHash'>[];
  safety?: Partial<HttpSafetyConfig>;
  extra?: (app: OpenAPIHono, context: { users: MemoryUserStore }) => void;
  logger?: Logger;
  /** Failed sign-ins per client address across usernames; the throttle's default when absent. */
  perAddress?: SignInLimit;
} = {}): Promise<AccessTestApp> {
  const clock = createTestClock();
  const users = new MemoryUserStore();
  for (const user of options.users ?? []) await users.create({ ...user, passwordHash: await passwords.hashPassword(user.username) });
  const tokens = createSessionTokens({ secret: SECRET, clock });
  const idempotencyStore = new MemoryIdempotencyStore();
  const app = new OpenAPIHono();
  applyHttpSafety(app, { clock, idempotencyStore, authenticate: authenticate({ tokens, users }), ...options.safety });
  app.route('/api/auth', createAuthRoutes({ users, tokens, passwords, signInThrottle: new SignInThrottle({ clock, perUsername: { limit: 5, windowMs: 15 * 60_000 }, perAddress: options.perAddress, logger: options.logger }), logger: options.logger }));
  options.extra?.(app, { users });
  app.onError((error, c) => {
    const problem = problemFromError(error);
    if (problem) return toProblemResponse(problem, c.req.path);
    throw error;
  });
  const bearer = async (username: string) => {
    const user = await users.getByUsername(username);
    if (!user) throw new Error(`no test user ${username}`);
    return { authorization: `Bearer ${(await tokens.issueToken(user)).token}` };
  };
  return { app, clock, users, idempotencyStore, tokens, bearer };
}

export function postJson(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}
