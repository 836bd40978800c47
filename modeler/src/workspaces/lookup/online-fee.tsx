/**
 * @module OnlineFee — on the tracking page, while the dossier waits for fees (status 6, "Yêu cầu thực hiện nghĩa vụ
 * tài chính"): the amount and what it is for, and "Nộp phí trực tuyến", which opens a payment order on the server and
 * sends the browser to the gateway with the signed request it answers. Nothing is shown when the province has no
 * gateway (the official then records fees by hand). The dossier resumes on the gateway's verified notification, not
 * on anything this page does.
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiProblem } from '../../api/api-client';
import { t } from '../../i18n/locale';
import { Message, problemText } from '../portal/portal-parts';
import { paymentApi, type FeeDue } from './payment-api';

export const formatDong = (amount: number) => `${amount.toLocaleString('vi-VN')} đồng`;

export function OnlineFee({ dossierId, token }: { dossierId: string; token: string }) {
  const [due, setDue] = useState<FeeDue>();
  const [going, setGoing] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let stale = false;
    paymentApi.feeDue(dossierId, token).then((answer) => !stale && setDue(answer), () => undefined);
    return () => void (stale = true);
  }, [dossierId, token]);

  if (!due?.fee) return null;
  const fee = due.fee;
  const waiting = due.orders.some((order) => order.outcome === 'pending');

  async function pay() {
    setGoing(true);
    setError(undefined);
    try {
      const started = await paymentApi.start(dossierId, token);
      location.assign(started.redirectUrl);
    } catch (problem) {
      setGoing(false);
      setError(problem instanceof ApiProblem && problem.status === 401 ? t('payment.expired') : t('payment.failedStart', { reason: problem instanceof ApiProblem ? problem.message : problemText(problem) }));
    }
  }

  return (
    <section class="ws-card portal-card portal-fee" aria-labelledby="portal-fee-title">
      <h3 id="portal-fee-title">{t('payment.title')}</h3>
      <dl class="portal-pairs">
        <dt>{t('payment.amount')}</dt>
        <dd>
          <strong class="portal-fee-amount">{formatDong(fee.amount)}</strong>
        </dd>
        {fee.reason && (
          <>
            <dt>{t('payment.reason')}</dt>
            <dd>{fee.reason}</dd>
          </>
        )}
      </dl>
      {waiting && <p class="ws-muted">{t('payment.waiting')}</p>}
      <p class="ws-muted">{t('payment.via', { gateway: due.gateway })}</p>
      {error && <Message kind="error" text={error} />}
      <div class="portal-actions">
        <button type="button" class="lt-button lt-primary" disabled={going} onClick={() => void pay()}>
          {going ? t('payment.redirecting') : t('payment.pay')}
        </button>
      </div>
    </section>
  );
}
