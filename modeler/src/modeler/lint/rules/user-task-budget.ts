/** @module userTaskBudget — every user task has a step budget (value + unit) that the deadline clock can count. */
import { attributeOf, extensionOf, type LintRule } from '../lint-node';
import { budgetHours } from '../budget-hours';
import { reportIssue } from '../report-issue';

export default function userTaskBudget(): LintRule {
  return {
    check(node, reporter) {
      if (!node.$instanceOf('bpmn:UserTask')) return;
      const budget = extensionOf(node, 'lt:Budget');
      if (!budget) return reportIssue(reporter, node, { code: 'USER_TASK_WITHOUT_BUDGET' });
      if (budgetHours(attributeOf(budget, 'value'), attributeOf(budget, 'unit')) === undefined) {
        reportIssue(reporter, node, { code: 'PROCEDURE_METADATA_INVALID', variant: 'budgetNotNumber', params: { value: attributeOf(budget, 'value') } });
      }
    },
  };
}
