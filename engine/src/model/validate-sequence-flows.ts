/** @module validateSequenceFlows — sequence flows (BPMN 2.0 §8.3.13) must connect two flow nodes of the process. */
import type { ProcedureDefinition, ValidationIssue } from './procedure-definition';
import { describeFlow } from './describe-element';
import { structuralIssue } from './structural-issue';

export function validateSequenceFlows(definition: ProcedureDefinition): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const process of definition.processes) {
    for (const flow of Object.values(process.flows)) {
      if (!process.nodes[flow.sourceRef]) {
        const source = flow.sourceRef ? `from ${flow.sourceRef}, which is not a flow node of process ${process.id}` : 'from no source (sourceRef is missing)';
        issues.push(structuralIssue(process, flow.id, 'FLOW_FROM_NOWHERE', `${describeFlow(flow)} comes ${source}`));
      }
      if (!process.nodes[flow.targetRef]) {
        const target = flow.targetRef ? `to ${flow.targetRef}, which is not a flow node of process ${process.id}` : 'to no target (targetRef is missing)';
        issues.push(structuralIssue(process, flow.id, 'FLOW_TO_NOWHERE', `${describeFlow(flow)} leads ${target}`));
      }
    }
  }
  return issues;
}
