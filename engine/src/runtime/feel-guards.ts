/**
 * @module feelGuards — the functions a metered FEEL expression calls (runtime/meter-feel-expression inserts the calls)
 * and the built-ins it sees, all charging the meter of the evaluation in progress. They enter feelin through the
 * evaluation context, where a name shadows feelin's built-in of the same name (feelin looks a variable up in the
 * context before its built-ins); a variable of the same name shadows the metered built-in in turn, never a metering
 * guard (guardedContext). Evaluation is synchronous, so "the evaluation in progress" is one module variable
 * set by runMetered.
 */
import { evaluate, FeelRange, parseDate, parseDateTime } from 'feelin';
import { FeelMeter } from './feel-meter';
import { feelRegexFunctions } from './feel-regex';

let active: FeelMeter | undefined;
let activeAt: number | undefined;

function meter(): FeelMeter {
  if (!active) throw new Error('a FEEL guard ran outside runMetered');
  return active;
}

/**
 * Runs `work` (one feelin evaluation) with `current` as the meter that the guards charge and `at` (epoch ms, from
 * the engine's Clock) as the instant `now()` and `today()` answer.
 */
export function runMetered<T>(current: FeelMeter, work: () => T, at?: number): T {
  const previous = active;
  const previousAt = activeAt;
  active = current;
  activeAt = at;
  try {
    return work();
  } finally {
    active = previous;
    activeAt = previousAt;
  }
}

/** feelin takes parameter names from `$args` (it would otherwise parse them out of the function's source). */
const feelFunction = <F extends (...args: never[]) => unknown>(fn: F, args: string[]): F => Object.assign(fn, { $args: args });

/** Items a range iterates over, or undefined when it is not a range of whole numbers. */
function rangeLength(range: FeelRange): number | undefined {
  const { start, end } = range;
  if (typeof start !== 'number' || typeof end !== 'number') return undefined;
  // feelin steps a number range by 1 from start until it meets end: fractional bounds never meet.
  if (!Number.isInteger(start) || !Number.isInteger(end)) throw new Error(`a range to iterate needs whole-number bounds, not ${start}..${end}`);
  return Math.abs(end - start) + 1;
}

let rangeStart: unknown;

/** Procedures run in Vietnam (UTC+7, no daylight saving): `today()` is the date there, `now()` carries that offset. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** The evaluation instant as Vietnam's local date-time text, e.g. `2026-01-05T08:00:00.000`. */
function vietnamLocalText(): string {
  // The engine never reads the system clock: without an instant from the Clock, `now()` and `today()` have no answer.
  if (activeAt === undefined) throw new Error('now() and today() need the evaluation instant from the engine clock');
  return new Date(activeAt + VIETNAM_OFFSET_MS).toISOString().slice(0, -1);
}

/**
 * `now()` and `today()` (DMN 1.5 §10.3.4.1) from the engine's Clock rather than feelin's system clock, as the same
 * kinds feelin returns: a date and time with the +07:00 offset, and a date.
 */
const CLOCK_BUILTINS = {
  now: feelFunction(() => parseDateTime(`${vietnamLocalText()}+07:00`), []),
  today: feelFunction(() => parseDate(vietnamLocalText().slice(0, 10)), []),
};

/** The guards named in metered expressions. */
const METERING_GUARDS = {
  /** The collection of a `for`, `some` or `every`: one step per item. */
  __ltIter: feelFunction((value: unknown) => {
    if (Array.isArray(value)) meter().list(value.length);
    else if (value instanceof FeelRange) meter().list(rangeLength(value) ?? 0);
    return value;
  }, ['value']),
  /** The start of an iterated `a..b`; feelin evaluates a range's start, then its end. */
  __ltRangeStart: feelFunction((value: unknown) => {
    rangeStart = value;
    return value;
  }, ['value']),
  __ltRangeEnd: feelFunction((end: unknown) => {
    const start = rangeStart;
    if (typeof start === 'number' || typeof end === 'number') {
      if (!Number.isInteger(start) || !Number.isInteger(end)) throw new Error(`a range to iterate needs whole-number bounds, not ${String(start)}..${String(end)}`);
      meter().list(Math.abs((end as number) - (start as number)) + 1);
    }
    return end;
  }, ['value']),
  /** The list a filter `list[condition]` runs its condition over. */
  __ltFilter: feelFunction((value: unknown) => {
    if (Array.isArray(value)) meter().list(value.length);
    return value;
  }, ['value']),
  /** The sum or concatenation `a + b`, checked for size once built. */
  __ltSum: feelFunction((value: unknown) => {
    if (typeof value === 'string') meter().string(value.length);
    else meter().charge(1);
    return value;
  }, ['value']),
  /** Entry to a user-defined function: `function(x) body` runs as `__ltCall(__ltEnter(), body)`. */
  __ltEnter: feelFunction(() => {
    meter().enter();
    return null;
  }, []),
  __ltCall: feelFunction((_entered: unknown, value: unknown) => {
    meter().leave();
    return value;
  }, ['entered', 'value']),
};

