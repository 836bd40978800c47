/**
 * @module refusal-refund-consumer — the outbox consumer that gives fees back when a dossier whose fees were paid
 * online is refused (status 3) or its processing stopped as not eligible (status 8, "Dừng xử lý"): the status
 * change is in the outbox with the change itself, so the refund is requested at least once even if the process dies
 * right after the official's command, and a gateway that fails is retried by the deliverer (refund-payment.ts records
 * each attempt on the order; a refund already taken is never sent again).
 */
import type { OutboxConsumer } from '../outbox/outbox-consumer';
import type { OutboxEntry } from '../outbox/outbox-store';
import type { PaymentDeps } from './payment-deps';
import { refundDossierPayments } from './refund-payment';

export const REFUND_CONSUMER = 'payment-refunds';

/** The statuses whose fees are given back. */
const REFUNDED_STATUSES: ReadonlySet<number> = new Set([3, 8]);

const REASONS: Record<number, string> = {
  3: 'Hồ sơ không được tiếp nhận: hoàn lại phí đã nộp trực tuyến',
  8: 'Hồ sơ bị dừng xử lý: hoàn lại phí đã nộp trực tuyến',
};

export function createRefusalRefundConsumer(deps: Pick<PaymentDeps, 'payments' | 'gateway' | 'clock'>): OutboxConsumer {
  return {
    name: REFUND_CONSUMER,
    accepts: (entry: OutboxEntry) => entry.kind === 'dossier.status_changed' && REFUNDED_STATUSES.has(Number(entry.payload.status)),
    async deliver(entry) {
      const orders = await refundDossierPayments(deps, entry.dossierId, REASONS[Number(entry.payload.status)]!);
      // A refund still waiting for the gateway fails this delivery, so the deliverer tries again after its backoff.
      const waiting = orders.filter((order) => order.refund?.status === 'requested');
      if (waiting.length > 0) throw new Error(`the gateway has not taken the refund of ${waiting.map((order) => order.id).join(', ')}: ${waiting[0]!.refund?.lastError ?? ''}`);
    },
  };
}
