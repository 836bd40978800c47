/**
 * @module validateDeadEnds — a node that is not an end event and has no outgoing sequence flow. BPMN 2.0 §10.5.3
 * allows such implicit ends, so this is only a warning: usually a forgotten flow.
 */
import type { FlowNode, ProcedureDefinition, ValidationIssue } from './procedure-definition';
import { describeNode } from './describe-element';

/** Gateways have their own rule; event sub-processes and compensation handlers are entered without flows. */
function mayEndWithoutFlow(node: FlowNode): boolean {
  if (node.kind === 'endEvent' || node.kind.endsWith('Gateway')) return true;
  if (node.triggeredByEvent || node.isForCompensation) return true;
  const definitions = node.eventDefinitions ?? [];
  // A link throw event continues at its catch event (§10.5.5); compensation boundaries use associations.
  return definitions.some((definition) => definition.type === 'link' || definition.type === 'compensate');
}

export function validateDeadEnds(definition: ProcedureDefinition): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const process of definition.processes) {
    for (const node of Object.values(process.nodes)) {
      if (node.outgoing.length > 0 || mayEndWithoutFlow(node)) continue;
      issues.push({
        elementId: node.id,
        code: 'DEAD_END',
        severity: 'warning',
        message: `${describeNode(node)} has no outgoing sequence flow and is not an end event`,
      });
    }
  }
  return issues;
}
