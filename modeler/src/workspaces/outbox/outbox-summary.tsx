/**
 * @module OutboxSummary — the outbox's counts on the supervisors' dashboard (issue 20 item 5): per consumer what waits,
 * retries and is dead, and the alert banner while one has been failing too long; administrators get a link to the
 * console. Shown to the dashboard's roles (`outbox.read`); nothing is shown when the server answers otherwise.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n/locale';
import { OutboxAlertBanner } from './outbox-alert-banner';
import { outboxApi, type OutboxOverview } from './outbox-api';
import './outbox.css';

export function OutboxSummary({ linkToConsole }: { linkToConsole: boolean }) {
  const [overview, setOverview] = useState<OutboxOverview>();
  useEffect(() => {
    let stale = false;
    outboxApi.overview().then((answer) => !stale && setOverview(answer), () => undefined);
    return () => void (stale = true);
  }, []);
  if (!overview) return null;
  return (
    <section class="ws-card ob-summary" data-section="outbox">
      <div class="ws-card-head">
        <h3>{t('ob.card')}</h3>
        {linkToConsole ? <a href="/outbox">{t('ob.openConsole')}</a> : null}
      </div>
      <OutboxAlertBanner alerts={overview.alerts} alertAfterMs={overview.alertAfterMs} />
      {overview.consumers.length === 0 ? (
        <p class="ws-muted">{t('ob.noConsumers')}</p>
      ) : (
        <div class="ws-scroll">
          <table class="ws-table ob-summary-table">
            <thead>
              <tr>
                <th>{t('ob.consumer')}</th>
                <th class="ws-num">{t('ob.pending')}</th>
                <th class="ws-num">{t('ob.retrying')}</th>
                <th class="ws-num">{t('ob.dead')}</th>
              </tr>
            </thead>
            <tbody>
              {overview.consumers.map((tally) => (
                <tr key={tally.consumer} data-consumer={tally.consumer}>
                  <td>{tally.consumer}</td>
                  <td class="ws-num">{tally.pending}</td>
                  <td class="ws-num">{tally.retrying}</td>
                  <td class="ws-num">{tally.dead}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Renders the summary into `container` (the dashboard is built with DOM calls); returns the unmount. */
export function mountOutboxSummary(container: HTMLElement, linkToConsole: boolean): () => void {
  render(<OutboxSummary linkToConsole={linkToConsole} />, container);
  return () => render(null, container);
}
