/**
 * @module create-administrator — the first administrator of a province without demo data, the way back in when every
 * administrator's password is lost (`reset`), and the national supervisors, who read every province and act on none
 * (issue 18 item 2). Run by `npm run create-admin` (server/src/create-admin.ts) on the server's host: whoever can run
 * it can already read the database, so it needs no sign-in of its own. It is the only way to make a national
 * supervisor or an administrator of a province: the API makes users of the administrator's own province only.
 */
import { randomUUID } from 'node:crypto';
import type { AgencyRecord, AgencyStore } from './agency-store';
import type { PasswordHashing } from './password-hashing';
import { assertPasswordAcceptable } from './password-policy';
import { toPublicUser, withTokensRevoked, type PublicUser, type UserRecord } from './user-record';
import type { UserStore } from './user-store';
import { DEFAULT_HOME_PROVINCE, inProvince, isProvinceCode, nationally } from '../tenancy/province-scope';

export interface CreateAdministratorDeps {
  users: UserStore;
  agencies: AgencyStore;
  passwords: PasswordHashing;
}

export interface CreateAdministratorInput {
  username: string;
  /** The province the user belongs to (and, for an administrator, manages); '00', the home province default, when absent. */
  provinceCode?: string;
  /** An administrator of the province (the default), or a national supervisor who reads every province. */
  kind?: 'administrator' | 'nationalSupervisor';
  password: string;
  displayName?: string;
  /** The administrator's agency; created (as the province) when the directory has none of that id. `ubnd-tinh` by default. */
  agencyId?: string;
  agencyName?: string;
  /** Set a new password for an existing user of that kind (enabling them again, ending their sessions) instead of refusing. */
  reset?: boolean;
}

/** A refusal the command prints as it is: the user name is taken, not an administrator, or not valid. */
export class CreateAdministratorRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CreateAdministratorRefused';
  }
}

export const DEFAULT_ADMIN_AGENCY: Omit<AgencyRecord, 'provinceCode'> = { id: 'ubnd-tinh', name: 'Ủy ban nhân dân tỉnh', kind: 'province', departments: [] };

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
  const provinceCode = input.provinceCode ?? DEFAULT_HOME_PROVINCE;
  if (!isProvinceCode(provinceCode)) throw new CreateAdministratorRefused(`"${provinceCode}" is not a province code: two digits, such as 79`);
  const national = input.kind === 'nationalSupervisor';
  const kindName = national ? 'a national supervisor' : 'an administrator';
  assertPasswordAcceptable(input.password, username);

  // Usernames are unique in the whole deployment: look in every province.
  const existing = await nationally(async () => await deps.users.getByUsername(username));
  if (existing) {
    if (!input.reset) throw new CreateAdministratorRefused(`${username} already exists; add --reset to give this user a new password`);
    const sameKind = national ? existing.supervisorScope === 'national' : existing.role === 'administrator';
    if (!sameKind) throw new CreateAdministratorRefused(`${username} is not ${kindName}; --reset only resets ${kindName}`);
    const reset = withTokensRevoked({ ...existing, disabled: false, passwordHash: await deps.passwords.hashPassword(input.password) });
    await inProvince(existing.provinceCode, async () => await deps.users.update(reset));
    return { user: toPublicUser(reset), created: false };
  }

  const agencyId = input.agencyId ?? DEFAULT_ADMIN_AGENCY.id;
  const user: UserRecord = {
    id: randomUUID(),
    username,
    displayName: input.displayName ?? (national ? 'Giám sát toàn quốc' : 'Quản trị hệ thống'),
    provinceCode,
    ...(national ? { role: 'supervisor', supervisorScope: 'national' } : { role: 'administrator' }),
    agencyId,
    passwordHash: await deps.passwords.hashPassword(input.password),
  };
  await inProvince(provinceCode, async () => {
    if (!(await deps.agencies.get(agencyId))) {
      const holder = await nationally(async () => await deps.agencies.get(agencyId));
      if (holder) throw new CreateAdministratorRefused(`the agency ${agencyId} belongs to province ${holder.provinceCode}, not ${provinceCode}`);
      await deps.agencies.put({ ...DEFAULT_ADMIN_AGENCY, id: agencyId, name: input.agencyName ?? DEFAULT_ADMIN_AGENCY.name, provinceCode });
    }
    await deps.users.create(user);
  });
  return { user: toPublicUser(user), created: true };
}
