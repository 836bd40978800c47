/** @module userTaskBudget — every user task has a step budget (value + unit) that the deadline clock can count. */
import { t } from '../../../i18n/locale';
import { attributeOf, extensionOf, type LintRule } from '../lint-node';
import { budgetHours } from '../budget-hours';

export default function userTaskBudget(): LintRule {
  return {
    check(node, reporter) {
      if (!node.$instanceOf('bpmn:UserTask')) return;
      const budget = extensionOf(node, 'lt:Budget');
      if (!budget) return reporter.report(node.id ?? '', t('lint.userTaskBudget'));
      if (budgetHours(attributeOf(budget, 'value'), attributeOf(budget, 'unit')) === undefined) {
        reporter.report(node.id ?? '', t('lint.budgetInvalid', { value: attributeOf(budget, 'value') }));
      }
    },
  };
}
