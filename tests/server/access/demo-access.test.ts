import { describe, expect, it } from 'vitest';
import { DEMO_AGENCIES } from '../../../server/src/access/demo-agencies';
import { DEMO_USERS } from '../../../server/src/access/demo-users';
import { seedDemoAccess } from '../../../server/src/access/seed-demo-access';
import { ROLES } from '../../../server/src/access/role';
import { MemoryAgencyStore } from '../../../server/src/persistence/memory/memory-agency-store';
import { MemoryUserStore } from '../../../server/src/persistence/memory/memory-user-store';
import { passwords } from './access-test-app';

describe('demo agencies and users', () => {
  it('binds every demo user to an agency, and department, that the demo directory has', () => {
    // given
    const agencies = new Map(DEMO_AGENCIES.map((agency) => [agency.id, agency]));
    // then
    for (const user of DEMO_USERS) {
      const agency = agencies.get(user.agencyId);
      expect(agency, user.username).toBeDefined();
      if (user.departmentId) expect(agency?.departments.map((department) => department.id), user.username).toContain(user.departmentId);
      if (typeof user.supervisorScope === 'object') for (const id of user.supervisorScope.agencyIds) expect(agencies.has(id)).toBe(true);
    }
  });

  it('has a user of every role and the usernames the README names', () => {
    expect(new Set(DEMO_USERS.map((user) => user.role))).toEqual(new Set(ROLES));
    expect(DEMO_USERS.map((user) => user.username)).toEqual(expect.arrayContaining(['admin', 'analyst', 'official.motcua', 'head.motcua', 'official.congan', 'supervisor']));
  });

  it('seeds users whose password is their username, and leaves an existing user alone on a second seeding', async () => {
    // given
    const users = new MemoryUserStore();
    const agencies = new MemoryAgencyStore();
    const signIns = await seedDemoAccess({ users, agencies, passwords });
    const admin = await users.getByUsername('admin');
    await users.update({ ...admin!, passwordHash: await passwords.hashPassword('changed') });
    // when
    await seedDemoAccess({ users, agencies, passwords });
    // then
    expect(signIns).toContainEqual({ username: 'official.motcua', role: 'official', password: 'official.motcua' });
    expect(await passwords.verifyPassword((await users.getByUsername('official.motcua'))!.passwordHash, 'official.motcua')).toBe(true);
    expect(await passwords.verifyPassword((await users.getByUsername('admin'))!.passwordHash, 'changed')).toBe(true);
    expect(await agencies.list()).toHaveLength(DEMO_AGENCIES.length);
  });
});
