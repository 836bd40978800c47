/** @module sessionUser — who is signed in on this browser, as the navigation needs it: asked once per session token. */
import { sessionToken } from '../api/api-client';
import { workspaceApi, type CurrentUser } from '../workspaces/common/workspace-api';

let asked: { token: string; user: Promise<CurrentUser | undefined> } | undefined;

/** The signed-in user, or undefined for a visitor (no token, or a token the server no longer accepts). */
export function sessionUser(): Promise<CurrentUser | undefined> {
  const token = sessionToken();
  if (!token) return Promise.resolve(undefined);
  if (asked?.token !== token) asked = { token, user: workspaceApi.me().catch(() => undefined) };
  return asked.user;
}
