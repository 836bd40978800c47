/** @module MongoUserStore — UserStore on the `users` collection. */
import { DuplicateKey } from '../../stores';
import type { UserRecord } from '../../access/user-record';
import { UserNotFound, type UserQuery, type UserStore } from '../../access/user-store';
import { duplicateOn, isDuplicateKeyError } from './is-duplicate-key-error';
import type { UserDocument, UserModel } from './user-model';

function toRecord(document: UserDocument): UserRecord {
  const { _id, ...fields } = document;
  return { id: _id, ...fields };
}

function toDocument(user: UserRecord): UserDocument {
  const { id, ...fields } = user;
  return { _id: id, ...fields };
}

function duplicate(error: { keyValue?: Record<string, unknown>; message: string }, user: UserRecord): DuplicateKey {
  return new DuplicateKey('users', duplicateOn(error, 'username') ? user.username : user.id);
}

export class MongoUserStore implements UserStore {
  constructor(private readonly users: UserModel) {}

  async get(id: string): Promise<UserRecord | undefined> {
    const found = await this.users.findById(id).lean<UserDocument>();
    return found ? toRecord(found) : undefined;
  }

  async getByUsername(username: string): Promise<UserRecord | undefined> {
    const found = await this.users.findOne({ username }).lean<UserDocument>();
    return found ? toRecord(found) : undefined;
  }

  async create(user: UserRecord): Promise<UserRecord> {
    try {
      await this.users.create([toDocument(user)]);
      return structuredClone(user);
    } catch (error) {
      if (isDuplicateKeyError(error)) throw duplicate(error, user);
      throw error;
    }
  }

  async update(user: UserRecord): Promise<UserRecord> {
    try {
      const result = await this.users.replaceOne({ _id: user.id }, toDocument(user));
      if (result.matchedCount === 0) throw new UserNotFound(user.id);
      return structuredClone(user);
    } catch (error) {
      if (isDuplicateKeyError(error)) throw duplicate(error, user);
      throw error;
    }
  }

  async list(query: UserQuery = {}): Promise<UserRecord[]> {
    const filter = {
      ...(query.agencyId === undefined ? {} : { agencyId: query.agencyId }),
      ...(query.role === undefined ? {} : { role: query.role }),
      ...(query.oidcSubject === undefined ? {} : { oidcSubject: query.oidcSubject }),
      ...(query.email === undefined ? {} : { email: query.email }),
    };
    const found = await this.users.find(filter).sort({ username: 1 }).lean<UserDocument[]>();
    return found.map(toRecord);
  }
}
