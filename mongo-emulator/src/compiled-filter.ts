/**
 * @module compileFilter: a query filter compiled by mingo with only the operators a filter can name.
 *
 * mingo's top-level `Query` and `updateOne` copy mingo's whole operator table (every expression, pipeline,
 * accumulator, window and projection operator, a few hundred entries) into a fresh context on each call. Under the
 * load bench that copying was a sixth of the emulator's busy time: every command's filter and every update statement
 * paid it (bench/README.md, "Load"). A filter needs the query operators; it needs the expression operators only
 * through `$expr` (manual: "Query and Projection Operators", "$expr"). So two contexts are built once, here, and a
 * filter is compiled with the smaller unless it names `$expr`. mingo still copies the chosen context per call; the
 * query operators are 26 of its 231 operators.
 */
import type { Document } from 'bson';
import { Context } from 'mingo/core';
import * as expressionOperators from 'mingo/operators/expression';
import * as queryOperators from 'mingo/operators/query';
import { Query } from 'mingo/query';

type Operators = NonNullable<Parameters<typeof Context.init>[0]>;

const QUERY = Context.init({ query: { ...queryOperators } } as Operators);
const QUERY_AND_EXPRESSIONS = Context.init({ query: { ...queryOperators }, expression: { ...expressionOperators } } as Operators);

/** Whether `$expr` appears anywhere in the value (a filter, an update's array filters): only then are expressions needed. */
function namesExpr(value: unknown, depth = 0): boolean {
  if (typeof value !== 'object' || value === null || depth > 100) return false;
  if (Array.isArray(value)) return value.some((item) => namesExpr(item, depth + 1));
  for (const [key, item] of Object.entries(value)) if (key === '$expr' || namesExpr(item, depth + 1)) return true;
  return false;
}

/** The operator context for these filters (a statement's filter and its array filters together). */
export function filterContext(...filters: unknown[]): Context {
  return filters.some((filter) => namesExpr(filter)) ? QUERY_AND_EXPRESSIONS : QUERY;
}

/** The filter compiled once for testing many documents; throws as mingo does on an unknown operator. */
export function compileFilter(filter: Document): Query {
  return new Query(filter, { context: filterContext(filter) });
}
