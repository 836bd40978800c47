/**
 * The FEEL semantics the runtime relies on, stated once: every expression, down to a literal or a single variable,
 * is evaluated by feelin (DMN 1.5 §10.3), so a short condition and a long one read variables and compare values the
 * same way.
 */
import { describe, expect, it } from 'vitest';
import { FeelEvaluator } from '../../../engine/src/runtime/feel-evaluator';

describe('FEEL semantics of conditions and expressions', () => {
  it('reads a variable that is not in scope as null, so "= null" holds for it and "!= null" does not', () => {
    // given
    const feel = new FeelEvaluator();
    // when / then
    expect(feel.evaluate('missing', {})).toEqual({ ok: true, value: null });
    expect(feel.evaluate('missing = null', {})).toEqual({ ok: true, value: true });
    expect(feel.evaluate('missing != null', {})).toEqual({ ok: true, value: false });
    expect(feel.evaluate('applicant.address.ward', { applicant: { name: 'An' } })).toEqual({ ok: true, value: null });
  });

  it('compares values of different kinds as null, not false, so neither "=" nor "!=" holds for the text "5" against the number 5', () => {
    // given
    const feel = new FeelEvaluator();
    const context = { fee: '5' };
    // when / then
    expect(feel.evaluate('fee = 5', context)).toEqual({ ok: true, value: null });
    expect(feel.evaluate('fee != 5', context)).toEqual({ ok: true, value: null });
    expect(feel.test('fee = 5', context)).toEqual({ ok: true, value: false });
    expect(feel.test('fee != 5', context)).toEqual({ ok: true, value: false });
    expect(feel.test('fee = "5"', context)).toEqual({ ok: true, value: true });
  });

  it('takes a condition only when it is true: null, a number or a text does not hold', () => {
    // given
    const feel = new FeelEvaluator();
    // when / then
    expect(feel.test('approved', {})).toEqual({ ok: true, value: false });
    expect(feel.test('approved', { approved: 1 })).toEqual({ ok: true, value: false });
    expect(feel.test('approved', { approved: 'true' })).toEqual({ ok: true, value: false });
    expect(feel.test('approved', { approved: true })).toEqual({ ok: true, value: true });
  });

  it('compares contexts and lists by their entries, and a list of one item as that item', () => {
    // given
    const feel = new FeelEvaluator();
    // when / then
    expect(feel.evaluate('a = b', { a: { ward: 'Phường 1' }, b: { ward: 'Phường 1' } })).toEqual({ ok: true, value: true });
    expect(feel.evaluate('a = {ward: "Phường 2"}', { a: { ward: 'Phường 1' } })).toEqual({ ok: true, value: false });
    expect(feel.evaluate('flags = true', { flags: [true] })).toEqual({ ok: true, value: true });
  });

  it('reads a path on a list as that entry of each item, never a JavaScript property such as length', () => {
    // given
    const feel = new FeelEvaluator();
    const context = { owners: [{ name: 'An' }, { share: 1 }] };
    // when / then
    expect(feel.evaluate('owners.name', context)).toEqual({ ok: true, value: ['An', null] });
    expect(feel.evaluate('owners.length', context)).toEqual({ ok: true, value: [null, null] });
    expect(feel.evaluate('count(owners)', context)).toEqual({ ok: true, value: 2 });
  });

  it('reads own entries only: constructor, __proto__ and toString on a variable or at the top are null', () => {
    // given
    const feel = new FeelEvaluator();
    const context = { applicant: { name: 'An' } };
    // when / then
    for (const body of ['constructor', '__proto__', 'toString', 'applicant.constructor', 'applicant.__proto__', 'applicant.constructor = null']) {
      expect(feel.evaluate(body, context).ok, body).toBe(true);
      expect(feel.evaluate(body, context), body).toEqual({ ok: true, value: body.endsWith('= null') ? true : null });
    }
  });

  it('lets a variable shadow the built-in of the same name, and refuses a built-in named without calling it, since a process variable holds data', () => {
    // given
    const feel = new FeelEvaluator();
    // when / then
    expect(feel.evaluate('count', { count: 3 })).toEqual({ ok: true, value: 3 });
    expect(feel.evaluate('count < 50', { count: 3 })).toEqual({ ok: true, value: true });
    for (const body of ['count', 'date', '[now]', '{check: count}']) {
      expect(feel.evaluate(body, {}), body).toEqual({ ok: false, message: 'the expression names a function without calling it; a process variable holds data only' });
    }
  });

  it('gives each evaluation of one expression its own answer: a failure on one set of variables leaves no trace on the next', () => {
    // given
    const feel = new FeelEvaluator();
    const body = 'matches(code, "^[0-9]+$")';
    // when / then
    expect(feel.evaluate(body, { code: '123', matches: 'data' })).toMatchObject({ ok: false, message: expect.stringContaining('Cannot invoke') });
    expect(feel.evaluate(body, { code: '123' })).toEqual({ ok: true, value: true });
    expect(feel.evaluate(body, { code: 'x1' })).toEqual({ ok: true, value: false });
    expect(feel.evaluate('count < 50', { count: 49 })).toEqual({ ok: true, value: true });
    expect(feel.evaluate('count < 50', { count: 50 })).toEqual({ ok: true, value: false });
    expect(feel.evaluate('fee < 50', {})).toEqual({ ok: true, value: null });
    // with a name with spaces in scope feelin parses the expression anew; the answers are the same
    const cases: [string, Record<string, unknown>][] = [['count < 50', { count: 49 }], ['count < 50', {}], [body, { code: '123' }], ['fee < 50', {}]];
    for (const [expression, variables] of cases) {
      expect(feel.evaluate(expression, { ...variables, 'ward name': 'Phường 1' }), expression).toEqual(feel.evaluate(expression, variables));
    }
  });

  it('reads a variable whose name has spaces, as feelin reads names against the variables in scope', () => {
    const feel = new FeelEvaluator();
    expect(feel.evaluate('applicant name = "An"', { 'applicant name': 'An' })).toEqual({ ok: true, value: true });
    expect(feel.evaluate('string length(applicant name)', { 'applicant name': 'An' })).toEqual({ ok: true, value: 2 });
  });

  it('evaluates literals, with or without the leading "=" of Camunda 8', () => {
    const feel = new FeelEvaluator();
    expect(feel.evaluate('"Phường 1"', {})).toEqual({ ok: true, value: 'Phường 1' });
    expect(feel.evaluate('= -1.5', {})).toEqual({ ok: true, value: -1.5 });
    expect(feel.evaluate('=null', {})).toEqual({ ok: true, value: null });
    expect(feel.evaluate('"a\\"b"', {})).toEqual({ ok: true, value: 'a"b' });
  });
});
