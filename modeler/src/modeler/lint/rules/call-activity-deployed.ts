/**
 * @module callActivityDeployed — a call activity must name what the engine can run: a process of the same
 * definitions (the inter-agency groups of Decree 63/2024 call their agencies' processes this way), or a procedure the
 * server has deployed. The engine resolves `calledElement` in that order.
 */
import { attributeOf, children, type LintNode, type LintRule } from '../lint-node';
import { deployedProcedureKeys } from '../deployed-procedure-keys';
import { reportIssue } from '../report-issue';

/** Ids of the processes in the definitions that hold `node`. */
export function processIdsAround(node: LintNode): Set<string> {
  let root: LintNode | undefined = node;
  while (root && !root.$instanceOf('bpmn:Definitions')) root = root.$parent;
  if (!root) return new Set();
  return new Set(children(root, 'rootElements').filter((element) => element.$instanceOf('bpmn:Process') && element.id).map((element) => element.id!));
}

export default function callActivityDeployed(): LintRule {
  return {
    check(node, reporter) {
      if (!node.$instanceOf('bpmn:CallActivity')) return;
      const called = attributeOf(node, 'calledElement');
      if (called === '') return reportIssue(reporter, node, { code: 'CALL_ACTIVITY_WITHOUT_CALLED_ELEMENT' });
      if (processIdsAround(node).has(called) || deployedProcedureKeys.has(called)) return;
      reportIssue(reporter, node, { code: 'CALL_ACTIVITY_NOT_DEPLOYED', params: { key: called } });
    },
  };
}
