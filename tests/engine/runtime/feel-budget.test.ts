import { describe, expect, it } from 'vitest';
import { DEFAULT_FEEL_BUDGET } from '../../../engine/src/model/index';
import { FeelEvaluator } from '../../../engine/src/runtime/feel-evaluator';

const citizenList = Array.from({ length: 3000 }, (_, i) => i);

describe('FEEL runs under a budget of work', () => {
  it('cuts off the exponential recursive function of issue 14 after its step budget, as a budget failure', () => {
    // given the gateway condition that blocked the event loop for 26 s
    const feel = new FeelEvaluator();
    // when it is evaluated
    const result = feel.evaluate('= {f: function(n) if n = 0 then 0 else f(n-1) + f(n-1)}.f(23) = 1', {});
    // then it stops with a failure naming the step budget
    expect(result).toEqual({ ok: false, budgetExceeded: true, message: `the expression needs more than ${DEFAULT_FEEL_BUDGET.maxSteps} steps of work (loop iterations, function calls, list items)` });
  });

  it('cuts off a deep linear recursion at the call depth limit', () => {
    const feel = new FeelEvaluator();
    expect(feel.evaluate('{f: function(n) if n = 0 then 0 else f(n-1)}.f(1000000)', {})).toEqual({
      ok: false,
      budgetExceeded: true,
      message: `the expression nests more than ${DEFAULT_FEEL_BUDGET.maxCallDepth} function calls (a recursive function)`,
    });
  });

  it('cuts off a loop over the product of two lists of 3,000 citizen-supplied items', () => {
    const feel = new FeelEvaluator();
    expect(feel.evaluate('count(for a in form.list, b in form.list return a) > 0', { form: { list: citizenList } })).toMatchObject({ ok: false, budgetExceeded: true });
    expect(feel.evaluate('some a in form.list satisfies (every b in form.list satisfies a = b)', { form: { list: citizenList } })).toMatchObject({ ok: false, budgetExceeded: true });
    expect(feel.evaluate('count(for a in form.list return form.list[item = a]) > 0', { form: { list: citizenList } })).toMatchObject({ ok: false, budgetExceeded: true });
  });

  it('answers the backtracking pattern of issue 14 at once, on RE2, with the answer JS RegExp would give', () => {
    const feel = new FeelEvaluator();
    expect(feel.evaluate('matches("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", "(a|a)*$")', {})).toEqual({ ok: true, value: true });
    expect(feel.evaluate('matches(x, "^(a|aa)+$")', { x: `${'a'.repeat(5000)}!` })).toEqual({ ok: true, value: false });
  });

  it('stops a text doubled by + at the text size limit', () => {
    const feel = new FeelEvaluator();
    const doubling = `{a: "xxxxxxxxxx", ${'bcdefghijklmnopqrstuvw'.split('').map((key, i) => `${key}: ${'abcdefghijklmnopqrstuvw'[i]}+${'abcdefghijklmnopqrstuvw'[i]}`).join(', ')}}.w`;
    expect(feel.evaluate(doubling, {})).toMatchObject({ ok: false, budgetExceeded: true, message: expect.stringContaining(`at most ${DEFAULT_FEEL_BUDGET.maxStringLength} are allowed`) });
  });

  it('charges built-ins for what they read: a list longer than the list limit is refused', () => {
    const feel = new FeelEvaluator();
    const long = Array.from({ length: DEFAULT_FEEL_BUDGET.maxListLength + 1 }, () => 1);
    expect(feel.evaluate('sum(form.list) > 0', { form: { list: long } })).toMatchObject({ ok: false, budgetExceeded: true, message: expect.stringContaining('at most 10000 are allowed') });
    expect(feel.evaluate('sum(form.list)', { form: { list: citizenList } })).toEqual({ ok: true, value: 4498500 });
  });

  it('follows an injected budget: the same loop passes under it and is cut off above it', () => {
    // given a budget of 100 steps
    const feel = new FeelEvaluator({ ...DEFAULT_FEEL_BUDGET, maxSteps: 100 });
    // when / then
    expect(feel.evaluate('count(for x in items return x) = 30', { items: citizenList.slice(0, 30) })).toEqual({ ok: true, value: true });
    expect(feel.evaluate('count(for x in items return x) = 200', { items: citizenList.slice(0, 200) })).toMatchObject({ ok: false, budgetExceeded: true });
  });

  it('keeps the values of ordinary expressions: loops, filters, functions, sums, texts and patterns', () => {
    const feel = new FeelEvaluator();
    const context = { form: { owners: [{ name: 'An', documents: [{ kind: 'cccd' }, { kind: 'gcn' }] }, { name: 'Bình', documents: [{ kind: 'cccd' }] }], amount: 1200, code: 'thu-tuc-01' } };
    const cases: [string, unknown][] = [
      ['for o in form.owners, d in o.documents return o.name + ":" + d.kind', ['An:cccd', 'An:gcn', 'Bình:cccd']],
      ['count(form.owners[count(documents) > 1])', 1],
      ['{double: function(x) x * 2}.double(form.amount) + 1', 2401],
      ['sort([3, 1, 2], function(a, b) a < b)', [1, 2, 3]],
      ['replace(form.code, "(\\\\d+)$", "[$1]")', 'thu-tuc-[01]'],
      ['split("a, b,c", ",\\\\s*")', ['a', 'b', 'c']],
      ['matches(form.code, "^THU", "i")', true],
      ['string join(for i in 1..3 return string(i), "-")', '1-2-3'],
      ['distinct values([1, 2, 2, [3], [3]])', [1, 2, [3]]],
    ];
    for (const [body, value] of cases) expect(feel.evaluate(body, context), body).toEqual({ ok: true, value });
  });
});
