/**
 * @module payment-reconciler — the job for callbacks that never came: an IPN lost on the way (a firewall, a
 * restart) must not leave a citizen who paid waiting in status 6. Every `intervalMs` it asks the gateway's merchant
 * API about orders pending longer than `pendingForMs` (each at most once per `pendingForMs`): a paid one completes
 * exactly as its IPN would have (complete-payment.ts, amount and order checked), a failed one is closed, and one the
 * gateway never saw is closed as expired once its window at the gateway has passed. It also sends again refunds the
 * gateway has not taken yet. Time comes from the injected clock; several processes may run it (the order's revision
 * check and the dossier's unit of work make a double run harmless). In a national deployment each run goes through
 * the provinces one after another (`provinces`), each inside its scope, so it asks about and completes only that
 * province's orders and dossiers; a province whose run fails is reported and the others go on.
 */
import { ConcurrencyConflict } from '../stores';
import { completePayment } from './complete-payment';
import type { PaymentDeps } from './payment-deps';
import type { PaymentOrderRecord } from './payment-order-store';
import { refundPayment } from './refund-payment';
import { runInEachProvince } from '../tenancy/run-in-each-province';

export interface ReconciliationTally {
  checked: number;
  paid: number;
  failed: number;
  expired: number;
  /** Answers whose amount or order did not match what we asked: left pending and logged. */
  mismatched: number;
  refunds: number;
  errors: number;
}

export interface PaymentReconcilerOptions extends PaymentDeps {
  /** An order pending this long is asked about; 15 minutes by default. */
  pendingForMs?: number;
  /** Orders asked about per run; 100 by default. */
  limit?: number;
  intervalMs?: number;
  /** The provinces reconciled, one after another, each in its own scope; absent: once, in the caller's scope. */
  provinces?: readonly string[];
  /** Told about an order that failed, or a province's whole run (orderId ''). */
  onError?: (error: unknown, orderId: string, provinceCode?: string) => void;
}

export interface PaymentReconciler {
  runOnce(): Promise<ReconciliationTally>;
  start(): void;
  stop(): void;
}

export const DEFAULT_PENDING_FOR_MS = 15 * 60_000;

export function createPaymentReconciler(options: PaymentReconcilerOptions): PaymentReconciler {
  const pendingForMs = options.pendingForMs ?? DEFAULT_PENDING_FOR_MS;
  const limit = options.limit ?? 100;
  let timer: ReturnType<typeof setInterval> | undefined;
  let running: Promise<ReconciliationTally> | undefined;

  async function reconcile(order: PaymentOrderRecord, now: number, tally: ReconciliationTally): Promise<void> {
    const answer = await options.gateway.queryOrder(order);
    tally.checked += 1;
    if (answer.state === 'paid' || answer.state === 'failed') {
      const result = answer.state === 'paid' ? answer.result : { orderId: order.id, amount: order.amount, succeeded: false, responseCode: answer.responseCode };
      const outcome = await completePayment(options, result, 'reconciliation');
      if (outcome.kind === 'paid') tally.paid += 1;
      else if (outcome.kind === 'failed') tally.failed += 1;
      else if (outcome.kind === 'amountMismatch' || outcome.kind === 'orderNotFound') {
        tally.mismatched += 1;
        options.logger?.warn({ orderId: order.id, outcome: outcome.kind }, 'the gateway reports a payment that does not match its order');
      }
      return;
    }
    // Not paid yet, or never seen: closed once the gateway no longer takes it, else asked again later.
    const closed = now > order.expiresAt + pendingForMs;
    await options.payments.update(closed ? { ...order, status: 'expired', checkedAt: now } : { ...order, checkedAt: now });
    if (closed) tally.expired += 1;
  }

  async function runOnce(): Promise<ReconciliationTally> {
    const tally: ReconciliationTally = { checked: 0, paid: 0, failed: 0, expired: 0, mismatched: 0, refunds: 0, errors: 0 };
    await runInEachProvince(options.provinces, (provinceCode) => runInProvince(tally, provinceCode), (error, provinceCode) => {
      tally.errors += 1;
      options.onError?.(error, '', provinceCode);
    });
    return tally;
  }

  async function runInProvince(tally: ReconciliationTally, provinceCode: string | undefined): Promise<void> {
    const now = options.clock.now();
    for (const order of await options.payments.listPending(now - pendingForMs, limit)) {
      if (order.checkedAt !== undefined && now - order.checkedAt < pendingForMs) continue;
      try {
        await reconcile(order, now, tally);
      } catch (error) {
        if (error instanceof ConcurrencyConflict) continue; // its callback arrived meanwhile
        tally.errors += 1;
        options.onError?.(error, order.id, provinceCode);
      }
    }
    for (const order of await options.payments.listRefundsRequested(limit)) {
      try {
        if ((await refundPayment(options, order)).refund?.status === 'refunded') tally.refunds += 1;
      } catch (error) {
        if (error instanceof ConcurrencyConflict) continue;
        tally.errors += 1;
        options.onError?.(error, order.id, provinceCode);
      }
    }
  }

  return {
    runOnce: () => (running ??= runOnce().finally(() => (running = undefined))),
    start() {
      if (timer || !options.intervalMs) return;
      timer = setInterval(() => void this.runOnce().catch((error: unknown) => options.onError?.(error, '')), options.intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
