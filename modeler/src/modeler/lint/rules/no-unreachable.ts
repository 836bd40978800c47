/**
 * @module noUnreachable — every flow node can be reached from a start event of its process or sub-process: a step no
 * dossier can reach is a drawing mistake. Boundary events count as reached with their activity, event sub-processes
 * and link catch events start on their own.
 */
import { children, outgoingFlows, type LintNode, type LintRule, type Reporter } from '../lint-node';
import { reportIssue } from '../report-issue';

function startsOnItsOwn(node: LintNode): boolean {
  if (node.$instanceOf('bpmn:StartEvent')) return true;
  if (node.$instanceOf('bpmn:SubProcess') && node.get('triggeredByEvent') === true) return true;
  const definitions = children(node, 'eventDefinitions');
  return node.$instanceOf('bpmn:IntermediateCatchEvent') && definitions.some((definition) => definition.$instanceOf('bpmn:LinkEventDefinition'));
}

function checkContainer(container: LintNode, reporter: Reporter): void {
  const nodes = children(container, 'flowElements').filter((element) => element.$instanceOf('bpmn:FlowNode'));
  // A process drawn without a start event is caught elsewhere; reporting every node of it would only add noise.
  if (!nodes.some((node) => node.$instanceOf('bpmn:StartEvent'))) return;
  const reached = new Set<LintNode>();
  const queue = nodes.filter(startsOnItsOwn);
  while (queue.length > 0) {
    const node = queue.pop()!;
    if (reached.has(node)) continue;
    reached.add(node);
    for (const flow of outgoingFlows(node)) {
      const target = flow.get('targetRef') as LintNode | undefined;
      if (target) queue.push(target);
    }
    for (const boundary of nodes.filter((candidate) => candidate.get('attachedToRef') === node)) queue.push(boundary);
  }
  for (const node of nodes) {
    if (!reached.has(node) && node.get('isForCompensation') !== true) reportIssue(reporter, node, { code: 'UNREACHABLE_ELEMENT' });
  }
}

export default function noUnreachable(): LintRule {
  return {
    check(node, reporter) {
      if (node.$instanceOf('bpmn:Process') || node.$instanceOf('bpmn:SubProcess')) checkContainer(node, reporter);
    },
  };
}
