/**
 * @module refund-payment — giving back fees paid online: a refund is first recorded on the order (`requested`), then
 * asked of the gateway through the port; the answer is recorded (`refunded` with the gateway's reference, or the
 * error and the attempt count, for the reconciliation job to ask again). Two reasons call it: a dossier refused
 * or stopped after its fees were paid (refusal-refund-consumer.ts, from the outbox), and a payment that arrived
 * when the dossier no longer waited for it (complete-payment.ts).
 */
import { ConcurrencyConflict } from '../stores';
import type { PaymentDeps } from './payment-deps';
import type { PaymentOrderRecord } from './payment-order-store';

/** After this many failed attempts a refund is left for an official to settle by hand (it stays `failed`). */
export const MAX_REFUND_ATTEMPTS = 5;

/** Sends the order's requested refund to the gateway and records the answer; the order as stored after. */
export async function refundPayment(deps: Pick<PaymentDeps, 'payments' | 'gateway' | 'clock'>, order: PaymentOrderRecord): Promise<PaymentOrderRecord> {
  const refund = order.refund;
  if (order.status !== 'paid' || refund?.status !== 'requested') return order;
  const attempts = refund.attempts + 1;
  let answer;
  try {
    answer = await deps.gateway.refund(order, { reason: refund.reason, requestedBy: 'lien-thong' });
  } catch (error) {
    answer = { refunded: false as const, reason: (error as Error).message };
  }
  const at = deps.clock.now();
  const next = answer.refunded
    ? { ...refund, status: 'refunded' as const, attempts, refundedAt: at, ...(answer.reference ? { reference: answer.reference } : {}) }
    : { ...refund, status: attempts >= MAX_REFUND_ATTEMPTS ? ('failed' as const) : ('requested' as const), attempts, lastError: answer.reason };
  return deps.payments.update({ ...order, refund: next });
}

/**
 * Requests the refund of every fee of the dossier paid online and applied, once: an order whose refund was already
 * requested is only sent again while still `requested`. Returns the orders as stored after.
 */
export async function refundDossierPayments(deps: Pick<PaymentDeps, 'payments' | 'gateway' | 'clock'>, dossierId: string, reason: string): Promise<PaymentOrderRecord[]> {
  const refunded: PaymentOrderRecord[] = [];
  for (const order of await deps.payments.listByDossier(dossierId)) {
    if (order.status !== 'paid') continue;
    let current = order;
    if (!current.refund) {
      try {
        current = await deps.payments.update({ ...current, refund: { status: 'requested', reason, requestedAt: deps.clock.now(), attempts: 0 } });
      } catch (error) {
        if (!(error instanceof ConcurrencyConflict)) throw error;
        current = (await deps.payments.get(order.id)) ?? order;
      }
    }
    refunded.push(await refundPayment(deps, current));
  }
  return refunded;
}
