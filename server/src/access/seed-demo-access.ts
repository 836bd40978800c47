/**
 * @module seed-demo-access — puts the demo agencies and users into their stores for `npm start`, in the province the
 * seeding runs in (the home province, or the one `inProvince` names). Users that exist already (a restart on a kept
 * database) are left alone, so a changed demo password survives.
 */
import { DEMO_AGENCIES } from './demo-agencies';
import { DEMO_USERS } from './demo-users';
import type { AgencyStore } from './agency-store';
import type { PasswordHashing } from './password-hashing';
import type { UserStore } from './user-store';
import { writingProvince } from '../tenancy/province-scope';

export interface SeedDemoAccessDeps {
  users: UserStore;
  agencies: AgencyStore;
  passwords: PasswordHashing;
}

/** Seeds and returns the demo sign-ins (username = password) for `npm start` to print. */
export async function seedDemoAccess(deps: SeedDemoAccessDeps): Promise<{ username: string; role: string; password: string }[]> {
  const provinceCode = writingProvince('Seeding the demo');
  for (const agency of DEMO_AGENCIES) await deps.agencies.put({ ...agency, provinceCode });
  const signIns = [];
  for (const user of DEMO_USERS) {
    if (!(await deps.users.getByUsername(user.username))) {
      await deps.users.create({ ...user, provinceCode, passwordHash: await deps.passwords.hashPassword(user.username) });
    }
    signIns.push({ username: user.username, role: user.role, password: user.username });
  }
  return signIns;
}
