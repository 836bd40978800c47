/**
 * @module meterFeelExpression — rewrites a FEEL expression so that every place where feelin repeats work or grows a
 * value calls a guard first (runtime/feel-guards), each guard charging the evaluation's meter.
 *
 * Why a rewrite: feelin compiles the parse tree into nested closures and offers no hook into function calls or loop
 * iterations, and its interpreter is not exported for wrapping. What it does offer is that a function found in the
 * evaluation context is called like any FEEL function and that whatever it throws unwinds the whole evaluation. So
 * the expression's own text gets guard calls at the points that can repeat or grow:
 *
 * - `for x in list`, `some x in list`, `every x in list` → `x in __ltIter(list)`: one step per item, charged when the
 *   collection is made, before the body runs; for `a..b` and `[a..b)` the bounds pass through __ltRangeStart/End.
 *   Nested collections are made once per outer item, so their product is charged.
 * - `list[condition]` → `__ltFilter(list)[condition]`: one step per item the condition runs on.
 * - `function(x) body` → `function(x) __ltCall(__ltEnter(), body)`: one step per call, and the nesting depth.
 * - `a + b` → `__ltSum(a + b)`: texts grown by `+` (by doubling, 2^n characters in n steps) are stopped at their limit.
 *
 * Straight-line code between those points runs once per step at most, and the expression itself is bounded in
 * size (model/feel-limits), so the work of an evaluation is bounded by its step budget. Built-ins are charged by
 * the guards that shadow them (feel-guards). The guards return their argument unchanged, so the value is the same.
 */
import { parseExpression } from 'feelin';

interface Insert {
  at: number;
  text: string;
  /** Closing text goes before opening text at the same position; among openings the outer one comes first. */
  closing: boolean;
  depth: number;
}

const isPlus = (body: string, op: { from: number; to: number } | null): boolean => op !== null && body.slice(op.from, op.to) === '+';

/** A metered expression and every variable name it reads (guards included), for feel-guards' feelGuardsFor. */
export interface MeteredExpression {
  body: string;
  names: Set<string>;
}

/** The expression with guard calls inserted (the same text when nothing in it repeats or grows). */
export function meterFeelExpression(body: string): MeteredExpression {
  const inserts: Insert[] = [];
  const names = new Set<string>();
  let depth = 0;
  const wrap = (from: number, to: number, open: string, close = ')') => {
    inserts.push({ at: from, text: open, closing: false, depth }, { at: to, text: close, closing: true, depth });
    for (const [guard] of open.matchAll(/__lt[A-Za-z]+/g)) names.add(guard);
  };
  parseExpression(body, {}, undefined).iterate({
    enter(ref) {
      depth += 1;
      const node = ref.node;
      if (ref.name === 'VariableName') names.add(body.slice(ref.from, ref.to).replace(/\s+/g, ' '));
      if (ref.name === 'IterationContext') {
        const holder = node.getChild('SimplePositiveUnaryTest')?.getChild('Interval') ?? node;
        const dots = holder.getChild('..');
        const start = dots?.prevSibling;
        const end = dots?.nextSibling;
        if (dots && start && end) {
          wrap(start.from, start.to, '__ltRangeStart(');
          wrap(end.from, end.to, '__ltRangeEnd(');
        } else {
          wrap(ref.from, ref.to, '__ltIter(');
        }
      } else if (ref.name === 'FilterExpression') {
        const target = node.firstChild;
        if (target) wrap(target.from, target.to, '__ltFilter(');
      } else if (ref.name === 'FunctionBody') {
        wrap(ref.from, ref.to, '__ltCall(__ltEnter(), ');
      } else if (ref.name === 'ArithmeticExpression' && isPlus(body, node.getChild('ArithOp'))) {
        wrap(ref.from, ref.to, '__ltSum(');
      }
      return undefined;
    },
    leave() {
      depth -= 1;
    },
  });
  if (inserts.length === 0) return { body, names };
  inserts.sort((a, b) => a.at - b.at || Number(b.closing) - Number(a.closing) || (a.closing ? b.depth - a.depth : a.depth - b.depth));
  let metered = '';
  let copied = 0;
  for (const insert of inserts) {
    metered += body.slice(copied, insert.at) + insert.text;
    copied = insert.at;
  }
  return { body: metered + body.slice(copied), names };
}
