import { describe, expect, it } from 'vitest';
import { createAgencyRoutes } from '../../../server/src/access/agency-routes';
import { DEMO_AGENCIES } from '../../../server/src/access/demo-agencies';
import { createUserRoutes } from '../../../server/src/access/user-routes';
import { MemoryAgencyStore } from '../../../server/src/persistence/memory/memory-agency-store';
import { MemoryAdminAuditStore } from '../../../server/src/persistence/memory/memory-admin-audit-store';
import { createAdminAuditTrail, installAdminAuditTrail } from '../../../server/src/audit/admin-audit-trail';
import { aUser, createAccessTestApp, createTestClock, passwords, postJson } from './access-test-app';

async function adminApp() {
  const agencies = new MemoryAgencyStore();
  for (const agency of DEMO_AGENCIES) await agencies.put({ ...agency, provinceCode: '00' });
  const setup = await createAccessTestApp({
    users: [
      aUser({ id: 'u-admin', username: 'admin', role: 'administrator', agencyId: 'tinh-demo' }),
      aUser({ id: 'u-official', username: 'official.motcua', agencyId: 'ttpvhcc', departmentId: 'quay-mot-cua' }),
    ],
    extra: (app, { users }) => {
      // The administrative routes record each change in the audit of administration.
      app.use('/api/*', installAdminAuditTrail(createAdminAuditTrail({ store: new MemoryAdminAuditStore(), clock: createTestClock() })));
      app.route('/api/users', createUserRoutes({ users, agencies, passwords }));
      app.route('/api/agencies', createAgencyRoutes({ agencies }));
    },
  });
  return { ...setup, agencies };
}

const newOfficial = {
  username: 'official.thue2',
  displayName: 'Lý Thị Thuế',
  role: 'official',
  agencyId: 'thue-co-so',
  email: 'thue2@demo.gov.vn',
  password: 'mật khẩu đủ dài',
};

const patch = (body: unknown, headers: Record<string, string>): RequestInit => ({ ...postJson(body, headers), method: 'PATCH' });

describe('user management', () => {
  it('lets an administrator create a user who can then sign in with the initial password', async () => {
    // given
    const { app, bearer } = await adminApp();
    // when
    const created = await app.request('/api/users', postJson(newOfficial, await bearer('admin')));
    const signIn = await app.request('/api/auth/sign-in', postJson({ username: 'official.thue2', password: 'mật khẩu đủ dài' }));
    const listed = await app.request('/api/users?agencyId=thue-co-so', { headers: await bearer('admin') });
    // then
    expect(created.status).toBe(201);
    const user = await created.json();
    expect(user).toMatchObject({ username: 'official.thue2', role: 'official', agencyId: 'thue-co-so' });
    expect(user).not.toHaveProperty('passwordHash');
    expect(created.headers.get('location')).toBe(`/api/users/${user.id}`);
    expect(signIn.status).toBe(200);
    expect(listed.status).toBe(200);
    expect((await listed.json()).map((listedUser: { username: string }) => listedUser.username)).toEqual(['official.thue2']);
  });

  it('answers 403 FORBIDDEN when an official lists or creates users', async () => {
    // given
    const { app, bearer } = await adminApp();
    const headers = await bearer('official.motcua');
    // when
    const list = await app.request('/api/users', { headers });
    const create = await app.request('/api/users', postJson(newOfficial, headers));
    // then
    expect(list.status).toBe(403);
    expect(await list.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect(create.status).toBe(403);
  });

  it('refuses a taken username with 409 and an unknown department or a supervisor without scope with 422', async () => {
    // given
    const { app, bearer } = await adminApp();
    const headers = await bearer('admin');
    // when
    const taken = await app.request('/api/users', postJson({ ...newOfficial, username: 'official.motcua' }, headers));
    const unknownDepartment = await app.request('/api/users', postJson({ ...newOfficial, departmentId: 'phong-ma' }, headers));
    const scopeless = await app.request('/api/users', postJson({ ...newOfficial, role: 'supervisor' }, headers));
    // then
    expect(taken.status).toBe(409);
    expect(await taken.json()).toMatchObject({ code: 'USERNAME_TAKEN' });
    expect(unknownDepartment.status).toBe(422);
    expect(await unknownDepartment.json()).toMatchObject({ code: 'USER_INVALID' });
    expect(scopeless.status).toBe(422);
  });

  it('disables a user, whose session then stops working, and removes a field given as null', async () => {
    // given
    const { app, bearer, users } = await adminApp();
    const officialSession = await bearer('official.motcua');
    // when
    const changed = await app.request('/api/users/u-official', patch({ disabled: true, departmentId: null }, await bearer('admin')));
    const afterwards = await app.request('/api/auth/me', { headers: officialSession });
    // then
    expect(changed.status).toBe(200);
    expect(await users.get('u-official')).toMatchObject({ disabled: true });
    expect((await users.get('u-official'))?.departmentId).toBeUndefined();
    expect(afterwards.status).toBe(401);
  });

  it('keeps an administrator from disabling themselves', async () => {
    // given
    const { app, bearer } = await adminApp();
    // when
    const response = await app.request('/api/users/u-admin', patch({ disabled: true }, await bearer('admin')));
    // then
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ code: 'USER_INVALID' });
  });

  it('shows the agency directory to any signed-in user, and lets only an administrator change it', async () => {
    // given
    const { app, bearer } = await adminApp();
    const ward = { name: 'UBND phường Demo', parentId: 'tinh-demo', kind: 'commune', departments: [] };
    // when
    const listed = await app.request('/api/agencies', { headers: await bearer('official.motcua') });
    const byOfficial = await app.request('/api/agencies/ubnd-phuong-demo', { ...postJson(ward, await bearer('official.motcua')), method: 'PUT' });
    const byAdmin = await app.request('/api/agencies/ubnd-phuong-demo', { ...postJson(ward, await bearer('admin')), method: 'PUT' });
    const orphan = await app.request('/api/agencies/x-1', { ...postJson({ ...ward, parentId: 'nowhere' }, await bearer('admin')), method: 'PUT' });
    // then
    expect(listed.status).toBe(200);
    expect((await listed.json()).map((agency: { id: string }) => agency.id)).toContain('ttpvhcc');
    expect(byOfficial.status).toBe(403);
    expect(byAdmin.status).toBe(200);
    expect(orphan.status).toBe(422);
  });
});
