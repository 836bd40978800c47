/**
 * @module DossierPayments — on the dossier page, the fees the citizen paid online (issue 20 item 3): each order with
 * its amount, its state, the gateway's transaction number and how it reached us (notification, return, reconciliation),
 * and any refund with its state. Read from `GET /api/dossiers/{id}/payments`; nothing is shown when online payment is
 * off or the citizen never tried to pay.
 */
import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../i18n/locale';
import { requestJson } from '../common/workspace-api';
import { formatDateTime } from '../common/workspace-format';
import { formatDong } from '../lookup/online-fee';

interface PaymentItem {
  orderId: string;
  amount: number;
  outcome: 'pending' | 'paid' | 'failed' | 'expired';
  transactionNo?: string;
  createdAt: string;
  via?: 'ipn' | 'return' | 'reconciliation';
  settledAt?: string;
  applied?: boolean;
  refund?: { status: 'requested' | 'refunded' | 'failed'; reason: string; attempts: number; reference?: string; lastError?: string };
}

export function DossierPayments({ dossierId }: { dossierId: string }) {
  const [answer, setAnswer] = useState<{ gateway: string; items: PaymentItem[] }>();
  useEffect(() => {
    let stale = false;
    requestJson<{ gateway: string; items: PaymentItem[] }>('GET', `/api/dossiers/${encodeURIComponent(dossierId)}/payments`).then((found) => !stale && setAnswer(found), () => undefined);
    return () => void (stale = true);
  }, [dossierId]);
  if (!answer || answer.items.length === 0) return null;
  return (
    <section class="ws-card" data-section="payments">
      <h3>{t('pay.title')}</h3>
      <div class="ws-scroll">
        <table class="ws-table off-cards">
          <thead>
            <tr>
              <th scope="col">{t('pay.at')}</th>
              <th scope="col">{t('payment.amount')}</th>
              <th scope="col">{t('pay.state')}</th>
              <th scope="col">{t('payment.return.transaction')}</th>
              <th scope="col">{t('pay.refund')}</th>
            </tr>
          </thead>
          <tbody>
            {answer.items.map((item) => (
              <tr key={item.orderId} data-outcome={item.outcome}>
                <td>{formatDateTime(item.settledAt ?? item.createdAt)}</td>
                <td>{formatDong(item.amount)}</td>
                <td>
                  <strong>{t(`pay.outcome.${item.outcome}` as MessageKey)}</strong>
                  {item.via && <span class="ws-muted"> {t(`pay.via.${item.via}` as MessageKey)}</span>}
                  {item.applied === false && <div class="ws-muted">{t('pay.notApplied')}</div>}
                </td>
                <td>{item.transactionNo ? `${answer.gateway} ${item.transactionNo}` : '—'}</td>
                <td>{item.refund ? `${t(`pay.refund.${item.refund.status}` as MessageKey)} — ${item.refund.reason}` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
