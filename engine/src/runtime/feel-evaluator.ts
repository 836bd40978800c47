/**
 * @module FeelEvaluator — evaluates FEEL conditions and expressions through feelin, with the variables in scope as
 * the FEEL context. Each expression body is compiled once: literals, variable paths and `name <op> literal`
 * comparisons get a direct evaluator with FEEL's semantics; everything else goes to feelin. A failed evaluation
 * is returned as a value, never thrown, so the runtime can turn it into an incident.
 */
import { evaluate } from 'feelin';

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
    if (value === null || typeof value !== 'object') return null;
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

function viaFeelin(body: string): Compiled {
  return (context) => {
    try {
      const { value, warnings } = evaluate(body, context);
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
