/**
 * @module routing-coverage — whether a procedure's route reaches people (issue 16): every user task is routed to a
 * unit of the directory where at least one enabled official or head of unit sees the step in the inbox, and a head
 * of unit answers for it (escalations go to them). The engine has no directory, so this is the server's rule, run
 * at deploy and by the validate route (`UNIT_UNREACHABLE`); `unitGaps` also tells the dashboard which open steps
 * nobody can see (orphaned).
 *
 * Seeding the library at start (`seed/seed-procedures.ts`) does not run this rule: a production database may have no
 * directory yet, and refusing the library there would leave the analysts nothing to start from. The library's
 * procedures are deployed; any step they open before the administrator enters the units' officials is counted and
 * listed as orphaned on the supervisors' dashboard, and a redeploy through the API is checked.
 */
import type { ProcedureDefinition, ValidationIssue } from '../../../engine/src/index';
import type { AgencyRecord, AgencyStore } from './agency-store';
import type { Unit } from './authorize';
import type { UserRecord } from './user-record';
import type { UserStore } from './user-store';

/** The agencies, departments, users and roles a route is checked against. */
export interface Directory {
  agencies: readonly AgencyRecord[];
  users: readonly UserRecord[];
}

/** Why a unit reaches nobody. */
export type UnitGap = 'unknownAgency' | 'unknownDepartment' | 'nobodySees' | 'noHead';

export async function loadDirectory(stores: { agencies: AgencyStore; users: UserStore }): Promise<Directory> {
  const [agencies, users] = await Promise.all([stores.agencies.list(), stores.users.list()]);
  return { agencies, users };
}

/**
 * Whether the inbox shows `user` the open steps of `unit`, as `routes/inbox-routes.ts` queries them: an official
 * sees the steps of exactly their department (or, without one, the steps naming no department); a head of unit the
 * steps of their department, or every step of the agency when they head the whole agency.
 */
export function seesStepsOf(user: UserRecord, unit: Unit): boolean {
  if (user.disabled || user.agencyId !== unit.agencyId) return false;
  if (user.role === 'official') return user.departmentId === unit.departmentId;
  if (user.role === 'headOfUnit') return user.departmentId === undefined || user.departmentId === unit.departmentId;
  return false;
}

/** Whether `user` is a head of unit who answers for `unit` (the head of its department, or of the whole agency). */
export function headsUnit(user: UserRecord, unit: Unit): boolean {
  return user.role === 'headOfUnit' && seesStepsOf(user, unit);
}

/** What keeps `unit` from reaching people; empty when an official sees its steps and a head answers for them. */
export function unitGaps(unit: Unit, directory: Directory): UnitGap[] {
  const agency = directory.agencies.find((candidate) => candidate.id === unit.agencyId);
  if (!agency) return ['unknownAgency'];
  if (unit.departmentId !== undefined && !agency.departments.some((department) => department.id === unit.departmentId)) return ['unknownDepartment'];
  const gaps: UnitGap[] = [];
  if (!directory.users.some((user) => seesStepsOf(user, unit))) gaps.push('nobodySees');
  if (!directory.users.some((user) => headsUnit(user, unit))) gaps.push('noHead');
  return gaps;
}

/** One `UNIT_UNREACHABLE` error per user task whose unit reaches nobody, naming the element and the unit. */
export function routingCoverageIssues(definition: ProcedureDefinition, directory: Directory): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const process of definition.processes) {
    for (const node of Object.values(process.nodes)) {
      if (node.kind !== 'userTask' || !node.assignment) continue; // a task without an agency is USER_TASK_WITHOUT_AGENCY
      const gaps = unitGaps(node.assignment, directory);
      if (gaps.length === 0) continue;
      const task = node.name ? `User task "${node.name.replace(/\s+/g, ' ').trim()}" (${node.id})` : `User task ${node.id}`;
      issues.push({ elementId: node.id, code: 'UNIT_UNREACHABLE', severity: 'error', message: `${task} is routed to ${unitName(node.assignment, directory)}, ${gapText(gaps, node.assignment)}` });
    }
  }
  return issues;
}

function unitName(unit: Unit, directory: Directory): string {
  const agency = directory.agencies.find((candidate) => candidate.id === unit.agencyId);
  const agencyText = agency ? `${agency.name} (${agency.id})` : `agency ${unit.agencyId}`;
  if (unit.departmentId === undefined) return `${agencyText} with no department`;
  const department = agency?.departments.find((candidate) => candidate.id === unit.departmentId);
  return `${department ? `${department.name} (${department.id})` : `department ${unit.departmentId}`} of ${agencyText}`;
}

function gapText(gaps: readonly UnitGap[], unit: Unit): string {
  if (gaps.includes('unknownAgency')) return 'which is not in the agency directory: choose an agency the administrator has entered';
  if (gaps.includes('unknownDepartment')) return 'which that agency does not have: choose one of its departments';
  const parts: string[] = [];
  if (gaps.includes('nobodySees')) {
    parts.push(unit.departmentId === undefined
      ? 'where no enabled official works without a department and no head of the whole agency, so the step would appear in nobody’s inbox: set the lane’s department'
      : 'where no enabled official or head of unit works, so the step would appear in nobody’s inbox');
  }
  if (gaps.includes('noHead')) parts.push('which has no head of unit to escalate to');
  return `${parts.join('; and ')} (or ask the administrator to add the people)`;
}

/**
 * Whether an open step of `unit` is orphaned: its agency or department is not in the directory, or no enabled
 * official or head of unit sees it in the inbox (a unit without a head still has someone to act).
 */
export function isOrphanedUnit(unit: Partial<Unit>, directory: Directory): boolean {
  if (unit.agencyId === undefined) return false; // the citizen's turn (supplement, fees): nobody's inbox by design
  return unitGaps({ agencyId: unit.agencyId, ...(unit.departmentId === undefined ? {} : { departmentId: unit.departmentId }) }, directory).some((gap) => gap !== 'noHead');
}
