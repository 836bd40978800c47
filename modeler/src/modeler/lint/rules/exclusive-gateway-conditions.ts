/**
 * @module exclusiveGatewayConditions — an exclusive gateway that splits needs a default flow or a condition on every
 * outgoing flow; otherwise a dossier can reach it and match nothing (BPMN 2.0 §13.3.2 raises an exception then).
 */
import { outgoingFlows, type LintRule } from '../lint-node';
import { reportIssue } from '../report-issue';

export default function exclusiveGatewayConditions(): LintRule {
  return {
    check(node, reporter) {
      if (!node.$instanceOf('bpmn:ExclusiveGateway')) return;
      const outgoing = outgoingFlows(node);
      if (outgoing.length < 2 || node.get('default')) return;
      const missing = outgoing.filter((flow) => !flow.get('conditionExpression'));
      if (missing.length > 0) {
        reportIssue(reporter, node, { code: 'EXCLUSIVE_GATEWAY_UNGUARDED', variant: 'missing', params: { flows: missing.map((flow) => flow.name || flow.id).join(', ') } });
      }
    },
  };
}
