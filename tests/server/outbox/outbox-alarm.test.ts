/** The outbox alarm: a consumer failing longer than the alert time is named once in the log, and again when it recovers. */
import { describe, expect, it, vi } from 'vitest';
import { createOutboxAlarm, outboxAlerts } from '../../../server/src/outbox/outbox-alarm';
import { MemoryOutboxStore } from '../../../server/src/persistence/memory/memory-outbox-store';
import { createSimulatedClock } from '../../support/test-app';
import { aProgressEntry, RECEIVED_AT } from './outbox-fixtures';

describe('outbox alarm', () => {
  it('alerts on a consumer failing longer than the alert time, the longest first, and not on one failing for less', () => {
    const tallies = [
      { consumer: 'portal', pending: 0, retrying: 1, dead: 0, failingSince: 1_000, lastError: 'HTTP 500' },
      { consumer: 'email', pending: 2, retrying: 0, dead: 1, failingSince: 500 },
      { consumer: 'sms', pending: 0, retrying: 1, dead: 0, failingSince: 9_500 },
      { consumer: 'webhook', pending: 3, retrying: 0, dead: 0 },
    ];
    expect(outboxAlerts(tallies, 10_000, 1_000)).toEqual([
      { consumer: 'email', failingSince: 500, failingForMs: 9_500 },
      { consumer: 'portal', failingSince: 1_000, failingForMs: 9_000, lastError: 'HTTP 500' },
    ]);
  });

  it('writes one error line when a consumer starts failing too long, none while it goes on, and an info line once it is delivered again', async () => {
    // given a portal delivery that failed the next day
    const failedAt = RECEIVED_AT + 86_400_000;
    const clock = createSimulatedClock(failedAt);
    const outbox = new MemoryOutboxStore(['portal']);
    await outbox.enqueue([aProgressEntry('d1', 1)]);
    await outbox.claimNext('portal', clock.now(), 60_000, 'a', 1);
    await outbox.markFailed('d1:1', 'portal', 'a', 'HTTP 503', clock.now() + 60_000, clock.now());
    const logger = { error: vi.fn(), info: vi.fn() };
    const alarm = createOutboxAlarm({ outbox, clock, alertAfterMs: 30 * 60_000, logger });
    // when checked before, after and long after the alert time
    clock.advance(30 * 60_000);
    expect(await alarm.check()).toEqual([]);
    clock.advance(1);
    expect((await alarm.check()).map((alert) => alert.consumer)).toEqual(['portal']);
    clock.advance(10 * 60_000);
    await alarm.check();
    // then one error line names the consumer
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(logger.error).toHaveBeenCalledWith(expect.objectContaining({ consumer: 'portal', failingSince: failedAt, lastError: 'HTTP 503' }), 'outbox consumer failing longer than the alert time');
    // when the delivery goes through
    await outbox.claimNext('portal', clock.now(), 60_000, 'b', 1);
    await outbox.markDelivered('d1:1', 'portal', 'b', clock.now());
    // then the alarm ends with an info line
    expect(await alarm.check()).toEqual([]);
    expect(logger.info).toHaveBeenCalledWith({ consumer: 'portal' }, 'outbox consumer no longer failing');
  });
});
