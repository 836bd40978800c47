import { describe, expect, it } from 'vitest';
import { feelProblem, parseProcedure } from '../../../engine/src/model/index';
import { readFixture } from './read-fixture';

describe('deploy refuses FEEL whose work cannot be bounded', () => {
  it('refuses the recursive function, the self-applied function and the product of two input lists in conditions and timers, naming each element', async () => {
    // given a model whose gateway conditions and timer cannot be bounded
    const xml = readFixture('unbounded-expressions.bpmn');
    // when it is validated
    const { issues } = await parseProcedure(xml);
    // then each is an error on its own element, and the bounded ones pass
    const unbounded = issues.filter((issue) => issue.code === 'EXPRESSION_UNBOUNDED');
    expect(unbounded.map((issue) => [issue.elementId, issue.severity])).toEqual([
      ['flow-recursive-function', 'error'],
      ['flow-self-applied-function', 'error'],
      ['flow-product-of-lists', 'error'],
      ['boundary-timer-product', 'error'],
    ]);
    expect(unbounded[0]!.message).toMatch(/flow-recursive-function.*"f" calls itself/);
    expect(unbounded[2]!.message).toContain('the loop over "form.list" runs once for every item of "form.list"');
    expect(issues.filter((issue) => issue.elementId === 'flow-items-of-owners')).toEqual([]);
  });

  it('refuses recursion through another context entry, through an enclosing entry and with a quoted key', () => {
    for (const body of ['{f: function(n) g(n), g: function(n) f(n)}.f(1)', '{a: {f: function(n) a.f(n)}}.a.f(1)', '{"f": function(n) f(n)}.f(1)', '= sort(l, {c: function(a, b) c(a, b)}.c)']) {
      expect(feelProblem(body), body).toMatchObject({ kind: 'unbounded', message: expect.stringContaining('calls itself') });
    }
  });

  it('accepts helper functions, comparators, loops inside the outer item and loops over literal lists', () => {
    for (const body of [
      '{double: function(x) x * 2, quad: function(x) double(double(x))}.quad(2) = 8',
      'sort(list, function(a, b) a < b)',
      'for o in owners, d in o.documents return d.kind',
      'for i in 1..3, b in form.list return b',
      'for x in [1, 2, 3] return for y in form.list return x * y',
      'amount > 1000 and matches(name, "^(a+)+$")',
    ]) {
      expect(feelProblem(body), body).toBeUndefined();
    }
  });
});
