/**
 * @module start-payment — the citizen asks to pay the dossier's fees online (status 6, "Yêu cầu thực hiện nghĩa vụ
 * tài chính"): an order for exactly the amount the official asked (the dossier's last fee request), and the signed
 * gateway URL the browser is sent to. A pending order of the same request that the gateway still accepts is used
 * again, so a citizen who clicks twice pays into one order; a dossier has at most MAX_ORDERS_PER_DOSSIER orders.
 * Nothing here changes the dossier: only a verified callback does (complete-payment.ts).
 */
import { randomUUID } from 'node:crypto';
import { dossierStateOf, Refusal, type DossierRecord } from '../../../engine/src/index';
import { DEFAULT_ORDER_TTL_MS, type PaymentDeps } from './payment-deps';
import type { PaymentOrderRecord } from './payment-order-store';

/** Orders (attempts to pay) one dossier may open over its life: a bound on what an anonymous caller can create. */
export const MAX_ORDERS_PER_DOSSIER = 20;
/** An order with less time left at the gateway than this is not offered again. */
const REUSE_MARGIN_MS = 3 * 60_000;

export interface StartedPayment {
  order: PaymentOrderRecord;
  /** Where the citizen's browser goes next: the gateway's page, with the signed request. */
  redirectUrl: string;
}

export async function startPayment(
  deps: PaymentDeps & { orderTtlMs?: number },
  dossier: DossierRecord,
  request: { returnUrl: string; clientAddress: string },
): Promise<StartedPayment> {
  const fee = dossierStateOf(dossier).fees?.at(-1);
  if (dossier.status !== 6 || fee?.action !== 'fees.requested' || !fee.amount) {
    throw new Refusal({ kind: 'conflict', code: 'FEES_NOT_AWAITED', title: 'Hồ sơ không chờ nộp phí', detail: `Hồ sơ đang ở trạng thái ${dossier.status}: không có khoản phí nào chờ nộp trực tuyến.` });
  }
  const now = deps.clock.now();
  const orders = await deps.payments.listByDossier(dossier.id);
  const reusable = orders.find((order) => order.status === 'pending' && order.feeRequestedAt === fee.at && order.amount === fee.amount && order.expiresAt - now > REUSE_MARGIN_MS);
  let order = reusable;
  if (!order) {
    if (orders.length >= MAX_ORDERS_PER_DOSSIER) {
      throw new Refusal({ kind: 'conflict', code: 'PAYMENT_ATTEMPTS_EXHAUSTED', title: 'Đã quá số lần thanh toán', detail: 'Hồ sơ đã có quá nhiều lần thanh toán; xin liên hệ bộ phận một cửa để nộp phí.' });
    }
    order = await deps.payments.create({
      // Letters and digits only: what every gateway accepts as an order reference.
      id: randomUUID().replace(/-/g, ''),
      gateway: deps.gateway.name,
      dossierId: dossier.id,
      dossierCode: dossier.dossierCode,
      amount: fee.amount,
      reason: fee.reason ?? '',
      feeRequestedAt: fee.at,
      status: 'pending',
      createdAt: now,
      expiresAt: now + (deps.orderTtlMs ?? DEFAULT_ORDER_TTL_MS),
    });
  }
  return { order, redirectUrl: deps.gateway.paymentUrl(order, request) };
}
