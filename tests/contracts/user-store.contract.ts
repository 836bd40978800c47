/** @module describeUserStoreContract — what every UserStore adapter must do. */
import { describe, expect, it } from 'vitest';
import { DuplicateKey } from '../../server/src/stores';
import type { UserRecord } from '../../server/src/access/user-record';
import { UserNotFound, type UserStore } from '../../server/src/access/user-store';
import { HOME_PROVINCE } from './support/beside-neighbour';

function aUser(id: string, overrides: Partial<UserRecord> = {}): UserRecord {
  return {
    id,
    username: `user.${id}`,
    displayName: `Người dùng ${id}`,
    provinceCode: HOME_PROVINCE,
    role: 'official',
    agencyId: 'ubnd-xa-demo',
    passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g',
    ...overrides,
  };
}

export function describeUserStoreContract(adapter: string, makeStore: () => Promise<UserStore>): void {
  describe(`UserStore contract (${adapter})`, () => {
    it('finds a created user by id and by username, with every field as stored', async () => {
      // given
      const users = await makeStore();
      const supervisor = aUser('s1', { role: 'supervisor', supervisorScope: { agencyIds: ['ubnd-xa-demo', 'cong-an-xa-demo'] }, email: 'gs@demo.gov.vn', phone: '0241234567' });
      // when
      await users.create(supervisor);
      await users.create(aUser('p1', { role: 'supervisor', supervisorScope: 'province', departmentId: 'vp' }));
      // then
      expect(await users.get('s1')).toEqual(supervisor);
      expect(await users.getByUsername('user.s1')).toEqual(supervisor);
      expect(await users.get('p1')).toMatchObject({ supervisorScope: 'province', departmentId: 'vp' });
      expect(await users.get('nobody')).toBeUndefined();
      expect(await users.getByUsername('nobody')).toBeUndefined();
    });

    it('refuses a second user with a taken id or a taken username, keeping the first', async () => {
      // given
      const users = await makeStore();
      await users.create(aUser('u1', { displayName: 'Đầu tiên' }));
      // when
      const sameId = users.create(aUser('u1', { username: 'another.name' }));
      const sameUsername = users.create(aUser('u2', { username: 'user.u1' }));
      // then
      await expect(sameId).rejects.toBeInstanceOf(DuplicateKey);
      await expect(sameUsername).rejects.toBeInstanceOf(DuplicateKey);
      expect((await users.getByUsername('user.u1'))?.displayName).toBe('Đầu tiên');
      expect(await users.get('u2')).toBeUndefined();
    });

    it('replaces a user on update, renaming and disabling included, and frees the old username', async () => {
      // given
      const users = await makeStore();
      await users.create(aUser('u1', { email: 'old@demo.gov.vn' }));
      // when
      const { email: _email, ...withoutEmail } = aUser('u1');
      await users.update({ ...withoutEmail, username: 'renamed', disabled: true });
      // then
      expect(await users.get('u1')).toEqual({ ...withoutEmail, username: 'renamed', disabled: true });
      expect(await users.getByUsername('user.u1')).toBeUndefined();
      await users.create(aUser('u2', { username: 'user.u1' }));
      expect((await users.getByUsername('user.u1'))?.id).toBe('u2');
    });

    it('refuses to update a user that does not exist, or to take the username of another', async () => {
      // given
      const users = await makeStore();
      await users.create(aUser('u1'));
      await users.create(aUser('u2'));
      // when
      const missing = users.update(aUser('ghost'));
      const clash = users.update(aUser('u2', { username: 'user.u1' }));
      // then
      await expect(missing).rejects.toBeInstanceOf(UserNotFound);
      await expect(clash).rejects.toBeInstanceOf(DuplicateKey);
      expect((await users.get('u2'))?.username).toBe('user.u2');
    });

    it('lists users in username order, filtered by agency and role', async () => {
      // given
      const users = await makeStore();
      await users.create(aUser('c', { username: 'official.congan', agencyId: 'cong-an-xa-demo' }));
      await users.create(aUser('b', { username: 'head.xa', role: 'headOfUnit' }));
      await users.create(aUser('a', { username: 'official.hotich' }));
      // when
      const all = await users.list();
      const commune = await users.list({ agencyId: 'ubnd-xa-demo' });
      const communeOfficials = await users.list({ agencyId: 'ubnd-xa-demo', role: 'official' });
      // then
      expect(all.map((user) => user.username)).toEqual(['head.xa', 'official.congan', 'official.hotich']);
      expect(commune.map((user) => user.id)).toEqual(['b', 'a']);
      expect(communeOfficials.map((user) => user.id)).toEqual(['a']);
    });

    it('finds users by the identity provider’s subject and by e-mail, for single sign-on, keeping a linked subject', async () => {
      // given one official linked to a subject at the province's provider, another known by e-mail only
      const users = await makeStore();
      await users.create(aUser('a', { username: 'official.hotich', email: 'hotich@xa.demo.gov.vn', oidcSubject: 'sub-hotich' }));
      await users.create(aUser('b', { username: 'official.congan', email: 'congan@xa.demo.gov.vn' }));
      // when the second is linked to their subject
      await users.update({ ...(await users.get('b'))!, oidcSubject: 'sub-congan' });
      // then each subject and each e-mail finds its one user, and an unknown one nobody
      expect((await users.list({ oidcSubject: 'sub-hotich' })).map((user) => user.id)).toEqual(['a']);
      expect((await users.list({ oidcSubject: 'sub-congan' })).map((user) => user.id)).toEqual(['b']);
      expect((await users.list({ email: 'congan@xa.demo.gov.vn' })).map((user) => user.id)).toEqual(['b']);
      expect(await users.list({ oidcSubject: 'sub-nobody' })).toEqual([]);
      expect((await users.get('b'))?.oidcSubject).toBe('sub-congan');
    });

    it('hands out copies: changing a returned user does not change the stored one', async () => {
      // given
      const users = await makeStore();
      await users.create(aUser('s1', { role: 'supervisor', supervisorScope: { agencyIds: ['a'] } }));
      // when
      const copy = await users.get('s1');
      (copy?.supervisorScope as { agencyIds: string[] }).agencyIds.push('b');
      // then
      expect((await users.get('s1'))?.supervisorScope).toEqual({ agencyIds: ['a'] });
    });
  });
}
