/**
 * @module create-administrator — the first administrator of a deployment without demo data, and the way back in
 * when every administrator's password is lost (`reset`). Run by `npm run create-admin` (server/src/create-admin.ts)
 * on the server's host: whoever can run it can already read the database, so it needs no sign-in of its own.
 */
import { randomUUID } from 'node:crypto';
import type { AgencyRecord, AgencyStore } from './agency-store';
import type { PasswordHashing } from './password-hashing';
import { assertPasswordAcceptable } from './password-policy';
import { toPublicUser, withTokensRevoked, type PublicUser, type UserRecord } from './user-record';
import type { UserStore } from './user-store';

export interface CreateAdministratorDeps {
  users: UserStore;
  agencies: AgencyStore;
  passwords: PasswordHashing;
}

export interface CreateAdministratorInput {
  username: string;
  password: string;
  displayName?: string;
  /** The administrator's agency; created (as the province) when the directory has none of that id. `ubnd-tinh` by default. */
  agencyId?: string;
  agencyName?: string;
  /** Set a new password for an existing administrator (enabling them again, ending their sessions) instead of refusing. */
  reset?: boolean;
}

/** A refusal the command prints as it is: the user name is taken, not an administrator, or not valid. */
export class CreateAdministratorRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CreateAdministratorRefused';
  }
}

export const DEFAULT_ADMIN_AGENCY: AgencyRecord = { id: 'ubnd-tinh', name: 'Ủy ban nhân dân tỉnh', kind: 'province', departments: [] };

/** The same user names `POST /api/users` accepts. */
const USERNAME = /^[\p{L}\p{N}._@-]{2,100}$/u;

/**
 * Creates the administrator (or, with `reset`, sets an existing administrator's password) after checking the password
 * policy; throws the policy's `PASSWORD_TOO_WEAK` problem or `CreateAdministratorRefused`.
 *
 * @example
 * const { user, created } = await createAdministrator({ users, agencies, passwords }, { username: 'quantri.tinh', password });
 */
export async function createAdministrator(deps: CreateAdministratorDeps, input: CreateAdministratorInput): Promise<{ user: PublicUser; created: boolean }> {
  const username = input.username.trim();
  if (!USERNAME.test(username)) throw new CreateAdministratorRefused(`"${username}" is not a valid user name: 2 to 100 letters, digits and . _ @ -`);
  assertPasswordAcceptable(input.password, username);

  const existing = await deps.users.getByUsername(username);
  if (existing) {
    if (!input.reset) throw new CreateAdministratorRefused(`${username} already exists; add --reset to give this administrator a new password`);
    if (existing.role !== 'administrator') throw new CreateAdministratorRefused(`${username} is a ${existing.role}, not an administrator; --reset only resets administrators`);
    const reset = withTokensRevoked({ ...existing, disabled: false, passwordHash: await deps.passwords.hashPassword(input.password) });
    await deps.users.update(reset);
    return { user: toPublicUser(reset), created: false };
  }

  const agencyId = input.agencyId ?? DEFAULT_ADMIN_AGENCY.id;
  if (!(await deps.agencies.get(agencyId))) {
    await deps.agencies.put({ ...DEFAULT_ADMIN_AGENCY, id: agencyId, name: input.agencyName ?? DEFAULT_ADMIN_AGENCY.name });
  }
  const user: UserRecord = {
    id: randomUUID(),
    username,
    displayName: input.displayName ?? 'Quản trị hệ thống',
    role: 'administrator',
    agencyId,
    passwordHash: await deps.passwords.hashPassword(input.password),
  };
  await deps.users.create(user);
  return { user: toPublicUser(user), created: true };
}
