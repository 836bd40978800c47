import { describe, expect, it } from 'vitest';
import { checkFeelExpression } from '../../../engine/src/model/index';

describe('checkFeelExpression', () => {
  it('accepts FEEL with or without the leading "="', () => {
    // given
    const expressions = ['= amount > 1000', 'applicant.age >= 18 and count(documents) > 0', 'if urgent then "P1D" else "P3D"'];
    // when
    const problems = expressions.map(checkFeelExpression);
    // then
    expect(problems).toEqual([undefined, undefined, undefined]);
  });

  it('says where an expression stops making sense', () => {
    // given / when / then
    expect(checkFeelExpression('amount >')).toBe('incomplete comparison at the end');
    expect(checkFeelExpression('"unterminated')).toMatch(/^unexpected/);
  });

  it('rejects an empty expression', () => {
    // given / when / then
    expect(checkFeelExpression('=  ')).toBe('the expression is empty');
  });
});
