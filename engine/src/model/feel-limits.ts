/**
 * @module feelLimits — the size of a FEEL expression the engine agrees to read. feelin parses and evaluates
 * recursively, so a very long or deeply bracketed expression overflows the stack or takes seconds; real conditions
 * and mappings are a few hundred characters with a handful of brackets.
 */

/** Longest expression body accepted, in characters. */
export const MAX_FEEL_LENGTH = 10_000;
/** Deepest nesting of `(`, `[` and `{` accepted, outside string literals. */
export const MAX_FEEL_NESTING = 64;

/**
 * Why an expression is refused before it is parsed, or `undefined` when its size is acceptable.
 *
 * @example
 * feelLimitProblem('amount > 1000');        // undefined
 * feelLimitProblem('['.repeat(5000) + ']'.repeat(5000)); // 'the expression nests brackets more than 64 levels deep'
 */
export function feelLimitProblem(expression: string): string | undefined {
  if (expression.length > MAX_FEEL_LENGTH) return `the expression is ${expression.length} characters long; at most ${MAX_FEEL_LENGTH} are accepted`;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < expression.length; i += 1) {
    const char = expression[i];
    if (inString) {
      if (char === '\\') i += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === '(' || char === '[' || char === '{') {
      depth += 1;
      if (depth > MAX_FEEL_NESTING) return `the expression nests brackets more than ${MAX_FEEL_NESTING} levels deep`;
    } else if (char === ')' || char === ']' || char === '}') {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}
