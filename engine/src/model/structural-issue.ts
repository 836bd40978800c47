/**
 * @module structuralIssue — an issue about the shape of a process: an error where the engine would run it
 * (`isExecutable="true"`), a warning in descriptive processes, which are drawn, not run (BPMN 2.0 §10.2 isExecutable).
 */
import type { ProcessDefinition, ValidationCode, ValidationIssue } from './procedure-definition';

export function structuralIssue(process: ProcessDefinition, elementId: string, code: ValidationCode, message: string): ValidationIssue {
  return { elementId, code, message, severity: process.isExecutable ? 'error' : 'warning' };
}
