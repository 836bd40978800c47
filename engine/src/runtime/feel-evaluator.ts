/**
 * @module FeelEvaluator — evaluates FEEL conditions and expressions through feelin, with the variables in scope as
 * the FEEL context. There is one FEEL semantics: every expression, down to a literal or a single variable, is
 * evaluated by feelin (DMN 1.5 §10.3). Each expression body is prepared once (size checked, metered, and parsed
 * once as a FEEL function of the names it reads: prepare-feel-function).
 *
 * The semantics the runtime relies on, as feelin gives them: a variable that is not in scope is null; a comparison
 * of values of different kinds (the text "5" and the number 5) is null, not false; a condition holds only when it
 * is `true`; a path reads own entries only, so `constructor`, `__proto__` and `toString` are null, and a path on a
 * list reads that entry of each item. A value holding a function (a built-in named without calling it) is refused:
 * a process variable holds data.
 *
 * Hostile input stays inside FEEL: oversized expressions are refused before parsing (model/feel-limits), and every
 * evaluation runs metered (meter-feel-expression, feel-guards) under a budget of steps, call depth, list and text
 * sizes: a condition that recurses, loops over the product of citizen-supplied lists or backtracks in a regular
 * expression (those run on RE2) is cut off after a bounded amount of work and reported as `budgetExceeded`, never
 * blocking the event loop. `now()` and `today()` answer the instant the caller passes from the engine's Clock
 * (feel-guards shadows them). A failed evaluation is returned as a value, never thrown, so the runtime can turn it
 * into an incident.
 */
import { evaluate } from 'feelin';
import { DEFAULT_FEEL_BUDGET, feelLimitProblem, type FeelBudget } from '../model/feel-limits';
import { feelGuardsFor, guardedContext, runMetered, type FeelGuards } from './feel-guards';
import { FeelBudgetExceeded, FeelMeter } from './feel-meter';
import { meterFeelExpression } from './meter-feel-expression';
import { prepareFeelFunction, type PreparedFeel } from './prepare-feel-function';

/** A failed evaluation; `budgetExceeded` when it was cut off for doing more work than its budget allows. */
export type FeelResult = { ok: true; value: unknown } | { ok: false; message: string; budgetExceeded?: true };

type Compiled = (context: Record<string, unknown>, at?: number) => FeelResult;

/** Whether a JS function sits in the value, in a list or a context (a FEEL `function(x) …` is an object, not one). */
function holdsFunction(value: unknown, seen = new Set<object>()): boolean {
  if (typeof value === 'function') return true;
  if (value === null || typeof value !== 'object' || seen.has(value)) return false;
  seen.add(value);
  if (Array.isArray(value)) return value.some((item) => holdsFunction(item, seen));
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).some((entry) => holdsFunction(entry, seen));
}

/** Fails when the value an evaluation returns is larger than any value it may build. */
function checkResult(meter: FeelMeter, value: unknown): void {
  if (typeof value === 'string' && value.length > meter.budget.maxStringLength) meter.string(value.length);
  else if (Array.isArray(value) && value.length > meter.budget.maxListLength) meter.list(value.length);
}

function compile(raw: string, budget: FeelBudget): Compiled {
  // Camunda 8 writes FEEL expressions with a leading "=".
  const trimmed = raw.trim();
  const body = trimmed.startsWith('=') ? trimmed.slice(1).trim() : trimmed;
  const tooLarge = feelLimitProblem(body);
  if (tooLarge) return () => ({ ok: false, message: tooLarge });
  let metered: string;
  let guards: FeelGuards;
  let prepared: PreparedFeel | undefined;
  try {
    const expression = meterFeelExpression(body);
    metered = expression.body;
    guards = feelGuardsFor(expression.names);
    prepared = prepareFeelFunction(metered, expression.names, guards);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return () => ({ ok: false, message });
  }
  // feelin copies the context it is given, so without guards the variables go in as they are.
  const withGuards = Object.keys(guards.builtins).length + Object.keys(guards.meters).length > 0;
  return (context, at) => {
    const meter = new FeelMeter(budget);
    try {
      const { value, warnings } = runMetered(meter, () => prepared?.(context) ?? evaluate(metered, withGuards ? guardedContext(guards, context) : context), at);
      const failure = warnings.find((w) => w.type === 'FUNCTION_INVOCATION_FAILURE' || w.type === 'NO_FUNCTION_FOUND');
      if (failure) return { ok: false, message: failure.message };
      if (holdsFunction(value)) return { ok: false, message: 'the expression names a function without calling it; a process variable holds data only' };
      checkResult(meter, value);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof FeelBudgetExceeded) return { ok: false, message: error.message, budgetExceeded: true };
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  };
}

/** Evaluates FEEL expression bodies; prepared forms are cached per body. */
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
