/**
 * @module payment-routes — online fees (issue 20), mounted only when a gateway is configured (payment-config.ts):
 *
 * - `GET /api/citizen/dossiers/{id}/payments` — the fee awaited (status 6) and the citizen's orders, for the lookup page;
 * - `POST /api/citizen/dossiers/{id}/payments` — the citizen (with the dossier's token, X-Citizen-Token) starts paying
 *   the fee the official asked (status 6); the answer names the gateway URL the browser goes to;
 * - `GET /api/dossiers/{id}/payments` — for officials who may read the dossier: its orders, what the gateway said and
 *   any refund;
 * - `GET /api/payments/return` — the parameters the gateway sent the citizen's browser back with: verified
 *   (HMAC, merchant, order, amount) before they count for anything, then applied like the IPN, and answered with the
 *   outcome the return page shows; a forged, unknown or mismatched one is an RFC 9457 problem and changes nothing;
 * - `GET /api/payments/{gateway}/ipn` — the gateway's server-to-server notification, answered in the gateway's own
 *   format (`{RspCode, Message}`: 00 confirmed, 01 order not found, 02 already confirmed, 04 invalid amount, 97 invalid
 *   signature, 99 other), the authoritative one: the dossier resumes on it even if the citizen never comes back.
 *
 * Callback parameters are bounded (count and length) before anything is verified.
 */
import type { Context } from 'hono';
import { createApiRouter } from '../http/api-router';
import { clientAddress, type TrustProxy } from '../http/client-address';
import { HttpProblem } from '../http/http-problem';
import { dossierStateOf } from '../../../engine/src/index';
import type { DossierRecord } from '../stores';
import { completePayment, type CompletionOutcome } from '../payments/complete-payment';
import type { PaymentDeps } from '../payments/payment-deps';
import type { PaymentOrderRecord } from '../payments/payment-order-store';
import { startPayment } from '../payments/start-payment';

export interface PaymentRoutesDeps extends PaymentDeps {
  /** Where the gateway sends the citizen back; `<origin of the request>/lookup/payment-return` by default. */
  returnUrl?: string;
  orderTtlMs?: number;
  trustProxy?: TrustProxy;
}

const MAX_PARAMS = 40;
const MAX_PARAM_LENGTH = 1024;

/** The query's parameters, once each; undefined when there are too many or one is too long. */
function boundedParams(c: Context): Record<string, string> | undefined {
  const url = new URL(c.req.url);
  const params: Record<string, string> = {};
  let count = 0;
  for (const [name, value] of url.searchParams) {
    count += 1;
    if (count > MAX_PARAMS || name.length > 64 || value.length > MAX_PARAM_LENGTH || name in params) return undefined;
    params[name] = value;
  }
  return params;
}

/** The outcome as the return page shows it: no applicant data, only what the citizen's own payment says. */
function outcomeView(order: PaymentOrderRecord, label: string) {
  return {
    orderId: order.id,
    dossierCode: order.dossierCode,
    amount: order.amount,
    gateway: label,
    /** paid: the dossier resumes; failed / expired: nothing was taken; pending: the gateway has not confirmed yet. */
    outcome: order.status,
    ...(order.transaction?.transactionNo ? { transactionNo: order.transaction.transactionNo } : {}),
    ...(order.status === 'paid' && order.applied === false ? { refunded: order.refund?.status ?? 'requested' } : {}),
  };
}

const invalidSignature = () =>
  new HttpProblem({ status: 400, code: 'PAYMENT_SIGNATURE_INVALID', title: 'Chữ ký của cổng thanh toán không hợp lệ', detail: 'Kết quả thanh toán này không mang chữ ký hợp lệ của cổng thanh toán; hồ sơ không thay đổi.' });

function refusalOf(outcome: CompletionOutcome): HttpProblem | undefined {
  if (outcome.kind === 'orderNotFound') return new HttpProblem({ status: 404, code: 'PAYMENT_ORDER_NOT_FOUND', title: 'Không tìm thấy đơn thanh toán', detail: 'Cổng thanh toán báo kết quả cho một đơn không có trong hệ thống; hồ sơ không thay đổi.' });
  if (outcome.kind === 'amountMismatch') {
    return new HttpProblem({ status: 422, code: 'PAYMENT_AMOUNT_MISMATCH', title: 'Số tiền không khớp', detail: `Số tiền cổng thanh toán báo khác số tiền phải nộp (${outcome.order.amount} đồng); hồ sơ không thay đổi.` });
  }
  return undefined;
}

