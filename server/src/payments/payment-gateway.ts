/**
 * @module payment-gateway — the port towards an online payment gateway of the redirect-and-callback kind Vietnamese
 * banks and wallets offer (VNPAY, and the national portal's payment platform works alike): the citizen's browser is
 * sent to the gateway with a signed request, the gateway sends the browser back to a return URL and, server to
 * server, a signed notification (IPN) with the order reference and the amount; a merchant API answers what became of
 * an order and takes refunds. DOMAIN.md "Electronic results, signatures, fees": the dossier resumes only on a
 * verified notification. The adapter: vnpay-gateway.ts.
 */
import type { PaymentOrderRecord } from './payment-order-store';

/** A callback whose signature verified: what the gateway says happened to one of our orders. */
export interface GatewayResult {
  orderId: string;
  /** In đồng, as the gateway reports it. */
  amount: number;
  /** The gateway says the money was taken. */
  succeeded: boolean;
  /** The gateway's own transaction number (its reference for this payment); absent when nothing was paid. */
  transactionNo?: string;
  bankCode?: string;
  /** When the gateway took the payment. */
  paidAt?: number;
  /** The gateway's response code, kept as it came. */
  responseCode: string;
}

/** What the merchant API says of an order the gateway may never have called back about. */
export type GatewayOrderState = { state: 'paid'; result: GatewayResult } | { state: 'failed'; responseCode: string } | { state: 'pending' } | { state: 'notFound' };

export type RefundOutcome = { refunded: true; reference?: string } | { refunded: false; reason: string };

export interface PaymentGateway {
  /** Stable name, kept on each order and on the progress record (e.g. `vnpay`). */
  readonly name: string;
  /** Shown to the citizen on the return page and in the progress record, e.g. "VNPAY". */
  readonly label: string;
  /** Where to send the citizen's browser to pay `order`, signed; `returnUrl` is where the gateway sends it back. */
  paymentUrl(order: PaymentOrderRecord, request: { returnUrl: string; clientAddress: string }): string;
  /** The callback's parameters (return URL or IPN) verified, or undefined when the signature or merchant is not ours. */
  verifyCallback(params: Record<string, string>): GatewayResult | undefined;
  /** Asks the gateway what became of `order` (reconciliation of missing callbacks). */
  queryOrder(order: PaymentOrderRecord): Promise<GatewayOrderState>;
  /** Asks the gateway to refund the whole of a paid `order`. */
  refund(order: PaymentOrderRecord, request: { reason: string; requestedBy: string }): Promise<RefundOutcome>;
}
