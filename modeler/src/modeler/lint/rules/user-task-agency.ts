/** @module userTaskAgency — every user task says which agency does it (its own lt:assignment or its lane's). */
import { t } from '../../../i18n/locale';
import { agencyOf, type LintRule } from '../lint-node';

export default function userTaskAgency(): LintRule {
  return {
    check(node, reporter) {
      if (node.$instanceOf('bpmn:UserTask') && agencyOf(node) === '') reporter.report(node.id ?? '', t('lint.userTaskAgency'));
    },
  };
}