/**
 * Built-ins that read lists, texts or contexts (DMN 1.5 §10.3.4): each call is charged for the size of what it reads
 * and of what it returns. `distinct values` and `union` compare each list or context item with every item kept
 * (feelin hashes the simple ones), so they are charged that product.
 */
const SIZED_BUILTINS = [
  'substring', 'string length', 'upper case', 'lower case', 'substring before', 'substring after', 'contains', 'starts with', 'ends with',
  'string join', 'string', 'number', 'list contains', 'list replace', 'count', 'min', 'max', 'sum', 'mean', 'all', 'any', 'sublist', 'append',
  'concatenate', 'insert before', 'remove', 'reverse', 'index of', 'flatten', 'product', 'median', 'stddev', 'mode', 'sort', 'get value',
  'get entries', 'context', 'context merge', 'context put', 'is',
];
const QUADRATIC_BUILTINS = ['distinct values', 'union'];

function sizeOf(value: unknown): number {
  if (typeof value === 'string') return Math.ceil(value.length / 100);
  if (Array.isArray(value)) return value.length;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) return Object.keys(value).length;
  return 0;
}

function checkSize(value: unknown): void {
  if (typeof value === 'string' && value.length > meter().budget.maxStringLength) meter().string(value.length);
  else if (Array.isArray(value) && value.length > meter().budget.maxListLength) meter().list(value.length);
}

function sizedBuiltin(name: string, quadratic: boolean): unknown {
  const original = evaluate(name).value as ((...args: unknown[]) => unknown) & { $args?: string[] };
  if (typeof original !== 'function') throw new Error(`feelin has no built-in "${name}"`);
  const wrapped = (...args: unknown[]) => {
    let read = 1;
    let complex = 0;
    for (const arg of args) {
      checkSize(arg);
      read += sizeOf(arg);
      if (quadratic && Array.isArray(arg)) complex += arg.filter((item) => item !== null && typeof item === 'object').length;
    }
    meter().charge(read + complex * read);
    const result = original(...args);
    checkSize(result);
    meter().charge(sizeOf(result));
    return result;
  };
  return Object.assign(wrapped, { $args: original.$args });
}

/**
 * Built-ins shadowed by a metered version. A variable of the same name shadows them in turn, as it shadows any FEEL
 * built-in: variables are data, so calling one fails (NO_FUNCTION_FOUND) and never falls back to feelin's own.
 */
const SHADOWED_BUILTINS: Readonly<Record<string, unknown>> = Object.freeze({
  ...Object.fromEntries(SIZED_BUILTINS.map((name) => [name, sizedBuiltin(name, false)])),
  ...Object.fromEntries(QUADRATIC_BUILTINS.map((name) => [name, sizedBuiltin(name, true)])),
  ...feelRegexFunctions(meter),
  ...CLOCK_BUILTINS,
});

/** What a metered expression adds to its context: built-ins under its variables, metering guards over them. */
export interface FeelGuards {
  builtins: Record<string, unknown>;
  meters: Record<string, unknown>;
}

/**
 * The guards and shadowed built-ins an expression names. feelin copies the whole context at every function call and
 * loop iteration, so only those an expression uses go into its context.
 */
export function feelGuardsFor(names: Iterable<string>): FeelGuards {
  const guards: FeelGuards = { builtins: {}, meters: {} };
  for (const name of names) {
    if (Object.hasOwn(SHADOWED_BUILTINS, name)) guards.builtins[name] = SHADOWED_BUILTINS[name];
    else if (Object.hasOwn(METERING_GUARDS, name)) guards.meters[name] = METERING_GUARDS[name as keyof typeof METERING_GUARDS];
  }
  return guards;
}

/**
 * The evaluation context: the variables over the built-ins they shadow, under the metering guards, which a variable
 * named like one (`__ltIter` in citizen data) must not replace.
 */
export function guardedContext(guards: FeelGuards, variables: Record<string, unknown>): Record<string, unknown> {
  return { ...guards.builtins, ...variables, ...guards.meters };
}
