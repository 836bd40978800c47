/** @module callActivityDeployed — a call activity must name a procedure the server has deployed. */
import { t } from '../../../i18n/locale';
import { attributeOf, type LintRule } from '../lint-node';
import { deployedProcedureKeys } from '../deployed-procedure-keys';

export default function callActivityDeployed(): LintRule {
  return {
    check(node, reporter) {
      if (!node.$instanceOf('bpmn:CallActivity')) return;
      const called = attributeOf(node, 'calledElement');
      if (called === '') return reporter.report(node.id ?? '', t('lint.callActivityMissing'));
      if (!deployedProcedureKeys.has(called)) reporter.report(node.id ?? '', t('lint.callActivityUnknown', { key: called }));
    },
  };
}
