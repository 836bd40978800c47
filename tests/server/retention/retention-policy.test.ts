/** When a closed dossier's retention period is over (issue 18 item 6): calendar years back from now, per procedure. */
import { describe, expect, it } from 'vitest';
import { closedBefore, policyOf } from '../../../server/src/retention/retention-policy';

describe('the retention period', () => {
  it('ends the same day and time the given number of years later, 29 February on the 28th in a common year', () => {
    expect(new Date(closedBefore(Date.UTC(2035, 2, 4, 2, 0), 10)).toISOString()).toBe('2025-03-04T02:00:00.000Z');
    expect(new Date(closedBefore(Date.UTC(2025, 1, 28, 9, 30), 1)).toISOString()).toBe('2024-02-28T09:30:00.000Z');
    expect(new Date(closedBefore(Date.UTC(2028, 1, 29, 9, 30), 1)).toISOString()).toBe('2027-02-28T09:30:00.000Z');
  });

  it('takes the procedure’s own period, else 10 years archived', () => {
    const policies = [{ procedureKey: 'a', years: 5, mode: 'purge' as const, setAt: 0, setBy: 'u-admin' }];
    expect(policyOf(policies, 'a')).toEqual({ years: 5, mode: 'purge', isDefault: false });
    expect(policyOf(policies, 'b')).toEqual({ years: 10, mode: 'archive', isDefault: true });
  });
});
