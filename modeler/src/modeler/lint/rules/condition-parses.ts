/**
 * @module conditionParses — every FEEL condition on a sequence flow parses, and its work can be bounded (no recursive
 * function, no loop over the product of two lists: the engine's deploy check, `feelProblem`). JUEL `${…}` bodies are
 * left to the engine.
 */
import { t } from '../../../i18n/locale';
import { attributeOf, type LintRule } from '../lint-node';
import { feelSyntaxErrors } from '../../editors/feel-syntax-errors';
import { feelProblem } from '../../../../../engine/src/model/check-feel-expression';

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
      if (first) return reporter.report(node.id ?? '', t('lint.conditionInvalid', { message: first.message }));
      const problem = feelProblem(body);
      if (problem?.kind === 'unbounded') {
        const key = /calls itself|a function it was given/.test(problem.message) ? 'lint.conditionRecursive' : 'lint.conditionNestedLoops';
        reporter.report(node.id ?? '', t(key, { message: problem.message }));
      }
    },
  };
}
