/**
 * @module feelLimits — the size of a FEEL expression the engine agrees to read. feelin parses and evaluates
 * recursively, so a very long or deeply bracketed expression overflows the stack or takes seconds; real conditions
 * and mappings are a few hundred characters with a handful of brackets.
 */

/** Longest expression body accepted, in characters. */
export const MAX_FEEL_LENGTH = 10_000;
/** Deepest nesting of `(`, `[` and `{` accepted, outside string literals. */
export const MAX_FEEL_NESTING = 64;

/** FEEL functions whose second argument is a regular expression (DMN 1.5 §10.3.4.3), run by the JS RegExp engine. */
const REGEX_FUNCTIONS = /\b(?:matches|replace|split)\s*\(/;

/**
 * Whether a regular expression quantifies a group that itself holds a quantifier and can start its repetitions
 * ambiguously (`(a+)+`, `(\\w+\\s?)*`, `(x*){2,}`): the nested quantifiers that make backtracking exponential on a
 * near-miss input. A group whose every repetition starts with a fixed character (`(-[a-z]+)*`) is safe. Alternations
 * of overlapping branches (`(a|aa)+`) are not detected.
 */
export function hasNestedQuantifier(pattern: string): boolean {
  const groups: { start: number; outer: boolean }[] = [];
  let inClass = false;
  let quantifiedInside = false;
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i];
    if (char === '\\') {
      i += 1;
    } else if (inClass) {
      if (char === ']') inClass = false;
    } else if (char === '[') {
      inClass = true;
    } else if (char === '(') {
      groups.push({ start: i + 1, outer: quantifiedInside });
      quantifiedInside = false;
    } else if (char === ')') {
      const inner: boolean = quantifiedInside;
      const group = groups.pop();
      quantifiedInside = group?.outer ?? false;
      const rest = pattern.slice(i + 1);
      const quantified = /^(?:[*+]|\{\d*,\d*\}|\{\d{2,}\})/.test(rest);
      if (inner && quantified && !startsWithFixedCharacter(pattern.slice(group?.start ?? 0, i))) return true;
      quantifiedInside ||= inner || quantified;
    } else if (char === '*' || char === '+' || char === '{') {
      quantifiedInside = true;
    }
  }
  return false;
}

/** Whether a group's body starts with one literal character that is not quantified (`-[a-z]+`, `\\(a+\\)`). */
function startsWithFixedCharacter(body: string): boolean {
  const content = body.replace(/^\?(?::|=|!|<[=!]|<[A-Za-z]\w*>)/, '');
  const atom = /^(?:\\[^dDwWsSbBpPux0-9]|[^\\.[()|*+?{^$])/.exec(content);
  return atom !== null && !/^[*+?{]/.test(content.slice(atom[0].length));
}

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
  if (REGEX_FUNCTIONS.test(expression)) {
    for (const [literal] of expression.matchAll(/"(?:[^"\\]|\\.)*"/g)) {
      if (hasNestedQuantifier(literal.slice(1, -1))) {
        return `the pattern ${literal} nests quantifiers, which can take exponential time on some inputs; rewrite it without a quantified group that holds a quantifier`;
      }
    }
  }
  return undefined;
}
