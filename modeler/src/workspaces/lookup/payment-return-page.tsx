/**
 * @module PaymentReturnPage — `/lookup/payment-return`, where the gateway sends the citizen's browser back after
 * paying. The page shows only what the server says of the parameters it came with: the server verifies the gateway's
 * signature, the order and the amount first, and a result without a valid signature is refused and marks nothing
 * paid; the gateway's server-to-server notification (IPN) stays the authoritative one. Then a link to the dossier.
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiProblem } from '../../api/api-client';
import { t, type MessageKey } from '../../i18n/locale';
import { Message } from '../portal/portal-parts';
import { paymentApi, type PaymentOutcome } from './payment-api';
import { formatDong } from './online-fee';
import '../workspaces.css';
import '../portal/portal.css';

type Shown = { kind: 'checking' } | { kind: 'outcome'; payment: PaymentOutcome } | { kind: 'refused'; text: MessageKey };

function refusalOf(problem: unknown): MessageKey {
  if (!(problem instanceof ApiProblem)) return 'payment.return.error';
  if (problem.code === 'PAYMENT_SIGNATURE_INVALID') return 'payment.return.invalid';
  if (problem.code === 'PAYMENT_AMOUNT_MISMATCH' || problem.code === 'PAYMENT_ORDER_NOT_FOUND') return 'payment.return.mismatch';
  return 'payment.return.error';
}

const MESSAGE_OF: Record<PaymentOutcome['outcome'], MessageKey> = {
  paid: 'payment.return.paid',
  pending: 'payment.return.pending',
  failed: 'payment.return.failed',
  expired: 'payment.return.failed',
};

export function PaymentReturnPage() {
  const [shown, setShown] = useState<Shown>({ kind: 'checking' });

  useEffect(() => {
    paymentApi.returned(location.search).then(
      (payment) => setShown({ kind: 'outcome', payment }),
      (problem: unknown) => setShown({ kind: 'refused', text: refusalOf(problem) }),
    );
  }, []);

  return (
    <section class="ws-lookup portal-page">
      <h2 class="ws-title portal-title">{t('payment.return.title')}</h2>
      <div aria-live="polite">
        {shown.kind === 'checking' && <p class="ws-muted">{t('payment.return.checking')}</p>}
        {shown.kind === 'refused' && (
          <>
            <Message kind="error" text={t(shown.text)} />
            <p class="portal-actions">
              <a class="lt-button" href="/lookup">{t('payment.return.back')}</a>
            </p>
          </>
        )}
        {shown.kind === 'outcome' && (
          <div class="ws-card portal-card portal-payment-outcome">
            <Message kind={shown.payment.outcome === 'paid' && !shown.payment.refunded ? 'ok' : 'error'} text={t(shown.payment.refunded ? 'payment.return.refund' : MESSAGE_OF[shown.payment.outcome])} />
            <dl class="portal-pairs">
              <dt>{t('payment.return.dossier')}</dt>
              <dd>{shown.payment.dossierCode}</dd>
              <dt>{t('payment.amount')}</dt>
              <dd>{formatDong(shown.payment.amount)}</dd>
              {shown.payment.transactionNo && (
                <>
                  <dt>{t('payment.return.transaction')}</dt>
                  <dd>{`${shown.payment.gateway} ${shown.payment.transactionNo}`}</dd>
                </>
              )}
            </dl>
            <p class="portal-actions">
              <a class="lt-button lt-primary" href={`/lookup?${new URLSearchParams({ code: shown.payment.dossierCode })}`}>{t('payment.return.back')}</a>
            </p>
          </div>
        )}
      </div>
    </section>
  );
}
