/**
 * @module serverIssueDetails — the details the modeler adds to a server finding from the diagram it holds, so the
 * catalogue can word it as precisely as the browser's own findings: the unit a step nobody can receive is routed to
 * (`UNIT_UNREACHABLE`), named from the agency directory. The unit is read as the engine reads it: the step's own
 * `lt:assignment`, else its lane's. A budget overrun's figures come with the finding, in working days: they are given
 * their unit here, as the browser's own budget rule gives them.
 */
import type { Agency } from '../../api/api-client';
import { attributeOf, extensionOf, laneOf, type LintNode } from '../lint/lint-node';
import type { CheckIssue } from './check-results';
import { budgetParams } from './budget-params';

/** "Tư pháp – Hộ tịch, Ủy ban nhân dân xã Demo": the step's department and agency by name, ids when unknown. */
export function stepUnit(node: LintNode, agencies: readonly Agency[]): string | undefined {
  const own = extensionOf(node, 'lt:Assignment');
  const lane = laneOf(node);
  const assignment = attributeOf(own, 'agency') ? own : lane && extensionOf(lane, 'lt:Assignment');
  const agencyId = attributeOf(assignment, 'agency');
  if (!agencyId) return undefined;
  const agency = agencies.find((candidate) => candidate.id === agencyId);
  const departmentId = attributeOf(assignment, 'department');
  const department = departmentId && (agency?.departments.find((candidate) => candidate.id === departmentId)?.name ?? departmentId);
  return [department, agency?.name ?? agencyId].filter(Boolean).join(', ');
}

export function withServerIssueDetails(issue: CheckIssue, elementOf: (id: string) => LintNode | undefined, agencies: readonly Agency[]): CheckIssue {
  if (issue.code.startsWith('BUDGET_EXCEEDS_') && issue.params) return { ...issue, params: budgetParams(issue.params) };
  if (issue.code !== 'UNIT_UNREACHABLE') return issue;
  const node = elementOf(issue.elementId);
  const unit = node && stepUnit(node, agencies);
  return unit ? { ...issue, variant: 'unit', params: { ...issue.params, unit } } : issue;
}
