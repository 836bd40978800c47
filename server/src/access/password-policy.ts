/**
 * @module password-policy — what a new password must be, for the first administrator, users an administrator creates
 * or resets, and every password change. Following NIST SP 800-63B §5.1.1.2: a minimum length, long passphrases
 * allowed, no composition rules, and a check against values that are commonly used or specific to the account.
 * Demo users (password = user name) are seeded without it, and only where demo data is asked for (`seed-demo-access`).
 */
import { HttpProblem } from '../http/http-problem';

/** At least 12 characters: the minimum, above NIST's 8 because officials' accounts reach citizens' data. */
export const MIN_PASSWORD_LENGTH = 12;
/** Bounded so that a huge password cannot make argon2's input (and time) grow without limit. */
export const MAX_PASSWORD_LENGTH = 1024;

export type PasswordFault = 'PASSWORD_TOO_SHORT' | 'PASSWORD_TOO_LONG' | 'PASSWORD_IS_USERNAME' | 'PASSWORD_TOO_COMMON';

/** The message the UI shows for each fault, in Vietnamese. */
export const PASSWORD_FAULT_MESSAGES: Record<PasswordFault, string> = {
  PASSWORD_TOO_SHORT: `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`,
  PASSWORD_TOO_LONG: `Mật khẩu không được dài quá ${MAX_PASSWORD_LENGTH} ký tự.`,
  PASSWORD_IS_USERNAME: 'Mật khẩu không được trùng với tên đăng nhập.',
  PASSWORD_TOO_COMMON: 'Mật khẩu này quá phổ biến, dễ bị đoán; hãy chọn mật khẩu khác.',
};

/**
 * Passwords of at least 12 characters that appear in public breach lists or are the obvious choices of a Vietnamese
 * office (mật khẩu, the product's name, the province). Compared after lower-casing and removing spaces and accents.
 */
const COMMON_PASSWORDS = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123456789abc',
  '1234567890qwerty',
  '111111111111',
  '000000000000',
  'qwertyuiop12',
  'qwertyuiop123',
  'qwerty123456',
  'qwertyuiopasdf',
  'asdfghjkl123',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'abc123456789',
  'abcd12345678',
  'abcdefghijkl',
  'password1234',
  'password12345',
  'password123456',
  'passw0rd1234',
  'administrator',
  'administrator1',
  'administrator123',
  'admin1234567',
  'admin123456789',
  'adminadmin123',
  'letmein12345',
  'welcome12345',
  'iloveyou1234',
  'changeme1234',
  'matkhau12345',
  'matkhau123456',
  'matkhaumoi123',
  'matkhaucuatoi',
  'toilanguoivietnam',
  'vietnam12345',
  'vietnam123456',
  'hanoi1234567',
  'quantrihethong',
  'quantrivien123',
  'lienthong123',
  'lienthong1234',
  'lienthong12345',
  'motcualienthong',
  'dichvucong123',
]);

/** Lower case, without spaces and Vietnamese accents: `Mật khẩu 12345` → `matkhau12345`. */
function normalised(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replaceAll('đ', 'd')
    .replaceAll('Đ', 'D')
    .toLowerCase()
    .replace(/\s+/g, '');
}

/** Every rule `password` breaks for the account `username`; empty when the password is acceptable. */
export function checkPassword(password: string, username: string): PasswordFault[] {
  const faults: PasswordFault[] = [];
  // Length in code points, so that a Vietnamese passphrase counts its letters, not its UTF-16 units.
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) faults.push('PASSWORD_TOO_SHORT');
  if (length > MAX_PASSWORD_LENGTH) faults.push('PASSWORD_TOO_LONG');
  const plain = normalised(password);
  if (username !== '' && plain === normalised(username)) faults.push('PASSWORD_IS_USERNAME');
  if (COMMON_PASSWORDS.has(plain) || /^(.)\1*$/u.test(plain)) faults.push('PASSWORD_TOO_COMMON');
  return faults;
}

/**
 * Throws a 422 `PASSWORD_TOO_WEAK` problem listing every broken rule (`faults`: stable English codes; `detail` and
 * `messages`: Vietnamese, for the UI) unless `password` is acceptable for `username`.
 */
export function assertPasswordAcceptable(password: string, username: string): void {
  const faults = checkPassword(password, username);
  if (faults.length === 0) return;
  const messages = faults.map((fault) => PASSWORD_FAULT_MESSAGES[fault]);
  throw new HttpProblem({
    status: 422,
    code: 'PASSWORD_TOO_WEAK',
    title: 'The password is too weak',
    detail: messages.join(' '),
    extensions: { faults, messages },
  });
}
