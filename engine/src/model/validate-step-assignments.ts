/**
 * @module validateStepAssignments — every user task is a step someone answers for (DOMAIN.md: agency, department,
 * step budget). Errors in a procedure (definitions with `lt:procedure`), warnings in plain BPMN models.
 */
import type { ProcedureDefinition, ValidationIssue } from './procedure-definition';
import { describeNode } from './describe-element';

export function validateStepAssignments(definition: ProcedureDefinition): ValidationIssue[] {
  const severity = definition.procedure ? 'error' : 'warning';
  const issues: ValidationIssue[] = [];
  for (const process of definition.processes) {
    for (const node of Object.values(process.nodes)) {
      if (node.kind !== 'userTask') continue;
      if (!node.assignment) {
        issues.push({
          elementId: node.id,
          code: 'USER_TASK_WITHOUT_AGENCY',
          severity,
          message: `${describeNode(node)} has no agency: add an lt:assignment to it or to its lane`,
        });
      }
      if (!node.budget) {
        issues.push({
          elementId: node.id,
          code: 'USER_TASK_WITHOUT_BUDGET',
          severity,
          message: `${describeNode(node)} has no step budget: add an lt:budget (value and unit)`,
        });
      }
    }
  }
  return issues;
}
