/**
 * @module createUserDirectory — the official directory on the user store: explicit recipients by id; an escalation
 * to the heads of the unit or to the supervisors who watch the agency; else the assignee; else the officials and
 * heads of the step's department (or agency). Disabled users are never told.
 */
import type { UserRecord } from '../access/user-record';
import type { UserStore } from '../access/user-store';
import type { Contact, OfficialDirectory } from './notification-recipients';

const toContact = (user: UserRecord): Contact => ({ name: user.displayName, email: user.email, phone: user.phone });

export function createUserDirectory(users: Pick<UserStore, 'get' | 'list'>): OfficialDirectory {
  async function find(to: Parameters<OfficialDirectory['contactsOf']>[0]): Promise<UserRecord[]> {
    if (to.recipients?.length) {
      const found = await Promise.all(to.recipients.map((recipient) => users.get(recipient.userId)));
      return found.filter((user): user is UserRecord => user !== undefined);
    }
    const inDepartment = (user: UserRecord) => to.departmentId === undefined || user.departmentId === to.departmentId;
    if (to.target === 'headOfUnit' && to.agencyId) {
      const heads = await users.list({ agencyId: to.agencyId, role: 'headOfUnit' });
      const ofDepartment = heads.filter(inDepartment);
      return ofDepartment.length > 0 ? ofDepartment : heads;
    }
    if (to.target === 'supervisor') {
      const supervisors = await users.list({ role: 'supervisor' });
      return supervisors.filter(
        (user) => user.supervisorScope === 'province' || (to.agencyId !== undefined && typeof user.supervisorScope === 'object' && user.supervisorScope.agencyIds.includes(to.agencyId)),
      );
    }
    if (to.assigneeId) {
      const assignee = await users.get(to.assigneeId);
      if (assignee) return [assignee];
    }
    if (!to.agencyId) return [];
    const unit = await users.list({ agencyId: to.agencyId });
    return unit.filter((user) => (user.role === 'official' || user.role === 'headOfUnit') && inDepartment(user));
  }

  return {
    async contactsOf(to) {
      return (await find(to)).filter((user) => !user.disabled).map(toContact);
    },
  };
}
