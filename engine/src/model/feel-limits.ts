/**
 * @module feelLimits — the size of a FEEL expression the engine agrees to read, and the work budget every evaluation
 * runs under. feelin parses and evaluates recursively, so a very long or deeply bracketed expression overflows the
 * stack or takes seconds; real conditions and mappings are a few hundred characters with a handful of brackets.
 * Regular expressions (`matches`, `replace`, `split`, DMN 1.5 §10.3.4.3) run on RE2 (the re2js port), whose matching
 * time is linear in the input, so a pattern is checked only for what RE2 cannot run (back-references, look-arounds).
 */
import { RE2JS } from 're2js';

/** Longest expression body accepted, in characters. */
export const MAX_FEEL_LENGTH = 10_000;
/** Deepest nesting of `(`, `[` and `{` accepted, outside string literals. */
export const MAX_FEEL_NESTING = 64;

/**
 * The work one evaluation may do before it is cut off (the runtime raises an incident on the step). Counted in steps,
 * not milliseconds, so the same dossier with the same data gets the same outcome on every machine and every replay.
 */
export interface FeelBudget {
  /** Steps of work: one per loop iteration, filtered item, user-defined function call, `+`, built-in call and item or 100 characters a built-in reads. */
  maxSteps: number;
  /** User-defined function calls nested inside one another. */
  maxCallDepth: number;
  /** Items of a list that is iterated, filtered, given to or returned by a built-in, or returned as the result. */
  maxListLength: number;
  /** Characters of a string built by `+`, given to or returned by a built-in, or returned as the result. */
  maxStringLength: number;
  /** Characters of a regular expression given to `matches`, `replace` or `split`. */
  maxPatternLength: number;
}

export const DEFAULT_FEEL_BUDGET: Readonly<FeelBudget> = Object.freeze({
  maxSteps: 50_000,
  maxCallDepth: 64,
  maxListLength: 10_000,
  maxStringLength: 100_000,
  maxPatternLength: 1_000,
});

/** FEEL functions whose second argument is a regular expression. */
const REGEX_FUNCTIONS = /\b(?:matches|replace|split)\s*\(/;

/** Why RE2 cannot run a pattern (`(a)\1`, `a(?=b)`), or `undefined` when it can. */
export function patternProblem(pattern: string): string | undefined {
  if (pattern.length > DEFAULT_FEEL_BUDGET.maxPatternLength) return `the pattern is ${pattern.length} characters long; at most ${DEFAULT_FEEL_BUDGET.maxPatternLength} are accepted`;
  try {
    RE2JS.compile(pattern);
    return undefined;
  } catch (error) {
    return `the pattern "${pattern}" cannot run in linear time (${error instanceof Error ? error.message : String(error)}); back-references and look-arounds are not supported`;
  }
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
  // The metering guards the runtime inserts (runtime/meter-feel-expression) are named __lt…: a model may not call them.
  if (/\b__lt/.test(expression.replace(/"(?:[^"\\]|\\.)*"/g, '""'))) return 'names starting with "__lt" are reserved for the engine';
  if (REGEX_FUNCTIONS.test(expression)) {
    for (const [literal] of expression.matchAll(/"(?:[^"\\]|\\.)*"/g)) {
      const pattern = literal.slice(1, -1).replace(/\\(["\\])/g, '$1');
      if (/[\\(]/.test(pattern)) {
        const problem = patternProblem(pattern);
        if (problem) return problem;
      }
    }
  }
  return undefined;
}
