/**
 * @module user-routes — the administrator's user management under `/api/users`: list, create with an initial
 * password, change (role, unit, scope, contact, disabled, password). Only `user.manage` (administrators) may use
 * them; users are bound to agencies and departments of the directory, so unknown ones are refused. Passwords follow
 * the password policy; disabling a user or setting their password ends every session they have.
 *
 * An administrator manages their own province only (issue 18 item 2): the request acts in it
 * (request-province-scope.ts), so another province's users are not listed and answer 404, its agencies are unknown
 * (422); a new user belongs to the administrator's province, and naming another one, or the national supervision
 * scope, is refused with 403 (a national supervisor is made on the server's host: `npm run create-admin`).
 */
import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { DuplicateKey } from '../stores';
import { createApiRouter } from '../http/api-router';
import { HttpProblem } from '../http/http-problem';
import { problemResponse } from '../http/problem-schema';
import { recordAdministration } from '../audit/admin-audit-trail';
import type { AgencyStore } from './agency-store';
import { assertAllowed, forbidden, principalOf } from './auth-middleware';
import { nationally } from '../tenancy/province-scope';
import type { PasswordHashing } from './password-hashing';
import { assertPasswordAcceptable, MAX_PASSWORD_LENGTH } from './password-policy';
import { PublicUserSchema } from './public-user-schema';
import { ROLES } from './role';
import { toPublicUser, withTokensRevoked, type UserRecord } from './user-record';
import type { UserStore } from './user-store';

export interface UserRouteDeps {
  users: UserStore;
  agencies: AgencyStore;
  passwords: PasswordHashing;
}

const RoleSchema = z.enum(ROLES as [UserRecord['role'], ...UserRecord['role'][]]);
// 'national' is named so that it is refused as forbidden (403), not as malformed.
const ScopeSchema = z.union([z.literal('province'), z.literal('national'), z.object({ agencyIds: z.array(z.string().min(1)).min(1) })]);
const ProvinceCodeSchema = z.string().regex(/^[0-9]{2}$/, 'two digits').describe("The administrator's own province; any other is refused (403)");
// Length, the username and common passwords are the password policy's (422 PASSWORD_TOO_WEAK, Vietnamese messages).
const PasswordSchema = z.string().min(1).max(MAX_PASSWORD_LENGTH);

const NewUserSchema = z
  .object({
    username: z.string().trim().min(2).max(100).regex(/^[\p{L}\p{N}._@-]+$/u, 'letters, digits and . _ @ - only'),
    displayName: z.string().trim().min(1).max(200),
    provinceCode: ProvinceCodeSchema.optional(),
    role: RoleSchema,
    agencyId: z.string().min(1),
    departmentId: z.string().min(1).optional(),
    supervisorScope: ScopeSchema.optional(),
    email: z.email().optional(),
    phone: z.string().max(30).optional(),
    password: PasswordSchema,
  })
  .openapi('NewUser');

const UserChangeSchema = z
  .object({
    displayName: z.string().trim().min(1).max(200),
    provinceCode: ProvinceCodeSchema,
    role: RoleSchema,
    agencyId: z.string().min(1),
    departmentId: z.string().min(1).nullable(),
    supervisorScope: ScopeSchema.nullable(),
    email: z.email().nullable(),
    phone: z.string().max(30).nullable(),
    disabled: z.boolean(),
    password: PasswordSchema,
  })
  .partial()
  .openapi('UserChange');

const IdParam = z.object({ id: z.string().min(1).openapi({ param: { name: 'id', in: 'path' } }) });
const security = [{ bearerAuth: [] }];
const refusals = {
  400: problemResponse('Malformed request (VALIDATION_FAILED)'),
  401: problemResponse('Not signed in (UNAUTHENTICATED)'),
  403: problemResponse('Not an administrator, or a user of another province or with the national scope (FORBIDDEN)'),
};

const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['users'],
  security,
  request: { query: z.object({ agencyId: z.string().optional(), role: RoleSchema.optional() }) },
  responses: { 200: { description: 'Users in username order', content: { 'application/json': { schema: z.array(PublicUserSchema) } } }, ...refusals },
});

const createUserRoute = createRoute({
  method: 'post',
  path: '/',
  tags: ['users'],
  security,
  request: { body: { required: true, content: { 'application/json': { schema: NewUserSchema } } } },
  responses: {
    201: { description: 'Created', content: { 'application/json': { schema: PublicUserSchema } } },
    ...refusals,
    409: problemResponse('The username is taken (USERNAME_TAKEN)'),
    422: problemResponse('Unknown agency or department, or a supervisor without a scope (USER_INVALID); a weak password (PASSWORD_TOO_WEAK)'),
  },
});

const changeUserRoute = createRoute({
  method: 'patch',
  path: '/{id}',
  tags: ['users'],
  security,
  request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: UserChangeSchema } } } },
  responses: {
    200: { description: 'Changed', content: { 'application/json': { schema: PublicUserSchema } } },
    ...refusals,
    404: problemResponse('No such user (USER_NOT_FOUND)'),
    422: problemResponse('Unknown agency or department, a supervisor without a scope, or an administrator locking themselves out (USER_INVALID); a weak password (PASSWORD_TOO_WEAK)'),
  },
});

