/**
 * @module validateStartEvents — something must start: at least one executable process (§10.2 isExecutable), a start
 * event in each process (§10.5.2; only sub-processes may omit it) and in each event sub-process (§10.2.5).
 */
import type { ProcedureDefinition, ProcessDefinition, ValidationIssue } from './procedure-definition';
import { describe } from './describe-element';
import { structuralIssue } from './structural-issue';

export function validateStartEvents(definition: ProcedureDefinition): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!definition.processes.some((process) => process.isExecutable)) {
    issues.push({
      elementId: definition.id,
      code: 'NO_EXECUTABLE_PROCESS',
      severity: definition.procedure ? 'error' : 'warning',
      message:
        definition.processes.length === 0
          ? `Definitions ${definition.id} contain no process`
          : `No process of definitions ${definition.id} is executable (isExecutable="true"): ${definition.processes.map((p) => p.id).join(', ')}`,
    });
  }
  for (const process of definition.processes) {
    if (process.childNodeIds.length > 0 && !hasStartEvent(process, process.childNodeIds)) {
      issues.push(structuralIssue(process, process.id, 'NO_START_EVENT', `Process ${process.name ? `"${process.name}" (${process.id})` : process.id} has no start event`));
    }
    for (const node of Object.values(process.nodes)) {
      if (node.triggeredByEvent && !hasStartEvent(process, node.childNodeIds ?? [])) {
        issues.push(structuralIssue(process, node.id, 'NO_START_EVENT', `${describe('eventSubProcess', node.id, node.name)} has no start event`));
      }
    }
  }
  return issues;
}

function hasStartEvent(process: ProcessDefinition, nodeIds: string[]): boolean {
  return nodeIds.some((id) => process.nodes[id]?.kind === 'startEvent');
}
