import { describe, expect, it } from 'vitest';
import { createAdministrator } from '../../../server/src/access/create-administrator';
import { createApp } from '../../../server/src/create-app';
import { createLogger } from '../../../server/src/logger';
import { createMemoryAccessStores } from '../../../server/src/persistence/memory/create-memory-access-stores';
import { createMemoryStores } from '../../../server/src/persistence/memory/create-memory-stores';
import { createSimulatedClock } from '../../support/test-app';
import { passwords } from './access-test-app';
import { inProvince } from '../../../server/src/tenancy/province-scope';

/** A whole app on an empty directory: what a deployment without demo data (SEED_DEMO=0) starts with. */
function emptyDeployment() {
  const access = createMemoryAccessStores();
  const app = createApp({
    stores: createMemoryStores(),
    access,
    clock: createSimulatedClock(Date.UTC(2025, 2, 3, 1, 37)),
    logger: createLogger({ level: 'silent' }),
    backend: 'memory',
    pingDatabase: async () => undefined,
    sessionSecret: 'first-administrator-test-key-0123456789',
  });
  const signIn = (username: string, password: string) =>
    app.request('/api/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  return { app, access, signIn };
}

const PASSWORD = 'Đèo Hải Vân mây trắng 7';

describe('the first administrator (npm run create-admin)', () => {
  it('creates an administrator, and their agency, who signs in and manages users on a deployment without demo data', async () => {
    // given a deployment whose directory is empty, where admin/admin does not exist
    const { app, access, signIn } = emptyDeployment();
    expect((await signIn('admin', 'admin')).status).toBe(401);
    // when the operator creates the first administrator
    const { user, created } = await createAdministrator({ ...access, passwords }, { username: 'quantri.tinh', password: PASSWORD, agencyId: '000.00.00.H10', agencyName: 'UBND tỉnh Demo' });
    // then the administrator signs in and lists users, at an agency the directory now has
    expect(created).toBe(true);
    expect(user).toMatchObject({ username: 'quantri.tinh', role: 'administrator', agencyId: '000.00.00.H10' });
    expect(user).not.toHaveProperty('passwordHash');
    const session = await signIn('quantri.tinh', PASSWORD);
    expect(session.status).toBe(200);
    const { token } = (await session.json()) as { token: string };
    const users = await app.request('/api/users', { headers: { authorization: `Bearer ${token}` } });
    expect(users.status).toBe(200);
    expect(await access.agencies.get('000.00.00.H10')).toMatchObject({ name: 'UBND tỉnh Demo', kind: 'province' });
  });

  it('refuses a password under 12 characters, equal to the user name or common, naming every fault in Vietnamese', async () => {
    // given
    const { access } = emptyDeployment();
    const create = (username: string, password: string) => createAdministrator({ ...access, passwords }, { username, password }).catch((error: unknown) => error);
    // when
    const faults = await Promise.all([create('quantri', 'admin'), create('quantri.tinh.demo', 'Quantri.Tinh.Demo'), create('quantri', 'password1234')]);
    // then
    expect(faults.map((fault) => (fault as { code: string }).code)).toEqual(['PASSWORD_TOO_WEAK', 'PASSWORD_TOO_WEAK', 'PASSWORD_TOO_WEAK']);
    expect(faults.map((fault) => (fault as { extensions: { faults: string[] } }).extensions.faults)).toEqual([['PASSWORD_TOO_SHORT'], ['PASSWORD_IS_USERNAME'], ['PASSWORD_TOO_COMMON']]);
    expect((faults[0] as Error).message).toBe('Mật khẩu phải có ít nhất 12 ký tự.');
    expect(await access.users.list()).toEqual([]);
  });

  it('refuses a taken user name, and with --reset gives an administrator a new password, enables them and ends their sessions', async () => {
    // given an administrator with a session, later disabled
    const { app, access, signIn } = emptyDeployment();
    await createAdministrator({ ...access, passwords }, { username: 'quantri.tinh', password: PASSWORD });
    const { token } = (await (await signIn('quantri.tinh', PASSWORD)).json()) as { token: string };
    const stored = (await access.users.getByUsername('quantri.tinh'))!;
    await access.users.update({ ...stored, disabled: true });
    // when the operator runs the command again, without and with --reset
    const taken = await createAdministrator({ ...access, passwords }, { username: 'quantri.tinh', password: 'một mật khẩu khác hẳn' }).catch((error: Error) => error);
    const reset = await createAdministrator({ ...access, passwords }, { username: 'quantri.tinh', password: 'một mật khẩu khác hẳn', reset: true });
    // then only the reset changed the password, the administrator signs in again, and the old session stays over
    expect((taken as Error).message).toContain('already exists');
    expect(reset.created).toBe(false);
    expect((await signIn('quantri.tinh', 'một mật khẩu khác hẳn')).status).toBe(200);
    expect((await app.request('/api/auth/me', { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });
  it('creates an administrator of province 79 who manages only it, and a national supervisor who reads and cannot be reset as an administrator', async () => {
    // given an empty deployment
    const { app, access, signIn } = emptyDeployment();
    // when the operator runs the command with --province 79, and with --national-supervisor
    const admin = await createAdministrator({ ...access, passwords }, { username: 'quantri.hcm', password: PASSWORD, provinceCode: '79', agencyId: '000.00.00.H29', agencyName: 'UBND TP. Hồ Chí Minh' });
    const national = await createAdministrator({ ...access, passwords }, { username: 'giamsat.quocgia', password: PASSWORD, kind: 'nationalSupervisor', agencyId: 'vpcp', agencyName: 'Văn phòng Chính phủ' });
    const wrongReset = await createAdministrator({ ...access, passwords }, { username: 'giamsat.quocgia', password: PASSWORD, reset: true }).catch((error: Error) => error);
    // then the administrator is of province 79 with an agency there, the supervisor national, and --reset refuses the wrong kind
    expect(admin.user).toMatchObject({ provinceCode: '79', role: 'administrator' });
    expect(await inProvince('79', async () => await access.agencies.get('000.00.00.H29'))).toMatchObject({ provinceCode: '79' });
    expect(national.user).toMatchObject({ role: 'supervisor', supervisorScope: 'national' });
    expect((wrongReset as Error).message).toContain('not an administrator');
    // and the administrator, signed in, lists province 79's users only
    const { token } = (await (await signIn('quantri.hcm', PASSWORD)).json()) as { token: string };
    const users = (await (await app.request('/api/users', { headers: { authorization: `Bearer ${token}` } })).json()) as { username: string }[];
    expect(users.map((user) => user.username)).toEqual(['quantri.hcm']);
  });
});
