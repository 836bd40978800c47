/**
 * @module OutboxPage — the outbox console (issue 20 item 5): per consumer how many deliveries wait, retry or are dead,
 * its last error and attempt, and a banner while one has been failing too long; below, the deliveries of a consumer
 * and state, each dead or waiting one with "Gửi lại" (replay: pending again, due now, attempts from zero) and "Bỏ qua"
 * (skip). Both actions are recorded by the server in the audit of administration. Administrators only.
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiProblem } from '../../api/api-client';
import { t, type MessageKey } from '../../i18n/locale';
import { problemMessage } from '../common/problem-message';
import { formatDateTime } from '../common/workspace-format';
import { OutboxAlertBanner } from './outbox-alert-banner';
import { DELIVERY_STATES, outboxApi, type DeliveryPage, type DeliveryRow, type DeliveryState, type OutboxOverview } from './outbox-api';
import './outbox.css';

const PAGE_SIZE = 20;
const STATE_LABEL: Record<DeliveryState, MessageKey> = { pending: 'ob.pending', retrying: 'ob.retrying', dead: 'ob.dead', delivered: 'ob.delivered', skipped: 'ob.skipped' };

const KIND_LABEL: Record<string, MessageKey> = {
  'dossier.status_changed': 'ob.kind.dossier.status_changed',
  'dossier.progress_recorded': 'ob.kind.dossier.progress_recorded',
  'notification.official': 'ob.kind.notification.official',
  'notification.citizen': 'ob.kind.notification.citizen',
};
const kindLabel = (kind: string) => (KIND_LABEL[kind] ? t(KIND_LABEL[kind]) : kind);

export function OutboxPage() {
  const [overview, setOverview] = useState<OutboxOverview>();
  const [deliveries, setDeliveries] = useState<DeliveryPage>();
  const [consumer, setConsumer] = useState('');
  const [state, setState] = useState<DeliveryState | ''>('');
  const [offset, setOffset] = useState(0);
  const [status, setStatus] = useState<{ text: string; error?: boolean }>();
  const [busy, setBusy] = useState(false);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let stale = false;
    setBusy(true);
    Promise.all([outboxApi.overview(), outboxApi.deliveries({ consumer: consumer || undefined, state: state || undefined, offset, limit: PAGE_SIZE })])
      .then(([nextOverview, nextDeliveries]) => {
        if (stale) return;
        setOverview(nextOverview);
        setDeliveries(nextDeliveries);
      })
      .catch((error: unknown) => !stale && setStatus({ text: problemMessage(error), error: true }))
      .finally(() => !stale && setBusy(false));
    return () => void (stale = true);
  }, [consumer, state, offset, reloads]);

  const reload = () => setReloads((n) => n + 1);

  async function act(row: DeliveryRow, action: 'replay' | 'skip') {
    const target = { consumer: row.consumer, entryId: row.entryId };
    if (action === 'skip' && !window.confirm(t('ob.confirmSkip', { entry: row.entryId, consumer: row.consumer }))) return;
    try {
      await outboxApi[action](target);
      setStatus({ text: t(action === 'replay' ? 'ob.replayed' : 'ob.skippedDone', { entry: row.entryId, consumer: row.consumer }) });
    } catch (error) {
      const notFound = error instanceof ApiProblem && error.code === 'OUTBOX_DELIVERY_NOT_FOUND';
      setStatus({ text: notFound ? t('ob.notFound') : problemMessage(error), error: true });
    }
    reload();
  }

  const pages = deliveries ? Math.max(1, Math.ceil(deliveries.total / PAGE_SIZE)) : 1;

  return (
    <div class="ob-page">
      <div class="ws-toolbar">
        <h2 class="ws-title">{t('ob.title')}</h2>
        <button type="button" class="lt-button" onClick={reload} disabled={busy}>
          {t('ob.refresh')}
        </button>
      </div>
      <p class="ws-muted">{t('ob.intro')}</p>
      {overview ? <OutboxAlertBanner alerts={overview.alerts} alertAfterMs={overview.alertAfterMs} /> : null}
      <p class={status?.error ? 'ob-status ob-status-error' : 'ob-status'} aria-live="polite">
        {status?.text ?? (busy && !overview ? t('ob.loading') : '')}
      </p>

      <ul class="ob-consumers" aria-label={t('ob.consumer')}>
        {overview?.consumers.length === 0 ? <li class="ws-muted">{t('ob.noConsumers')}</li> : null}
        {overview?.consumers.map((tally) => (
          <li key={tally.consumer} class={tally.dead > 0 || tally.retrying > 0 ? 'ob-consumer ob-failing' : 'ob-consumer'} data-consumer={tally.consumer}>
            <h3>{tally.consumer}</h3>
            <dl class="ob-counts">
              {(['pending', 'retrying', 'dead'] as const).map((name) => (
                <div key={name} data-count={name}>
                  <dt>{t(STATE_LABEL[name])}</dt>
                  <dd>
                    <button
                      type="button"
                      class="ob-count-button"
                      onClick={() => {
                        setConsumer(tally.consumer);
                        setState(name);
                        setOffset(0);
                      }}
                    >
                      {tally[name]}
                    </button>
                  </dd>
                </div>
              ))}
            </dl>
            <p class="ob-meta">
              {t('ob.lastFailedAttempt')}: {tally.lastAttemptAt ? formatDateTime(tally.lastAttemptAt) : t('ob.none')}
            </p>
            {tally.lastError ? (
              <p class="ob-meta">
                {t('ob.lastError')}: <span class="ob-error">{tally.lastError}</span>
              </p>
            ) : null}
          </li>
        ))}
      </ul>

      <form class="ws-filters ob-filters" onSubmit={(event) => event.preventDefault()}>
        <label class="ws-inline">
          <span>{t('ob.consumer')}</span>
          <select name="consumer" value={consumer} onChange={(event) => { setConsumer(event.currentTarget.value); setOffset(0); }}>
            <option value="">{t('ob.all')}</option>
            {overview?.consumers.map((tally) => (
              <option key={tally.consumer} value={tally.consumer}>
                {tally.consumer}
              </option>
            ))}
          </select>
        </label>
        <label class="ws-inline">
          <span>{t('ob.state')}</span>
          <select name="state" value={state} onChange={(event) => { setState(event.currentTarget.value as DeliveryState | ''); setOffset(0); }}>
            <option value="">{t('ob.all')}</option>
            {DELIVERY_STATES.map((name) => (
              <option key={name} value={name}>
                {t(STATE_LABEL[name])}
              </option>
            ))}
          </select>
        </label>
      </form>

      {deliveries && deliveries.items.length === 0 ? <p class="ws-muted">{t('ob.empty')}</p> : null}
      <ul class="ob-deliveries">
        {deliveries?.items.map((row) => (
          <li key={`${row.consumer} ${row.entryId}`} class={`ob-delivery ob-state-${row.state}`} data-entry={row.entryId} data-state={row.state}>
            <div class="ob-delivery-head">
              <span class="ob-badge">{t(STATE_LABEL[row.state])}</span>
              <strong>{kindLabel(row.kind)}</strong>
              <code>{row.entryId}</code>
            </div>
            <p class="ob-meta">
              {t('ob.consumer')}: {row.consumer} · {t('ob.attempts')}: {row.attempts}
              {row.lastAttemptAt ? ` · ${t('ob.lastAttempt')}: ${formatDateTime(row.lastAttemptAt)}` : ''}
              {row.state === 'retrying' ? ` · ${t('ob.nextAttempt')}: ${formatDateTime(row.nextAttemptAt)}` : ''}
              {row.deliveredAt ? ` · ${t('ob.delivered')}: ${formatDateTime(row.deliveredAt)}` : ''}
            </p>
            {row.lastError ? <p class="ob-meta ob-error">{row.lastError}</p> : null}
            {row.state === 'dead' || row.state === 'retrying' || row.state === 'pending' ? (
              <div class="ob-actions">
                {row.state !== 'pending' ? (
                  <button type="button" class="lt-button lt-primary" onClick={() => void act(row, 'replay')}>
                    {t('ob.replay')}
                  </button>
                ) : null}
                <button type="button" class="lt-button" onClick={() => void act(row, 'skip')}>
                  {t('ob.skip')}
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {deliveries && deliveries.total > PAGE_SIZE ? (
        <nav class="ob-pages">
          <button type="button" class="lt-button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
            {t('ob.previous')}
          </button>
          <span>{t('ob.page', { page: offset / PAGE_SIZE + 1, pages, total: deliveries.total })}</span>
          <button type="button" class="lt-button" disabled={offset + PAGE_SIZE >= deliveries.total} onClick={() => setOffset(offset + PAGE_SIZE)}>
            {t('ob.next')}
          </button>
        </nav>
      ) : null}
    </div>
  );
}
