/**
 * @module authorize — the access policy as one pure function: may this principal do this action on this resource?
 * Rules (server issue "People and access"): an official reads and acts only on dossiers routed to their unit; a
 * head of unit also reassigns in their unit; a supervisor reads within their scope; an analyst deploys procedures;
 * an administrator manages users, calendars and agencies; nobody reaches another agency's private data.
 */
import type { Principal } from './principal';
import type { Role } from './role';
import { watchesEveryAgency } from './user-record';

export type Action =
  | 'procedure.deploy'
  | 'procedure.read'
  | 'procedure.retire'
  | 'incident.read'
  | 'dossier.receive'
  | 'dossier.read'
  | 'step.act'
  | 'step.reassign'
  | 'stats.read'
  | 'simulation.run'
  | 'user.manage'
  | 'calendar.manage'
  | 'agency.manage'
  | 'audit.read'
  | 'outbox.read'
  | 'outbox.manage'
  | 'retention.manage';

/** An agency, or a department inside it. */
export interface Unit {
  agencyId: string;
  departmentId?: string;
}

/**
 * What an action is about. A step names the unit responsible for it (`agencyId`, `departmentId`) and maybe its
 * assignee; a dossier names the agency that received it and `routedTo`, every unit its route has reached.
 */
export interface AccessResource {
  agencyId?: string;
  departmentId?: string;
  assigneeId?: string;
  routedTo?: Unit[];
}

export type Decision = { allowed: true } | { allowed: false; reason: string };

const ALLOWED: Decision = { allowed: true };
const deny = (reason: string): Decision => ({ allowed: false, reason });

/** Which roles may attempt each action at all; the unit and scope checks below narrow it further. */
const ROLES_BY_ACTION: Record<Action, readonly Role[]> = {
  'procedure.deploy': ['analyst'],
  'procedure.read': ['administrator', 'analyst', 'official', 'headOfUnit', 'supervisor'],
  // Retiring a procedure the law abolished, and restoring it: the analyst who models it, the administrator who runs the system.
  'procedure.retire': ['administrator', 'analyst'],
  // Incidents per element of a procedure, counted without any dossier's data: the analyst fixes the model, the
  // supervisor watches it (within their scope), the administrator runs the system (issue 14 "FEEL with a budget").
  'incident.read': ['administrator', 'analyst', 'supervisor'],
  'dossier.receive': ['official', 'headOfUnit'],
  'dossier.read': ['official', 'headOfUnit', 'supervisor'],
  'step.act': ['official', 'headOfUnit'],
  'step.reassign': ['headOfUnit'],
  'stats.read': ['administrator', 'headOfUnit', 'supervisor'],
  // What-if simulation (issue 19): aggregate figures only, for those who design routes or decide on staffing.
  'simulation.run': ['administrator', 'analyst', 'headOfUnit', 'supervisor'],
  'user.manage': ['administrator'],
  'calendar.manage': ['administrator'],
  'agency.manage': ['administrator'],
  // The audit of administration (issue 18): administrators read who changed what; nobody changes it.
  'audit.read': ['administrator'],
  // The outbox console (issue 20): the dashboard's roles see its counts and alert, administrators replay or skip.
  'outbox.read': ['administrator', 'headOfUnit', 'supervisor'],
  'outbox.manage': ['administrator'],
  // Retention of closed dossiers (issue 18 item 6): administrators set the periods, read the dry run and run it.
  'retention.manage': ['administrator'],
};

/**
 * Whether `unit` is the principal's. An official's department must match whenever the unit names one; a head of
 * unit without a department heads the whole agency, so every department of it is theirs.
 */
function isOwnUnit(principal: Principal, unit: Unit): boolean {
  if (unit.agencyId !== principal.agencyId) return false;
  if (unit.departmentId === undefined) return true;
  if (principal.role === 'headOfUnit' && principal.departmentId === undefined) return true;
  return unit.departmentId === principal.departmentId;
}

function unitsOf(resource: AccessResource): Unit[] {
  const own = resource.agencyId === undefined ? [] : [{ agencyId: resource.agencyId, departmentId: resource.departmentId }];
  return [...own, ...(resource.routedTo ?? [])];
}

function inSupervisorScope(principal: Principal, resource: AccessResource): boolean {
  const scope = principal.supervisorScope;
  if (scope === undefined) return false;
  if (watchesEveryAgency(scope)) return true;
  const units = unitsOf(resource);
  return units.length > 0 && units.some((unit) => scope.agencyIds.includes(unit.agencyId));
}

/**
 * Whether the principal's role may attempt `action` on any resource at all: the part of `authorize` that needs no
 * resource, so that the access gate can refuse before a route reads its body.
 */
export function mayAttempt(principal: Principal, action: Action): boolean {
  return ROLES_BY_ACTION[action].includes(principal.role);
}

/** Every action the role may attempt, in the table's order: what the front end offers a signed-in user. */
export function actionsOf(role: Role): Action[] {
  return (Object.keys(ROLES_BY_ACTION) as Action[]).filter((action) => ROLES_BY_ACTION[action].includes(role));
}

/** The actions, for schemas that list them. */
export const ACTIONS = Object.keys(ROLES_BY_ACTION) as [Action, ...Action[]];

/** Decides one request. Pure: the same inputs always give the same decision, so it is tested as a table. */
export function authorize(principal: Principal, action: Action, resource: AccessResource = {}): Decision {
  if (!mayAttempt(principal, action)) return deny(`A ${principal.role} may not ${action}.`);

  switch (action) {
    case 'procedure.deploy':
    case 'procedure.read':
    case 'procedure.retire':
    case 'incident.read':
    case 'user.manage':
    case 'calendar.manage':
    case 'agency.manage':
    case 'simulation.run':
    case 'audit.read':
    case 'outbox.read':
    case 'outbox.manage':
    case 'retention.manage':
      return ALLOWED;

    case 'dossier.receive':
      // Intake happens at the principal's own agency: its identifier prefixes the dossier code.
      return resource.agencyId === principal.agencyId ? ALLOWED : deny('Dossiers are received only at your own agency.');

    case 'dossier.read':
    case 'stats.read':
      // Administrators run the whole province's system: they read its statistics (not its dossiers).
      if (action === 'stats.read' && principal.role === 'administrator') return ALLOWED;
      if (principal.role === 'supervisor') {
        return inSupervisorScope(principal, resource) ? ALLOWED : deny('This is outside your supervision scope.');
      }
      return unitsOf(resource).some((unit) => isOwnUnit(principal, unit)) ? ALLOWED : deny('This is not routed to your unit.');

    case 'step.act': {
      if (resource.agencyId === undefined || !isOwnUnit(principal, { agencyId: resource.agencyId, departmentId: resource.departmentId })) {
        return deny('This step belongs to another unit.');
      }
      const assignedToOther = resource.assigneeId !== undefined && resource.assigneeId !== principal.userId;
      // A head of unit may act on any step of their unit, e.g. to finish the work of an absent official.
      if (assignedToOther && principal.role !== 'headOfUnit') return deny('This step is assigned to another official.');
      return ALLOWED;
    }

    case 'step.reassign':
      return resource.agencyId !== undefined && isOwnUnit(principal, { agencyId: resource.agencyId, departmentId: resource.departmentId })
        ? ALLOWED
        : deny('You may reassign only within your own unit.');
  }
}
