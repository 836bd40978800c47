/**
 * @module validateProcedure — every validation rule over a ProcedureDefinition, all issues at once (STYLE.md §4).
 * Each rule is a plain function of the definition, so the modeler's bpmnlint rules can reuse them one by one.
 */
import type { ProcedureDefinition, ValidationIssue } from './procedure-definition';
import { validateBoundaryEvents } from './validate-boundary-events';
import { validateBudgets } from './validate-budgets';
import { validateDeadEnds } from './validate-dead-ends';
import { validateExpressions } from './validate-expressions';
import { validateGateways } from './validate-gateways';
import { validateReachability } from './validate-reachability';
import { validateSequenceFlows } from './validate-sequence-flows';
import { validateStartEvents } from './validate-start-events';
import { validateStepAssignments } from './validate-step-assignments';
import { validateUnsupportedElements } from './validate-unsupported-elements';

export type ValidationRule = (definition: ProcedureDefinition) => ValidationIssue[];

/** The rules in the order their issues are listed. */
export const validationRules: readonly ValidationRule[] = [
  validateUnsupportedElements,
  validateStartEvents,
  validateSequenceFlows,
  validateGateways,
  validateBoundaryEvents,
  validateExpressions,
  validateReachability,
  validateDeadEnds,
  validateStepAssignments,
  validateBudgets,
];

export function validateProcedure(definition: ProcedureDefinition): ValidationIssue[] {
  return validationRules.flatMap((rule) => rule(definition));
}
