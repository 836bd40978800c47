import { describe, expect, it } from 'vitest';
import { createPasswordHashing } from '../../../server/src/access/password-hashing';

describe('password hashing', () => {
  const hashing = createPasswordHashing();

  it('stores argon2id PHC strings with 19 MiB, two passes and a fresh salt each time', async () => {
    // when
    const first = await hashing.hashPassword('Mật khẩu 123');
    const second = await hashing.hashPassword('Mật khẩu 123');
    // then
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(second).not.toBe(first);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    // given
    const stored = await hashing.hashPassword('Mật khẩu 123');
    // then
    expect(await hashing.verifyPassword(stored, 'Mật khẩu 123')).toBe(true);
    expect(await hashing.verifyPassword(stored, 'mật khẩu 123')).toBe(false);
  });

  it('refuses a stored value that is not an argon2id hash, such as a plain-text password or an argon2i hash', async () => {
    expect(await hashing.verifyPassword('Mật khẩu 123', 'Mật khẩu 123')).toBe(false);
    expect(await hashing.verifyPassword('$argon2i$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$aGFzaA', 'x')).toBe(false);
  });
});
