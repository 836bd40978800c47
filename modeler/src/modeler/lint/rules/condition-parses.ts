/**
 * @module conditionParses — every FEEL condition on a sequence flow parses, and its work can be bounded (no recursive
 * function, no loop over the product of two lists: the engine's deploy check, `feelProblem`). JUEL `${…}` bodies are
 * left to the engine.
 */
import { attributeOf, type LintRule } from '../lint-node';
import { reportIssue } from '../report-issue';
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
      if (body === '') return reportIssue(reporter, node, { code: 'CONDITION_INVALID', variant: 'empty' });
      const [first] = feelSyntaxErrors(body);
      if (first) return reportIssue(reporter, node, { code: 'CONDITION_INVALID', variant: 'syntax', params: { message: first.message } });
      const problem = feelProblem(body);
      if (problem?.kind === 'unbounded') {
        const variant = /calls itself|a function it was given/.test(problem.message) ? 'recursive' : 'nestedLoops';
        reportIssue(reporter, node, { code: 'EXPRESSION_UNBOUNDED', variant, params: { message: problem.message } });
      }
    },
  };
}
