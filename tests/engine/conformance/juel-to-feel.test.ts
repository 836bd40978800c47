import { describe, expect, it } from 'vitest';
import { FeelEvaluator } from '../../../engine/src/runtime/index';
import { UnsupportedJuel, juelToFeel } from './juel-to-feel';

const feel = new FeelEvaluator();
const run = (juel: string, variables: Record<string, unknown>): unknown => {
  const result = feel.evaluate(juelToFeel(juel), variables);
  if (!result.ok) throw new Error(result.message);
  return result.value;
};

describe('JUEL to FEEL translation of the Camunda 7 corpus conditions', () => {
  it('translates comparisons, word operators and string literals to FEEL with the same result', () => {
    expect(juelToFeel('${input == 1}')).toBe('input = 1');
    expect(run('${input >= 2}', { input: 3 })).toBe(true);
    expect(run("${x eq 'a'}", { x: 'a' })).toBe(true);
    expect(run('${input ne 2}', { input: 2 })).toBe(false);
  });

  it('translates negation, conjunction and disjunction', () => {
    expect(juelToFeel('${!approved}')).toBe('not(approved)');
    expect(run('${!approved}', { approved: false })).toBe(true);
    expect(run('${input == 3 || input == 1}', { input: 1 })).toBe(true);
    expect(run('${a==1 && not b}', { a: 1, b: true })).toBe(false);
  });

  it('keeps arithmetic such as the multi-instance completion ratio and mapping sums', () => {
    expect(run('${nrOfCompletedInstances/nrOfInstances >= 0.6 }', { nrOfCompletedInstances: 3, nrOfInstances: 5 })).toBe(true);
    expect(run('${nrOfCompletedInstances/nrOfInstances >= 0.6 }', { nrOfCompletedInstances: 2, nrOfInstances: 5 })).toBe(false);
    expect(run('${x+5}', { x: 5 })).toBe(10);
    expect(run('#{5-2}', {})).toBe(3);
  });

  it('translates empty for a missing or blank variable', () => {
    expect(run('${empty name}', { name: null })).toBe(true);
    expect(run('${empty name}', { name: 'Lan' })).toBe(false);
  });

  it('refuses method calls, bean expressions, ternaries and composite text instead of guessing', () => {
    for (const text of ['${myBean.resolveCollection(execution)}', '${x.equals("a")}', '${a ? b : c}', 'PT${minutes}M', 'plain text']) {
      expect(() => juelToFeel(text), text).toThrow(UnsupportedJuel);
    }
  });
});
