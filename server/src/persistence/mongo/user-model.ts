/** @module userModel — the `users` collection: one document per user, `_id` the user id, usernames unique. */
import { Schema, type Connection } from 'mongoose';
import { provinceScopedPlugin } from './province-scoped-plugin';
import type { UserRecord } from '../../access/user-record';

export type UserDocument = Omit<UserRecord, 'id'> & { _id: string };

const userSchema = new Schema<UserDocument>(
  {
    _id: { type: String, required: true },
    username: { type: String, required: true },
    displayName: { type: String, required: true },
    role: { type: String, required: true },
    agencyId: { type: String, required: true },
    departmentId: String,
    // 'province' or { agencyIds }: either shape, kept as given.
    supervisorScope: Schema.Types.Mixed,
    passwordHash: { type: String, required: true },
    email: String,
    phone: String,
    disabled: Boolean,
    tokenVersion: Number,
    oidcSubject: String,
  },
  { collection: 'users', versionKey: false, minimize: false },
);
// Sign-in reads by username; unique so two users can never share one.
userSchema.index({ username: 1 }, { unique: true });
// The administrator's list filters by agency (and role) and sorts by username.
userSchema.index({ agencyId: 1, role: 1, username: 1 });
// Single sign-on finds a person by the identity provider's subject, else by e-mail.
userSchema.index({ oidcSubject: 1 }, { sparse: true });
userSchema.index({ email: 1 });

// Last, after the indexes: each is prefixed by the province (issue 18 item 2), which the records keep.
userSchema.plugin(provinceScopedPlugin, { nationalIndexes: ['username'], exposeProvince: true });

function register(connection: Connection) {
  return connection.model('User', userSchema);
}

export type UserModel = ReturnType<typeof register>;

const registered = new WeakMap<Connection, UserModel>();

/** The model on `connection`, registered on first use (each connection keeps its own models). */
export function userModel(connection: Connection): UserModel {
  const model = registered.get(connection) ?? register(connection);
  registered.set(connection, model);
  return model;
}