/** A user of another province, or a national supervisor: beyond what a province's administrator may make. */
function assertInProvince(user: Pick<UserRecord, 'provinceCode' | 'supervisorScope'>, provinceCode: string): void {
  if (user.provinceCode !== provinceCode) throw forbidden(`Bạn chỉ quản lý người dùng của tỉnh ${provinceCode}.`);
  if (user.supervisorScope === 'national') throw forbidden('Chỉ lệnh create-admin trên máy chủ mới tạo được người giám sát toàn quốc.');
}

const invalid = (detail: string) => new HttpProblem({ status: 422, code: 'USER_INVALID', title: 'The user is not valid', detail });

/** Checks what the schemas cannot: the unit exists in the directory, and a supervisor has a scope. */
async function assertConsistent(user: UserRecord, agencies: AgencyStore): Promise<void> {
  const agency = await agencies.get(user.agencyId);
  if (!agency) throw invalid(`There is no agency ${user.agencyId}.`);
  if (user.departmentId !== undefined && !agency.departments.some((department) => department.id === user.departmentId)) {
    throw invalid(`${agency.name} has no department ${user.departmentId}.`);
  }
  if (user.role === 'supervisor' && user.supervisorScope === undefined) throw invalid('A supervisor needs a supervision scope.');
  if (user.role !== 'supervisor' && user.supervisorScope !== undefined) throw invalid('Only a supervisor has a supervision scope.');
}

/** Mount under `/api/users`. */
export function createUserRoutes(deps: UserRouteDeps): OpenAPIHono {
  const routes = createApiRouter();
  routes.use('*', async (c, next) => {
    assertAllowed(principalOf(c), 'user.manage');
    await next();
  });

  routes.openapi(listRoute, async (c) => {
    const users = await deps.users.list(c.req.valid('query'));
    return c.json(users.map(toPublicUser), 200);
  });

  routes.openapi(createUserRoute, async (c) => {
    const { password, ...fields } = c.req.valid('json');
    const { provinceCode } = principalOf(c);
    assertInProvince({ provinceCode, ...fields }, provinceCode);
    assertPasswordAcceptable(password, fields.username);
    const user: UserRecord = { ...fields, provinceCode, id: randomUUID(), passwordHash: await deps.passwords.hashPassword(password) };
    await assertConsistent(user, deps.agencies);
    const taken = () => new HttpProblem({ status: 409, code: 'USERNAME_TAKEN', title: 'The username is taken', detail: `${user.username} already exists.` });
    // Usernames are unique across provinces (sign-in finds a user before the province is known).
    if (await nationally(async () => await deps.users.getByUsername(user.username))) throw taken();
    try {
      await deps.users.create(user);
    } catch (error) {
      if (error instanceof DuplicateKey) throw taken();
      throw error;
    }
    await recordAdministration(c, { action: 'user.created', target: { kind: 'user', id: user.id }, after: toPublicUser(user) });
    c.header('location', `/api/users/${user.id}`);
    return c.json(toPublicUser(user), 201);
  });

  routes.openapi(changeUserRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { password, ...change } = c.req.valid('json');
    const stored = await deps.users.get(id);
    if (!stored) throw new HttpProblem({ status: 404, code: 'USER_NOT_FOUND', title: 'No such user', detail: `There is no user ${id}.` });
    // A national supervisor stored in this province is the server host's to manage, as is moving anyone elsewhere.
    assertInProvince({ provinceCode: change.provinceCode ?? stored.provinceCode, supervisorScope: change.supervisorScope ?? stored.supervisorScope }, principalOf(c).provinceCode);
    let changed: UserRecord = { ...stored };
    for (const [field, value] of Object.entries(change)) {
      // null removes an optional field; undefined (absent) keeps it.
      if (value === null) delete (changed as unknown as Record<string, unknown>)[field];
      else if (value !== undefined) (changed as unknown as Record<string, unknown>)[field] = value;
    }
    if (password !== undefined) {
      assertPasswordAcceptable(password, changed.username);
      changed.passwordHash = await deps.passwords.hashPassword(password);
    }
    // A reset password or a disabled account ends every session the user has (a lost phone, a leaver).
    if (password !== undefined || (changed.disabled && !stored.disabled)) changed = withTokensRevoked(changed);
    if (id === principalOf(c).userId && (changed.role !== 'administrator' || changed.disabled)) {
      throw invalid('You cannot remove your own administrator role or disable yourself.');
    }
    await assertConsistent(changed, deps.agencies);
    await deps.users.update(changed);
    // The public view on both sides (never the password hash); a new password shows as `passwordChanged`.
    await recordAdministration(c, {
      action: 'user.changed',
      target: { kind: 'user', id },
      before: toPublicUser(stored),
      after: { ...toPublicUser(changed), ...(password !== undefined ? { passwordChanged: true } : {}) },
    });
    return c.json(toPublicUser(changed), 200);
  });

  return routes;
}
