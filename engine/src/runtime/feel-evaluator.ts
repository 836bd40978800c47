/**
 * @module FeelEvaluator — evaluates FEEL conditions and expressions through feelin, with the variables in scope as
 * the FEEL context. Each expression body is compiled once: literals, variable paths and `name <op> literal`
 * comparisons get a direct evaluator with FEEL's semantics; everything else goes to feelin. A failed evaluation
 * is returned as a value, never thrown, so the runtime can turn it into an incident.
 *
 * Hostile input stays inside FEEL: variable paths read own properties only (never `constructor` or `__proto__`),
 * oversized expressions are refused before parsing (model/feel-limits), and the bounds of every iterated range
 * (`for i in a..b`, `some x in [a..b)`) pass through guards that refuse fractional bounds (feelin never ends on them)
 * and more than MAX_RANGE_VALUES values in one evaluation, the bounds often being form data.
 */
import { evaluate, parseExpression } from 'feelin';
import { feelLimitProblem } from '../model/feel-limits';

export type FeelResult = { ok: true; value: unknown } | { ok: false; message: string };

type Compiled = (context: Record<string, unknown>) => FeelResult;

const LITERAL = /^(true|false|null|-?\d+(?:\.\d+)?|"[^"\\]*")$/;
const PATH = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const COMPARISON = /^([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*(=|!=|<=|>=|<|>)\s*(true|false|null|-?\d+(?:\.\d+)?|"[^"\\]*")$/;
const RESERVED = new Set(['true', 'false', 'null', 'not', 'and', 'or', 'if', 'then', 'else', 'for', 'in', 'some', 'every', 'between', 'instance', 'of', 'function']);

function parseLiteral(text: string): unknown {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text === 'null') return null;
  if (text.startsWith('"')) return text.slice(1, -1);
  return Number(text);
}

function readPath(context: Record<string, unknown>, path: string[]): unknown {
  let value: unknown = context;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return null;
    value = (value as Record<string, unknown>)[key];
  }
  return value === undefined ? null : value;
}

/** FEEL comparison of simple values: equality is typed, ordering only between two numbers or two strings. */
function compare(left: unknown, op: string, right: unknown): unknown {
  if (op === '=') return left === right;
  if (op === '!=') return left !== right;
  const comparable = (typeof left === 'number' && typeof right === 'number') || (typeof left === 'string' && typeof right === 'string');
  if (!comparable) return undefined;
  const l = left as number;
  const r = right as number;
  return op === '<' ? l < r : op === '<=' ? l <= r : op === '>' ? l > r : l >= r;
}

/** Most values one evaluation may iterate over through ranges, nested loops multiplying. */
export const MAX_RANGE_VALUES = 100_000;
const RANGE_START = '__ltRangeStart';
const RANGE_END = '__ltRangeEnd';

/** `body` with the bounds of every iterated range wrapped in guard calls, or `undefined` when it iterates no range. */
function guardRanges(body: string): string | undefined {
  const inserts: { at: number; text: string }[] = [];
  parseExpression(body, {}, undefined).iterate({
    enter(ref) {
      if (ref.name !== 'IterationContext') return;
      const holder = ref.node.getChild('SimplePositiveUnaryTest')?.getChild('Interval') ?? ref.node;
      const dots = holder.getChild('..');
      const start = dots?.prevSibling;
      const end = dots?.nextSibling;
      if (!start || !end) return;
      inserts.push({ at: start.from, text: `${RANGE_START}(` }, { at: start.to, text: ')' }, { at: end.from, text: `${RANGE_END}(` }, { at: end.to, text: ')' });
    },
  });
  if (inserts.length === 0) return undefined;
  let guarded = body;
  for (const { at, text } of inserts.sort((a, b) => b.at - a.at)) guarded = guarded.slice(0, at) + text + guarded.slice(at);
  return guarded;
}

/** Fresh guard functions for one evaluation: feelin evaluates a range's start, then its end. */
function rangeGuards(): Record<string, (value: unknown) => unknown> {
  let budget = MAX_RANGE_VALUES;
  let start: unknown;
  const startGuard = (value: unknown) => {
    start = value;
    return value;
  };
  const endGuard = (end: unknown) => {
    if (typeof start === 'number' || typeof end === 'number') {
      if (!Number.isInteger(start) || !Number.isInteger(end)) throw new Error(`a range to iterate needs whole-number bounds, not ${String(start)}..${String(end)}`);
      budget -= Math.abs((end as number) - (start as number)) + 1;
    }
    if (budget < 0) throw new Error(`the expression iterates over more than ${MAX_RANGE_VALUES} values`);
    return end;
  };
  // feelin takes parameter names from `$args` (it would otherwise parse them out of the function's source).
  return { [RANGE_START]: Object.assign(startGuard, { $args: ['value'] }), [RANGE_END]: Object.assign(endGuard, { $args: ['value'] }) };
}

function viaFeelin(raw: string): Compiled {
  let guarded: string | undefined;
  try {
    guarded = guardRanges(raw);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return () => ({ ok: false, message });
  }
  const body = guarded ?? raw;
  return (context) => {
    try {
      const { value, warnings } = evaluate(body, guarded ? { ...context, ...rangeGuards() } : context);
      const failure = warnings.find((w) => w.type === 'FUNCTION_INVOCATION_FAILURE' || w.type === 'NO_FUNCTION_FOUND');
      if (failure) return { ok: false, message: failure.message };
      return { ok: true, value };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  };
}

function compile(raw: string): Compiled {
  // Camunda 8 writes FEEL expressions with a leading "=".
  const body = raw.trim().startsWith('=') ? raw.trim().slice(1).trim() : raw.trim();
  const tooLarge = feelLimitProblem(body);
  if (tooLarge) return () => ({ ok: false, message: tooLarge });
  if (LITERAL.test(body)) {
    const value = parseLiteral(body);
    return () => ({ ok: true, value });
  }
  if (PATH.test(body) && !RESERVED.has(body.split('.')[0]!)) {
    const path = body.split('.');
    return (context) => ({ ok: true, value: readPath(context, path) });
  }
  const match = COMPARISON.exec(body);
  if (match && !RESERVED.has(match[1]!.split('.')[0]!)) {
    const path = match[1]!.split('.');
    const op = match[2]!;
    const right = parseLiteral(match[3]!);
    const slow = viaFeelin(body);
    return (context) => {
      const value = compare(readPath(context, path), op, right);
      return value === undefined ? slow(context) : { ok: true, value };
    };
  }
  return viaFeelin(body);
}

/** Evaluates FEEL expression bodies; compiled forms are cached per body. */
export class FeelEvaluator {
  private readonly cache = new Map<string, Compiled>();

  evaluate(body: string, context: Record<string, unknown>): FeelResult {
    let compiled = this.cache.get(body);
    if (!compiled) {
      compiled = compile(body);
      this.cache.set(body, compiled);
    }
    return compiled(context);
  }

  /** A condition holds only when it evaluates to `true`; null and non-booleans do not (DMN/FEEL semantics). */
  test(body: string, context: Record<string, unknown>): FeelResult {
    const result = this.evaluate(body, context);
    return result.ok ? { ok: true, value: result.value === true } : result;
  }
}
