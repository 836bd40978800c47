/**
 * @module budgetWithinDeadline — the step budgets along the longest path from a start event must fit in the statutory
 * deadline: the internal process decision (quy trình nội bộ) splits that deadline across steps, never beyond it.
 * Loops (e.g. a supplement round trip) are counted once: a back edge to a node on the current path is not followed.
 */
import { t } from '../../../i18n/locale';
import { attributeOf, children, extensionOf, outgoingFlows, type LintNode, type LintRule } from '../lint-node';
import { budgetHours, describeHours } from '../budget-hours';
import { findProcedure } from './procedure-metadata';

function ownHours(node: LintNode): number {
  const budget = extensionOf(node, 'lt:Budget');
  if (budget) return budgetHours(attributeOf(budget, 'value'), attributeOf(budget, 'unit')) ?? 0;
  return node.$instanceOf('bpmn:SubProcess') ? longestPathHours(node) : 0;
}

/** Working hours of the longest start-to-end path through `container`'s flow nodes. */
export function longestPathHours(container: LintNode): number {
  const nodes = children(container, 'flowElements').filter((element) => element.$instanceOf('bpmn:FlowNode'));
  const memo = new Map<LintNode, number>();
  const onPath = new Set<LintNode>();
  const longestFrom = (node: LintNode): number => {
    const known = memo.get(node);
    if (known !== undefined) return known;
    onPath.add(node);
    const successors = [
      ...outgoingFlows(node).map((flow) => flow.get('targetRef') as LintNode | undefined),
      ...nodes.filter((candidate) => candidate.get('attachedToRef') === node),
    ].filter((next): next is LintNode => !!next && !onPath.has(next));
    const total = ownHours(node) + Math.max(0, ...successors.map(longestFrom));
    onPath.delete(node);
    memo.set(node, total);
    return total;
  };
  const starts = nodes.filter((node) => node.$instanceOf('bpmn:StartEvent'));
  return Math.max(0, ...starts.map(longestFrom));
}

export default function budgetWithinDeadline(): LintRule {
  return {
    check(node, reporter) {
      if (!node.$instanceOf('bpmn:Definitions')) return;
      const procedure = findProcedure(node);
      const unit = attributeOf(procedure, 'statutoryUnit') || 'workingDays';
      const statutory = budgetHours(attributeOf(procedure, 'statutoryValue'), unit);
      if (statutory === undefined) return;
      for (const process of children(node, 'rootElements').filter((element) => element.$instanceOf('bpmn:Process'))) {
        const total = longestPathHours(process);
        if (total <= statutory) continue;
        reporter.report(
          process.id ?? '',
          t('lint.budgetExceeds', {
            total: describeHours(total, unit),
            statutory: describeHours(statutory, unit),
            excess: describeHours(total - statutory, unit),
          }),
        );
      }
    },
  };
}
