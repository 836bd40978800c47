/**
 * @module DossierMessages — on the dossier page, what became of each message to the citizen (issue 20 item 6): the
 * notification, the channel (Zalo, SMS, and whether the SMS stood in for Zalo), when, and its state as the providers'
 * receipts left it (sent, delivered, not delivered, refused with the provider's reason, or not sent because the
 * citizen turned the channel off). Read from `GET /api/dossiers/{id}/messages`; nothing is shown when there is none.
 */
import { useEffect, useState } from 'preact/hooks';
import type { components } from '../../api/api-types';
import { t, type MessageKey } from '../../i18n/locale';
import { requestJson } from '../common/workspace-api';
import { formatDateTime } from '../common/workspace-format';

type CitizenMessage = components['schemas']['CitizenMessage'];

const KNOWN_TEMPLATES = new Set(['dossier.received', 'dossier.refused', 'supplement.requested', 'supplement.window_closing', 'processing.stopped', 'result.ready', 'dossier.reappointed']);

export function DossierMessages({ dossierId }: { dossierId: string }) {
  const [items, setItems] = useState<CitizenMessage[]>();
  useEffect(() => {
    let stale = false;
    requestJson<{ items: CitizenMessage[] }>('GET', `/api/dossiers/${encodeURIComponent(dossierId)}/messages`).then((answer) => !stale && setItems(answer.items), () => undefined);
    return () => void (stale = true);
  }, [dossierId]);
  if (!items || items.length === 0) return null;
  return (
    <section class="ws-card" data-section="messages">
      <h3>{t('msg.title')}</h3>
      <div class="ws-scroll">
        <table class="ws-table off-cards">
          <thead>
            <tr>
              <th scope="col">{t('msg.at')}</th>
              <th scope="col">{t('msg.notification')}</th>
              <th scope="col">{t('msg.channel')}</th>
              <th scope="col">{t('msg.state')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((message) => {
              const event = message.template.replace(/^citizen\./, '');
              return (
                <tr key={message.id} data-channel={message.channel} data-status={message.status}>
                  <td data-label={t('msg.at')}>{formatDateTime(message.at)}</td>
                  <td data-label={t('msg.notification')}>{KNOWN_TEMPLATES.has(event) ? t(`msg.event.${event}` as MessageKey) : message.template}</td>
                  <td data-label={t('msg.channel')}>
                    {t(`lookup.notify.${message.channel}` as MessageKey)}
                    {message.fallbackFrom ? <span class="ws-muted"> {t('msg.fallback')}</span> : null}
                  </td>
                  <td data-label={t('msg.state')}>
                    <strong>{t(`msg.status.${message.status}` as MessageKey)}</strong>
                    {message.deliveredAt ? <span class="ws-muted"> {formatDateTime(message.deliveredAt)}</span> : null}
                    {message.error ? <div class="ws-muted">{message.error}</div> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
