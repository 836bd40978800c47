/**
 * @module complete-payment — a gateway result whose signature verified becomes the dossier's `fees.record` command
 * (status 6 → 4, the paused clocks resume), through the dossier's normal unit of work (run-dossier-change.ts), with
 * the gateway's transaction number in the progress record and the audit. DOMAIN.md: "the dossier resumes only on a
 * verified notification". The order is re-read inside that unit and moves out of `pending` there, so a result sent
 * twice (or by the IPN and the return page at once) pays the order once: the second one changes nothing. The amount
 * and the order reference must be the ones we asked for. A payment that arrives when the dossier no longer waits for
 * that fee (paid by hand meanwhile, asked again with another amount, withdrawn) leaves the dossier as it is and is
 * refunded (refund-payment.ts).
 */
import { carryOut, dossierStateOf, type DossierRecord } from '../../../engine/src/index';
import { ConcurrencyConflict } from '../stores';
import { runDossierChange } from '../dossiers/run-dossier-change';
import type { Actor } from '../dossiers/dossier-deps';
import type { GatewayResult, PaymentGateway } from './payment-gateway';
import type { PaymentChannel, PaymentOrderRecord } from './payment-order-store';
import type { PaymentDeps } from './payment-deps';
import { refundPayment } from './refund-payment';

export type CompletionOutcome =
  | { kind: 'paid'; order: PaymentOrderRecord }
  | { kind: 'failed'; order: PaymentOrderRecord }
  | { kind: 'alreadyConfirmed'; order: PaymentOrderRecord }
  | { kind: 'orderNotFound' }
  | { kind: 'amountMismatch'; order: PaymentOrderRecord };

/** The gateway as the actor of the change it causes. */
export function gatewayActor(gateway: Pick<PaymentGateway, 'name' | 'label'>): Actor {
  return { id: `gateway:${gateway.name}`, name: `Cổng thanh toán ${gateway.label}` };
}

/** The dossier waits for exactly the fee this order pays: status 6 and its last fee record is that request. */
export function awaitsFeeOf(dossier: DossierRecord, order: Pick<PaymentOrderRecord, 'amount' | 'feeRequestedAt'>): boolean {
  const last = dossierStateOf(dossier).fees?.at(-1);
  return dossier.status === 6 && last?.action === 'fees.requested' && last.amount === order.amount && last.at === order.feeRequestedAt;
}

class Settled extends Error {
  constructor(readonly order: PaymentOrderRecord | undefined) {
    super('the order is no longer pending');
  }
}

class NotAwaited extends Error {
  constructor() {
    super('the dossier no longer waits for this fee');
  }
}

/** Applies a verified gateway result to its order and, when it paid, to the dossier; nothing changes on a refusal. */
export async function completePayment(deps: PaymentDeps, result: GatewayResult, via: PaymentChannel): Promise<CompletionOutcome> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await completeOnce(deps, result, via);
    } catch (error) {
      // Another result for the same order won the race: read again, and this one finds it settled.
      if (error instanceof ConcurrencyConflict && attempt < 3) continue;
      throw error;
    }
  }
}

async function completeOnce(deps: PaymentDeps, result: GatewayResult, via: PaymentChannel): Promise<CompletionOutcome> {
  const order = await deps.payments.get(result.orderId);
  if (!order || order.gateway !== deps.gateway.name) return { kind: 'orderNotFound' };
  if (result.amount !== order.amount) return { kind: 'amountMismatch', order };
  // Paid once. An order closed as failed or expired still takes a verified payment (the gateway's word that money was
  // taken wins over our closing it): applied if the dossier still waits for that fee, else refunded.
  if (order.status === 'paid' || (order.status !== 'pending' && !result.succeeded)) return { kind: 'alreadyConfirmed', order };
  const at = deps.clock.now();
  const transaction = {
    responseCode: result.responseCode,
    via,
    at,
    ...(result.transactionNo ? { transactionNo: result.transactionNo } : {}),
    ...(result.bankCode ? { bankCode: result.bankCode } : {}),
    ...(result.paidAt !== undefined ? { paidAt: result.paidAt } : {}),
  };
  if (!result.succeeded) return { kind: 'failed', order: await deps.payments.update({ ...order, status: 'failed', transaction }) };

  const note = `Nộp phí trực tuyến qua ${deps.gateway.label}: mã giao dịch ${result.transactionNo ?? '(không có)'}, mã đơn ${order.id}`;
  try {
    const { result: paid } = await runDossierChange(deps, order.dossierId, gatewayActor(deps.gateway), async (change) => {
      // Inside the unit of work: the order as it is now, and the dossier as it is now; both written in it.
      const payments = deps.payments.within(change.tx.unit);
      const current = await payments.get(order.id);
      if (!current || current.status === 'paid') throw new Settled(current);
      if (!awaitsFeeOf(change.dossier, current)) throw new NotAwaited();
      await carryOut(change, { type: 'fees.record', amount: current.amount, note });
      return payments.update({ ...current, status: 'paid', transaction, applied: true });
    });
    return { kind: 'paid', order: paid };
  } catch (error) {
    if (error instanceof Settled) return error.order ? { kind: 'alreadyConfirmed', order: error.order } : { kind: 'orderNotFound' };
    if (!(error instanceof NotAwaited)) throw error;
  }
  // The money was taken for a fee the dossier no longer waits for: kept as paid, not applied, and given back.
  const current = await deps.payments.get(order.id);
  if (!current || current.status === 'paid') return current ? { kind: 'alreadyConfirmed', order: current } : { kind: 'orderNotFound' };
  const kept = await deps.payments.update({
    ...current,
    status: 'paid',
    transaction,
    applied: false,
    refund: { status: 'requested', reason: 'Hồ sơ không còn chờ nộp khoản phí này khi khoản thanh toán đến', requestedAt: at, attempts: 0 },
  });
  return { kind: 'paid', order: await refundPayment(deps, kept).catch(() => kept) };
}
