/**
 * @module user-record — one person who signs in, bound to a province, an agency (and maybe a department) with one
 * role. The province is a field of the record, not only of where it is stored (issue 18 item 2): sign-in finds a user
 * by username across every province, and the request then acts in the province the record names.
 */
import type { Role } from './role';

/**
 * Which agencies a supervisor watches: a list, every agency of their province, or every agency of every province
 * (`national`: a national supervisor reads all provinces and acts on none; only `npm run create-admin` makes one).
 */
export type SupervisorScope = { agencyIds: string[] } | 'province' | 'national';

/** Whether a supervisor with this scope watches every agency they can see (their province's, or all). */
export function watchesEveryAgency(scope: SupervisorScope | undefined): scope is 'province' | 'national' {
  return scope === 'province' || scope === 'national';
}

export interface UserRecord {
  id: string;
  /** Unique sign-in name, compared exactly (the demo uses lower-case names such as `official.motcua`). */
  username: string;
  displayName: string;
  /** The province the user belongs to (two digits); every request of theirs acts in it (tenancy/province-scope.ts). */
  provinceCode: string;
  role: Role;
  /** The agency the user works for (its national identifier, as in dossier codes). */
  agencyId: string;
  departmentId?: string;
  /** Only for supervisors. */
  supervisorScope?: SupervisorScope;
  /** An argon2id PHC string (`$argon2id$v=19$m=…`); never leaves the server. */
  passwordHash: string;
  email?: string;
  phone?: string;
  /**
   * The subject (`sub`) the province's identity provider gives this person (OpenID Connect Core §2), linked at their
   * first single sign-on matched by e-mail; from then on the subject alone finds them.
   */
  oidcSubject?: string;
  /** A disabled user cannot sign in, and tokens issued before are refused. */
  disabled?: boolean;
  /**
   * Carried in every session token; bumping it revokes every token issued before (sign-out, password change, an
   * administrator disabling the user or setting their password). Absent means 0.
   */
  tokenVersion?: number;
}

/** What the API shows of a user: everything but the password hash, the token version and the provider's subject. */
export type PublicUser = Omit<UserRecord, 'passwordHash' | 'tokenVersion' | 'oidcSubject'>;

export function toPublicUser(user: UserRecord): PublicUser {
  const { passwordHash: _passwordHash, tokenVersion: _tokenVersion, oidcSubject: _oidcSubject, ...visible } = user;
  return visible;
}

/** The user with every session token issued so far revoked. */
export function withTokensRevoked(user: UserRecord): UserRecord {
  return { ...user, tokenVersion: (user.tokenVersion ?? 0) + 1 };
}
