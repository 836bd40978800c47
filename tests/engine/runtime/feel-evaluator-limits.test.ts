import { describe, expect, it } from 'vitest';
import { FeelEvaluator } from '../../../engine/src/runtime/feel-evaluator';

describe('FeelEvaluator on hostile expressions', () => {
  it('reads only own variables: constructor, __proto__ and toString are null, not host objects', () => {
    // given
    const feel = new FeelEvaluator();
    const context = { applicant: { name: 'An' } };
    // when / then
    for (const body of ['constructor', '__proto__', 'toString', 'applicant.constructor', 'applicant.__proto__', 'applicant.hasOwnProperty']) {
      expect(feel.evaluate(body, context), body).toEqual({ ok: true, value: null });
    }
    expect(feel.evaluate('applicant.name', context)).toEqual({ ok: true, value: 'An' });
  });

  it('refuses a range over a billion values, in a literal or in a variable bound, instead of allocating without bound', () => {
    // given
    const feel = new FeelEvaluator();
    // when / then
    expect(feel.evaluate('for i in 1..1000000000 return i', {})).toEqual({ ok: false, budgetExceeded: true, message: 'the expression handles a list of 1000000000 items; at most 10000 are allowed' });
    expect(feel.evaluate('some i in [1..n] satisfies i < 0', { n: 1e9 })).toMatchObject({ ok: false, budgetExceeded: true });
    expect(feel.evaluate('for i in 1..1000, j in 1..1000 return i', {})).toEqual({ ok: false, budgetExceeded: true, message: 'the expression needs more than 50000 steps of work (loop iterations, function calls, list items)' });
  });

  it('refuses a fractional range bound, which feelin would iterate forever', () => {
    const feel = new FeelEvaluator();
    expect(feel.evaluate('for i in 1..n return i', { n: 3.5 })).toEqual({ ok: false, message: 'a range to iterate needs whole-number bounds, not 1..3.5' });
  });

  it('still iterates ordinary ranges, nested and descending, and character ranges', () => {
    const feel = new FeelEvaluator();
    expect(feel.evaluate('for i in 1..3, j in [1..n) return i * j', { n: 3 })).toEqual({ ok: true, value: [1, 2, 2, 4, 3, 6] });
    expect(feel.evaluate('for i in 3..1 return i', {})).toEqual({ ok: true, value: [3, 2, 1] });
    expect(feel.evaluate('count(for i in 1..count(for j in 1..4 return j) return i)', {})).toEqual({ ok: true, value: 4 });
    expect(feel.evaluate('for c in "a".."c" return c', {})).toEqual({ ok: true, value: ['a', 'b', 'c'] });
  });

  it('keeps metering when the variables carry a guard\'s name or a built-in\'s: the range is still refused and the pattern never runs on JS RegExp', () => {
    // given
    const feel = new FeelEvaluator();
    const context = { __ltRangeStart: 1, __ltRangeEnd: 1, __ltIter: [], matches: 'not a function', name: `${'a'.repeat(40)}!` };
    // when / then
    expect(feel.evaluate('for i in 1..1000000000 return i', context)).toMatchObject({ ok: false, budgetExceeded: true });
    expect(feel.evaluate('matches(name, "^(a+)+$")', context)).toMatchObject({ ok: false, message: expect.stringContaining('Cannot invoke') });
  });

  it('refuses an expression over the size limits before parsing it', () => {
    const feel = new FeelEvaluator();
    expect(feel.evaluate('['.repeat(5000) + ']'.repeat(5000), {})).toEqual({ ok: false, message: 'the expression nests brackets more than 64 levels deep' });
    expect(feel.evaluate(`"${'a'.repeat(20_000)}"`, {})).toMatchObject({ ok: false, message: expect.stringMatching(/^the expression is 20002 characters long/) });
  });
});
