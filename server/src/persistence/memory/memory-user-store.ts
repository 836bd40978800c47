/** @module MemoryUserStore — users in a Map with a unique username index, for tests and the demo. */
import { DuplicateKey } from '../../stores';
import { UserNotFound, type UserQuery, type UserStore } from '../../access/user-store';
import type { UserRecord } from '../../access/user-record';
import { firstFound, sortedBy, type NationalReads } from './province-partitioned';

export class MemoryUserStore implements UserStore {
  /** How each read is answered in a national scope; every other method writes (province-partitioned.ts). */
  static readonly nationalReads: NationalReads<MemoryUserStore> = {
    get: firstFound,
    getByUsername: firstFound,
    list: sortedBy<UserRecord>((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0)),
  };

  private readonly byId = new Map<string, UserRecord>();
  private readonly idByUsername = new Map<string, string>();

  async get(id: string): Promise<UserRecord | undefined> {
    const user = this.byId.get(id);
    return user && structuredClone(user);
  }

  async getByUsername(username: string): Promise<UserRecord | undefined> {
    const id = this.idByUsername.get(username);
    return id === undefined ? undefined : this.get(id);
  }

  async create(user: UserRecord): Promise<UserRecord> {
    if (this.byId.has(user.id)) throw new DuplicateKey('users', user.id);
    if (this.idByUsername.has(user.username)) throw new DuplicateKey('users', user.username);
    this.byId.set(user.id, structuredClone(user));
    this.idByUsername.set(user.username, user.id);
    return structuredClone(user);
  }

  async update(user: UserRecord): Promise<UserRecord> {
    const stored = this.byId.get(user.id);
    if (!stored) throw new UserNotFound(user.id);
    const holder = this.idByUsername.get(user.username);
    if (holder !== undefined && holder !== user.id) throw new DuplicateKey('users', user.username);
    this.idByUsername.delete(stored.username);
    this.idByUsername.set(user.username, user.id);
    this.byId.set(user.id, structuredClone(user));
    return structuredClone(user);
  }

  async list(query: UserQuery = {}): Promise<UserRecord[]> {
    return [...this.byId.values()]
      .filter(
        (user) =>
          (query.agencyId === undefined || user.agencyId === query.agencyId) &&
          (query.role === undefined || user.role === query.role) &&
          (query.oidcSubject === undefined || user.oidcSubject === query.oidcSubject) &&
          (query.email === undefined || user.email === query.email),
      )
      .sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0)) // code-unit order, as MongoDB sorts
      .map((user) => structuredClone(user));
  }
}
