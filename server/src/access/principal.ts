/** @module principal — who is making a request, as the access policy sees them (from the stored user, per request). */
import type { Role } from './role';
import type { SupervisorScope, UserRecord } from './user-record';

export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  /** The province every request of this principal acts in (a national supervisor's reads span all of them). */
  provinceCode: string;
  role: Role;
  agencyId: string;
  departmentId?: string;
  supervisorScope?: SupervisorScope;
}

export function toPrincipal(user: UserRecord): Principal {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    provinceCode: user.provinceCode,
    role: user.role,
    agencyId: user.agencyId,
    ...(user.departmentId === undefined ? {} : { departmentId: user.departmentId }),
    ...(user.supervisorScope === undefined ? {} : { supervisorScope: user.supervisorScope }),
  };
}