const IPN_ANSWERS: Record<CompletionOutcome['kind'], { RspCode: string; Message: string }> = {
  paid: { RspCode: '00', Message: 'Confirm Success' },
  failed: { RspCode: '00', Message: 'Confirm Success' },
  alreadyConfirmed: { RspCode: '02', Message: 'Order already confirmed' },
  orderNotFound: { RspCode: '01', Message: 'Order not found' },
  amountMismatch: { RspCode: '04', Message: 'Invalid amount' },
};

export function createPaymentRoutes(deps: PaymentRoutesDeps) {
  const routes = createApiRouter();
  const { gateway } = deps;

  // The citizen gate (citizen-routes.ts) has checked the token and set the dossier before these run.
  const citizenDossier = (c: Context): DossierRecord => {
    const dossier = c.get('citizenDossier') as DossierRecord | undefined;
    if (!dossier) throw new HttpProblem({ status: 401, code: 'UNAUTHENTICATED', title: 'No valid citizen token', detail: 'Send the token of this dossier in the x-citizen-token header.' });
    return dossier;
  };

  routes.get('/citizen/dossiers/:id/payments', async (c) => {
    const dossier = citizenDossier(c);
    const fee = dossierStateOf(dossier).fees?.at(-1);
    const orders = await deps.payments.listByDossier(dossier.id);
    c.header('cache-control', 'no-store');
    return c.json({
      gateway: gateway.label,
      fee: dossier.status === 6 && fee?.action === 'fees.requested' ? { amount: fee.amount ?? 0, reason: fee.reason ?? '', requestedAt: new Date(fee.at).toISOString() } : null,
      orders: orders.map((order) => outcomeView(order, gateway.label)),
    });
  });

  routes.post('/citizen/dossiers/:id/payments', async (c) => {
    const dossier = citizenDossier(c);
    const returnUrl = deps.returnUrl ?? `${new URL(c.req.url).origin}/lookup/payment-return`;
    const started = await startPayment(deps, dossier, { returnUrl, clientAddress: clientAddress(c, { trustProxy: deps.trustProxy }) });
    c.header('cache-control', 'no-store');
    return c.json({ ...outcomeView(started.order, gateway.label), expiresAt: new Date(started.order.expiresAt).toISOString(), redirectUrl: started.redirectUrl }, 201);
  });

  // The access gate has checked `dossier.read` on the dossier the path names (api-access-rules.ts).
  routes.get('/dossiers/:id/payments', async (c) => {
    const orders = await deps.payments.listByDossier(c.req.param('id'));
    return c.json({
      gateway: gateway.label,
      items: orders.map((order) => ({
        ...outcomeView(order, gateway.label),
        createdAt: new Date(order.createdAt).toISOString(),
        ...(order.transaction ? { via: order.transaction.via, settledAt: new Date(order.transaction.at).toISOString() } : {}),
        ...(order.applied !== undefined ? { applied: order.applied } : {}),
        ...(order.refund ? { refund: { status: order.refund.status, reason: order.refund.reason, attempts: order.refund.attempts, ...(order.refund.reference ? { reference: order.refund.reference } : {}), ...(order.refund.lastError ? { lastError: order.refund.lastError } : {}) } } : {}),
      })),
    });
  });

  routes.get('/payments/return', async (c) => {
    const params = boundedParams(c);
    const result = params && gateway.verifyCallback(params);
    if (!result) throw invalidSignature();
    const outcome = await completePayment(deps, result, 'return');
    const refused = refusalOf(outcome);
    if (refused) throw refused;
    c.header('cache-control', 'no-store');
    // A reload of the return page (the same parameters again) shows the order as it is, and changes nothing.
    return c.json({ ...outcomeView((outcome as { order: PaymentOrderRecord }).order, gateway.label), gatewaySays: result.succeeded ? 'paid' : 'failed' }, 200);
  });

  routes.get(`/payments/${gateway.name}/ipn`, async (c) => {
    const params = boundedParams(c);
    const result = params && gateway.verifyCallback(params);
    if (!result) return c.json({ RspCode: '97', Message: 'Invalid Checksum' }, 200);
    try {
      const outcome = await completePayment(deps, result, 'ipn');
      if (outcome.kind !== 'alreadyConfirmed') deps.logger?.info({ orderId: result.orderId, outcome: outcome.kind }, 'payment notification');
      return c.json(IPN_ANSWERS[outcome.kind], 200);
    } catch (error) {
      // The gateway sends the notification again later: the unit of work changed nothing.
      deps.logger?.warn({ err: error, orderId: result.orderId }, 'payment notification failed');
      return c.json({ RspCode: '99', Message: 'Unknown error' }, 200);
    }
  });

  return routes;
}
