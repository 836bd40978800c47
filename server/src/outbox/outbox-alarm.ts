/**
 * @module outboxAlarm — the alert of the outbox console (issue 20 item 5): a consumer whose deliveries have been
 * failing, without one getting through, for longer than the configured time (OUTBOX_ALERT_AFTER_MS, 30 minutes by
 * default). The console and the dashboard show it as a banner; `createOutboxAlarm` writes one error log line per
 * consumer when it starts failing too long, and one info line when it recovers, for whoever watches the logs.
 */
import type { Clock } from '../../../engine/src/index';
import type { Logger } from '../logger';
import type { ConsumerTally, OutboxStore } from './outbox-store';

export const DEFAULT_OUTBOX_ALERT_AFTER_MS = 30 * 60_000;

export interface OutboxAlert {
  consumer: string;
  failingSince: number;
  failingForMs: number;
  lastError?: string;
}

/** The consumers of `tallies` failing for longer than `alertAfterMs` at `now`, the longest first. */
export function outboxAlerts(tallies: readonly ConsumerTally[], now: number, alertAfterMs: number): OutboxAlert[] {
  return tallies
    .filter((tally) => tally.failingSince !== undefined && now - tally.failingSince > alertAfterMs)
    .map((tally) => ({ consumer: tally.consumer, failingSince: tally.failingSince!, failingForMs: now - tally.failingSince!, ...(tally.lastError ? { lastError: tally.lastError } : {}) }))
    .sort((a, b) => a.failingSince - b.failingSince);
}

export interface OutboxAlarm {
  /** Reads the tallies, logs consumers that start or stop being alerted, and returns the alerts. */
  check(): Promise<OutboxAlert[]>;
}

export function createOutboxAlarm(deps: { outbox: OutboxStore; clock: Clock; alertAfterMs?: number; logger?: Pick<Logger, 'error' | 'info'> }): OutboxAlarm {
  const alertAfterMs = deps.alertAfterMs ?? DEFAULT_OUTBOX_ALERT_AFTER_MS;
  const alerted = new Set<string>();
  return {
    async check() {
      const alerts = outboxAlerts(await deps.outbox.tallyByConsumer(), deps.clock.now(), alertAfterMs);
      const now = new Set(alerts.map((alert) => alert.consumer));
      for (const alert of alerts) {
        if (alerted.has(alert.consumer)) continue;
        alerted.add(alert.consumer);
        deps.logger?.error({ ...alert, alertAfterMs }, 'outbox consumer failing longer than the alert time');
      }
      for (const consumer of [...alerted]) {
        if (now.has(consumer)) continue;
        alerted.delete(consumer);
        deps.logger?.info({ consumer }, 'outbox consumer no longer failing');
      }
      return alerts;
    },
  };
}
