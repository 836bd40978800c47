/**
 * @module checkFeelExpression — does a FEEL expression parse, and can its work be bounded? Uses feelin's parser only:
 * nothing is evaluated.
 */
import { parseExpression } from 'feelin';
import { checkFeelBounds } from './check-feel-bounds';
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

/** How a FEEL expression is refused: it does not parse (`syntax`) or its work cannot be bounded (`unbounded`). */
export interface FeelProblem {
  kind: 'syntax' | 'unbounded';
  message: string;
}

/**
 * Every reason to refuse a FEEL expression at deploy: the parse error of checkFeelExpression, else what
 * checkFeelBounds finds (a recursive function, a loop over the product of two lists).
 *
 * @example
 * feelProblem('{f: function(n) f(n)}.f(1)'); // { kind: 'unbounded', message: '"f" calls itself: …' }
 */
export function feelProblem(body: string): FeelProblem | undefined {
  const syntax = checkFeelExpression(body);
  if (syntax) return { kind: 'syntax', message: syntax };
  const trimmed = body.trim();
  const unbounded = checkFeelBounds(trimmed.startsWith('=') ? trimmed.slice(1) : trimmed);
  return unbounded ? { kind: 'unbounded', message: unbounded } : undefined;
}
