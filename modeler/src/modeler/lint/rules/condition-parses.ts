/** @module conditionParses — every FEEL condition on a sequence flow parses (JUEL `${…}` bodies are left to the engine). */
import { t } from '../../../i18n/locale';
import { attributeOf, type LintRule } from '../lint-node';
import { feelSyntaxErrors } from '../../editors/feel-syntax-errors';

export default function conditionParses(): LintRule {
  return {
    check(node, reporter) {
      if (!node.$instanceOf('bpmn:SequenceFlow')) return;
      const condition = node.get('conditionExpression') as Parameters<typeof attributeOf>[0];
      if (!condition) return;
      const body = attributeOf(condition, 'body');
      if (/^[$#]\{/.test(body)) return;
      if (body === '') return reporter.report(node.id ?? '', t('lint.conditionEmpty'));
      const [first] = feelSyntaxErrors(body);
      if (first) reporter.report(node.id ?? '', t('lint.conditionInvalid', { message: first.message }));
    },
  };
}
