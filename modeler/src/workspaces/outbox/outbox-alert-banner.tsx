/**
 * @module OutboxAlertBanner — the banner the outbox console and the supervisors' dashboard show while a consumer has
 * been failing longer than the configured time (server/src/outbox/outbox-alarm.ts).
 */
import { t } from '../../i18n/locale';
import { formatDateTime } from '../common/workspace-format';
import type { OutboxAlert } from './outbox-api';

export function alertText(alert: OutboxAlert, alertAfterMs: number): string {
  return t('ob.alert', { consumer: alert.consumer, since: formatDateTime(alert.failingSince), minutes: Math.round(alertAfterMs / 60_000) });
}

export function OutboxAlertBanner({ alerts, alertAfterMs }: { alerts: readonly OutboxAlert[]; alertAfterMs: number }) {
  if (alerts.length === 0) return null;
  return (
    <div class="ob-alert" role="alert">
      {alerts.map((alert) => (
        <p key={alert.consumer}>
          <strong>{alertText(alert, alertAfterMs)}</strong>
          {alert.lastError ? <span class="ob-error"> {alert.lastError}</span> : null}
        </p>
      ))}
    </div>
  );
}
