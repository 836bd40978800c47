/** @module validateProcedure — every validation rule over a ProcedureDefinition, all issues at once. */
import type { ProcedureDefinition, ValidationIssue } from './procedure-definition';

export type ValidationRule = (definition: ProcedureDefinition) => ValidationIssue[];

export const validationRules: readonly ValidationRule[] = [];

export function validateProcedure(definition: ProcedureDefinition): ValidationIssue[] {
  return validationRules.flatMap((rule) => rule(definition));
}
