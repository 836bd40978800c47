/** @module checkFeelExpression — does a FEEL expression parse? Uses feelin's parser only: nothing is evaluated. */
import { parseExpression } from 'feelin';
import { feelLimitProblem } from './feel-limits';

/** `ArithmeticExpression` → `arithmetic expression`. */
function words(nodeName: string): string {
  return nodeName.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/**
 * The parse error of a FEEL expression, or `undefined` when it parses. A leading `=` (the Camunda 8 marker of a
 * FEEL expression in BPMN attributes) is ignored.
 *
 * @example
 * checkFeelExpression('= amount > 1000'); // undefined
 * checkFeelExpression('amount >');        // 'incomplete comparison at the end'
 */
export function checkFeelExpression(body: string): string | undefined {
  const trimmed = body.trim();
  const offset = body.indexOf(trimmed) + (trimmed.startsWith('=') ? 1 : 0);
  const expression = trimmed.startsWith('=') ? trimmed.slice(1) : trimmed;
  if (expression.trim() === '') return 'the expression is empty';
  const tooLarge = feelLimitProblem(expression);
  if (tooLarge) return tooLarge;
  let tree: ReturnType<typeof parseExpression>;
  try {
    tree = parseExpression(expression, {}, undefined);
  } catch (error) {
    return `the expression cannot be read: ${error instanceof Error ? error.message : String(error)}`;
  }
  let problem: string | undefined;
  tree.iterate({
    enter(nodeRef) {
      if (problem !== undefined) return false;
      if (!nodeRef.type.isError) return undefined;
      const node = nodeRef.node;
      const parent = node.parent ? words(node.parent.name) : 'expression';
      const position = offset + nodeRef.from + 1;
      if (nodeRef.from === nodeRef.to && nodeRef.to >= expression.trimEnd().length) {
        problem = `incomplete ${parent} at the end`;
      } else {
        const text = expression.slice(nodeRef.from, nodeRef.to) || expression.slice(nodeRef.from).trim().split(/\s+/)[0];
        problem = `unexpected "${text}" in ${parent} at position ${position}`;
      }
      return false;
    },
  });
  return problem;
}
