/** @module user-store — the port through which the server keeps users; adapters live under persistence/. */
import type { Role } from './role';
import type { UserRecord } from './user-record';

export interface UserQuery {
  agencyId?: string;
  role?: Role;
  /** Single sign-on finds a person by the provider's subject, else by e-mail (oidc-account.ts). */
  oidcSubject?: string;
  email?: string;
}

/**
 * Users by id and by unique username. `create` throws `DuplicateKey` (engine ports) when the id or the username is
 * taken; `update` replaces the stored user and throws `UserNotFound` when there is none.
 */
export interface UserStore {
  get(id: string): Promise<UserRecord | undefined>;
  getByUsername(username: string): Promise<UserRecord | undefined>;
  create(user: UserRecord): Promise<UserRecord>;
  update(user: UserRecord): Promise<UserRecord>;
  /** Users matching every given field, in username order. */
  list(query?: UserQuery): Promise<UserRecord[]>;
}

/** Thrown by `UserStore.update` for an id that is not stored. */
export class UserNotFound extends Error {
  constructor(readonly userId: string) {
    super(`user ${userId} does not exist`);
    this.name = 'UserNotFound';
  }
}
