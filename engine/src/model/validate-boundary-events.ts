/** @module validateBoundaryEvents — a boundary event (BPMN 2.0 §10.5.4) must be attached to an activity. */
import type { ProcedureDefinition, ValidationIssue } from './procedure-definition';
import { describeNode } from './describe-element';
import { isActivityKind } from './read-flow-node';
import { structuralIssue } from './structural-issue';

export function validateBoundaryEvents(definition: ProcedureDefinition): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const process of definition.processes) {
    for (const node of Object.values(process.nodes)) {
      if (node.kind !== 'boundaryEvent') continue;
      const host = node.attachedToRef ? process.nodes[node.attachedToRef] : undefined;
      if (host && isActivityKind(host.kind)) continue;
      const why = !node.attachedToRef
        ? 'is attached to nothing (attachedToRef is missing)'
        : host
          ? `is attached to ${describeNode(host)}, which is not an activity`
          : `is attached to ${node.attachedToRef}, which is not an element of process ${process.id}`;
      issues.push(structuralIssue(process, node.id, 'BOUNDARY_WITHOUT_ACTIVITY', `${describeNode(node)} ${why}`));
    }
  }
  return issues;
}
