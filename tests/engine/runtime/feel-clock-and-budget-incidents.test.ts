/**
 * FEEL inside a running instance: a timer expression over its budget is a budget incident, and `now()` / `today()`
 * follow the engine's clock in Vietnam's time zone (UTC+7), never the machine's.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_FEEL_BUDGET } from '../../../engine/src/model/index';
import { FeelEvaluator } from '../../../engine/src/runtime/feel-evaluator';
import { RuntimeDriver, loadDefinition } from './runtime-driver';

const fees = Array.from({ length: DEFAULT_FEEL_BUDGET.maxListLength + 1 }, () => 1_000);

describe('a timer whose FEEL expression fails', () => {
  it('raises EXPRESSION_BUDGET_EXCEEDED with the budget message when the expression does more work than its budget', async () => {
    // given a boundary timer that sums a citizen-supplied list of fees longer than the list limit
    const driver = new RuntimeDriver(await loadDefinition('timer-expression-budget'));
    // when the review step starts and arms it
    await driver.start({ variables: { form: { fees, wait: 'PT1H' } } });
    // then the step has a budget incident, and no timer is armed
    expect(driver.effectsOf('incident.raised')).toEqual([
      expect.objectContaining({ elementId: 'task-review', code: 'EXPRESSION_BUDGET_EXCEEDED', message: expect.stringContaining(`at most ${DEFAULT_FEEL_BUDGET.maxListLength} are allowed`) }),
    ]);
    expect(driver.armedTimers()).toEqual([]);
  });
});

describe('now() and today() in FEEL', () => {
  it('takes the same-day branch at 23:59 in Vietnam and the late branch one minute later, after midnight there', async () => {
    // given a dossier filed on 5 January 2026 and a gateway asking whether today() is past the filing day
    const definition = await loadDefinition('gateway-today');
    const beforeMidnight = new RuntimeDriver(definition);
    const afterMidnight = new RuntimeDriver(definition);
    // (both instants are still 5 January in UTC)
    beforeMidnight.clock.at = Date.parse('2026-01-05T16:59:00Z');
    afterMidnight.clock.at = Date.parse('2026-01-05T17:00:00Z');
    // when
    await beforeMidnight.start({ variables: { filedOn: '2026-01-05' } });
    await afterMidnight.start({ variables: { filedOn: '2026-01-05' } });
    // then
    expect(beforeMidnight.openSteps()).toEqual(['task-same-day-intake']);
    expect(afterMidnight.openSteps()).toEqual(['task-late-intake']);
  });

  it('answers now() as a date and time at the given instant with the +07:00 offset, and today() as a FEEL date', () => {
    // given
    const feel = new FeelEvaluator();
    const at = Date.parse('2026-01-05T17:30:00Z');
    // when / then
    expect(feel.evaluate('string(now())', {}, at)).toEqual({ ok: true, value: '2026-01-06T00:30:00+07:00' });
    expect(feel.evaluate('today() = date("2026-01-06")', {}, at)).toEqual({ ok: true, value: true });
    expect(feel.evaluate('now() = date and time("2026-01-05T17:30:00Z")', {}, at)).toEqual({ ok: true, value: true });
  });
});
