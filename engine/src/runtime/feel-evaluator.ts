/**
 * @module FeelEvaluator — evaluates FEEL conditions and expressions through feelin, with the variables in scope as
 * the FEEL context. Each expression body is compiled once: literals, variable paths and `name <op> literal`
 * comparisons get a direct evaluator with FEEL's semantics; everything else goes to feelin. A failed evaluation
 * is returned as a value, never thrown, so the runtime can turn it into an incident.
 *
 * Hostile input stays inside FEEL: variable paths read own properties only (never `constructor` or `__proto__`),
 * oversized expressions are refused before parsing (model/feel-limits), and every feelin evaluation runs metered
 * (meter-feel-expression, feel-guards) under a budget of steps, call depth, list and text sizes: a condition that
 * recurses, loops over the product of citizen-supplied lists or backtracks in a regular expression (those run on
 * RE2) is cut off after a bounded amount of work and reported as `budgetExceeded`, never blocking the event loop.
 * `now()` and `today()` answer the instant the caller passes from the engine's Clock (feel-guards shadows them).
 */
import { evaluate } from 'feelin';
import { DEFAULT_FEEL_BUDGET, feelLimitProblem, type FeelBudget } from '../model/feel-limits';
import { feelGuardsFor, runMetered } from './feel-guards';
import { FeelBudgetExceeded, FeelMeter } from './feel-meter';
import { meterFeelExpression } from './meter-feel-expression';

/** A failed evaluation; `budgetExceeded` when it was cut off for doing more work than its budget allows. */
export type FeelResult = { ok: true; value: unknown } | { ok: false; message: string; budgetExceeded?: true };

type Compiled = (context: Record<string, unknown>, at?: number) => FeelResult;

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

/** Fails when the value an evaluation returns is larger than any value it may build. */
function checkResult(meter: FeelMeter, value: unknown): void {
  if (typeof value === 'string' && value.length > meter.budget.maxStringLength) meter.string(value.length);
  else if (Array.isArray(value) && value.length > meter.budget.maxListLength) meter.list(value.length);
}

function viaFeelin(raw: string, budget: FeelBudget): Compiled {
  let body: string;
  let guards: Record<string, unknown>;
  try {
    const metered = meterFeelExpression(raw);
    body = metered.body;
    guards = feelGuardsFor(metered.names);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return () => ({ ok: false, message });
  }
  return (context, at) => {
    const meter = new FeelMeter(budget);
    try {
      const { value, warnings } = runMetered(meter, () => evaluate(body, { ...context, ...guards }), at);
      const failure = warnings.find((w) => w.type === 'FUNCTION_INVOCATION_FAILURE' || w.type === 'NO_FUNCTION_FOUND');
      if (failure) return { ok: false, message: failure.message };
      checkResult(meter, value);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof FeelBudgetExceeded) return { ok: false, message: error.message, budgetExceeded: true };
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  };
}

function compile(raw: string, budget: FeelBudget): Compiled {
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
    const slow = viaFeelin(body, budget);
    return (context, at) => {
      const value = compare(readPath(context, path), op, right);
      return value === undefined ? slow(context, at) : { ok: true, value };
    };
  }
  return viaFeelin(body, budget);
}

/** Evaluates FEEL expression bodies; compiled forms are cached per body. */
export class FeelEvaluator {
  private readonly cache = new Map<string, Compiled>();

  /** @param budget the work each evaluation may do; the default is model/feel-limits' DEFAULT_FEEL_BUDGET. */
  constructor(private readonly budget: FeelBudget = DEFAULT_FEEL_BUDGET) {}

  /**
   * @param at the evaluation instant (epoch ms, from the engine's Clock) that `now()` and `today()` answer; without
   * it they fail, since the engine never reads the system clock.
   */
  evaluate(body: string, context: Record<string, unknown>, at?: number): FeelResult {
    let compiled = this.cache.get(body);
    if (!compiled) {
      compiled = compile(body, this.budget);
      this.cache.set(body, compiled);
    }
    return compiled(context, at);
  }

  /** A condition holds only when it evaluates to `true`; null and non-booleans do not (DMN/FEEL semantics). */
  test(body: string, context: Record<string, unknown>, at?: number): FeelResult {
    const result = this.evaluate(body, context, at);
    return result.ok ? { ok: true, value: result.value === true } : result;
  }
}
