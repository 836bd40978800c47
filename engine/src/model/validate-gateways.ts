/**
 * @module validateGateways — gateways must lead somewhere (BPMN 2.0 §10.6), and an exclusive gateway that splits
 * must guard every branch or name a default: §13.3.2 says an exclusive gateway with no true condition and no default
 * throws an exception, so an unguarded branch is either always taken or a modelling slip.
 */
import type { ProcedureDefinition, ValidationIssue } from './procedure-definition';
import { describeNode } from './describe-element';
import { structuralIssue } from './structural-issue';

const GATEWAYS = new Set(['exclusiveGateway', 'parallelGateway', 'inclusiveGateway', 'eventBasedGateway', 'complexGateway']);

export function validateGateways(definition: ProcedureDefinition): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const process of definition.processes) {
    for (const node of Object.values(process.nodes)) {
      if (!GATEWAYS.has(node.kind)) continue;
      if (node.outgoing.length === 0) {
        issues.push(structuralIssue(process, node.id, 'GATEWAY_WITHOUT_OUTGOING', `${describeNode(node)} has no outgoing sequence flow`));
        continue;
      }
      if (node.kind !== 'exclusiveGateway' || node.outgoing.length < 2 || node.defaultFlowId) continue;
      const unguarded = node.outgoing.filter((flowId) => !process.flows[flowId]?.condition);
      if (unguarded.length === 0) continue;
      issues.push(
        structuralIssue(
          process,
          node.id,
          'EXCLUSIVE_GATEWAY_UNGUARDED',
          `${describeNode(node)} splits into ${node.outgoing.length} sequence flows but ${unguarded.join(', ')} ${unguarded.length === 1 ? 'has' : 'have'} no condition and no flow is the default`,
        ),
      );
    }
  }
  return issues;
}
