/**
 * @module VnpayGateway — the payment port on a VNPAY-style gateway (VNPAY Payment Gateway API 2.1.0): the payment
 * URL (`vnp_Command=pay`, amount in đồng × 100, dates in Vietnam's time, `vnp_ExpireDate`), the return URL and IPN
 * parameters verified by HMAC-SHA512 (vnpay-signature.ts) and checked to name our merchant code, and the merchant
 * API's `querydr` and `refund` commands, whose answers are verified the same way before anything is believed.
 * Field lists follow the published 2.1.0 integration guide; a gateway whose fields differ gets an adapter of its own.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../engine/src/index';
import type { GatewayOrderState, GatewayResult, PaymentGateway, RefundOutcome } from './payment-gateway';
import type { PaymentOrderRecord } from './payment-order-store';
import { fromGatewayDate, sameDigest, signParams, signPipe, toGatewayDate, verifyParams } from './vnpay-signature';

export interface VnpayGatewayOptions {
  /** The merchant (terminal) code the gateway issued (`vnp_TmnCode`). */
  merchantCode: string;
  /** The shared secret (`vnp_HashSecret`). */
  secret: string;
  /** The gateway's payment page, e.g. https://sandbox.vnpayment.vn/paymentv2/vpcpay.html. */
  paymentUrl: string;
  /** The merchant API, e.g. https://sandbox.vnpayment.vn/merchant_webapi/api/transaction. */
  apiUrl: string;
  clock: Clock;
  /** The address the merchant API calls come from (`vnp_IpAddr`); 127.0.0.1 by default. */
  serverAddress?: string;
  fetch?: typeof fetch;
  /** How long a merchant API call may take; 15 s by default. */
  timeoutMs?: number;
}

const VERSION = '2.1.0';
/** A merchant API answer larger than this is not one. */
const MAX_ANSWER_BYTES = 64 * 1024;
/** The gateway's "transaction not found" answer to `querydr`. */
const NOT_FOUND = '91';

const QUERY_ANSWER_FIELDS = ['vnp_ResponseId', 'vnp_Command', 'vnp_ResponseCode', 'vnp_Message', 'vnp_TmnCode', 'vnp_TxnRef', 'vnp_Amount', 'vnp_BankCode', 'vnp_PayDate', 'vnp_TransactionNo', 'vnp_TransactionType', 'vnp_TransactionStatus', 'vnp_OrderInfo', 'vnp_PromotionCode', 'vnp_PromotionAmount'] as const;
const REFUND_ANSWER_FIELDS = QUERY_ANSWER_FIELDS.slice(0, 13);

/** The order's description at the gateway: without diacritics, as the gateway asks. */
export function orderInfoOf(order: Pick<PaymentOrderRecord, 'dossierCode'>): string {
  return `Nop phi ho so ${order.dossierCode}`;
}

/** Đồng × 100, the gateway's unit; undefined when `value` is not a whole number of đồng. */
function amountOf(value: string | undefined): number | undefined {
  if (!value || !/^\d{1,15}$/.test(value)) return undefined;
  const minor = Number(value);
  return minor % 100 === 0 ? minor / 100 : undefined;
}

export class VnpayGateway implements PaymentGateway {
  readonly name = 'vnpay';
  readonly label = 'VNPAY';
  private readonly fetch: typeof fetch;

  constructor(private readonly options: VnpayGatewayOptions) {
    this.fetch = options.fetch ?? fetch;
  }

  paymentUrl(order: PaymentOrderRecord, request: { returnUrl: string; clientAddress: string }): string {
    const params: Record<string, string> = {
      vnp_Version: VERSION,
      vnp_Command: 'pay',
      vnp_TmnCode: this.options.merchantCode,
      vnp_Amount: String(order.amount * 100),
      vnp_CurrCode: 'VND',
      vnp_TxnRef: order.id,
      vnp_OrderInfo: orderInfoOf(order),
      vnp_OrderType: 'other',
      vnp_Locale: 'vn',
      vnp_ReturnUrl: request.returnUrl,
      vnp_IpAddr: request.clientAddress,
      vnp_CreateDate: toGatewayDate(order.createdAt),
      vnp_ExpireDate: toGatewayDate(order.expiresAt),
    };
    return `${this.options.paymentUrl}?${signParams(this.options.secret, params)}`;
  }

  verifyCallback(params: Record<string, string>): GatewayResult | undefined {
    if (!verifyParams(this.options.secret, params) || params.vnp_TmnCode !== this.options.merchantCode) return undefined;
    const amount = amountOf(params.vnp_Amount);
    const orderId = params.vnp_TxnRef;
    const responseCode = params.vnp_ResponseCode ?? '';
    if (amount === undefined || !orderId) return undefined;
    // Paid: the gateway's answer and, when it sends one, the transaction's state both "00".
    const succeeded = responseCode === '00' && (params.vnp_TransactionStatus ?? '00') === '00';
    const transactionNo = params.vnp_TransactionNo && params.vnp_TransactionNo !== '0' ? params.vnp_TransactionNo : undefined;
    const paidAt = fromGatewayDate(params.vnp_PayDate);
    return {
      orderId,
      amount,
      succeeded,
      responseCode,
      ...(transactionNo ? { transactionNo } : {}),
      ...(params.vnp_BankCode ? { bankCode: params.vnp_BankCode } : {}),
      ...(paidAt !== undefined ? { paidAt } : {}),
    };
  }

  async queryOrder(order: PaymentOrderRecord): Promise<GatewayOrderState> {
    const request = this.merchantRequest('querydr', order);
    const signed = { ...request, vnp_SecureHash: signPipe(this.options.secret, [request.vnp_RequestId, request.vnp_Version, request.vnp_Command, request.vnp_TmnCode, request.vnp_TxnRef, request.vnp_TransactionDate, request.vnp_CreateDate, request.vnp_IpAddr, request.vnp_OrderInfo]) };
    const answer = await this.call(signed, QUERY_ANSWER_FIELDS);
    if (answer.vnp_ResponseCode === NOT_FOUND) return { state: 'notFound' };
    if (answer.vnp_ResponseCode !== '00') throw new Error(`the gateway could not answer querydr for ${order.id}: code ${answer.vnp_ResponseCode} ${answer.vnp_Message ?? ''}`);
    if (answer.vnp_TxnRef !== order.id) throw new Error(`the gateway answered querydr for ${order.id} about ${answer.vnp_TxnRef}`);
    const status = answer.vnp_TransactionStatus ?? '';
    if (status === '01') return { state: 'pending' };
    if (status !== '00') return { state: 'failed', responseCode: status };
    const amount = amountOf(answer.vnp_Amount);
    if (amount === undefined) throw new Error(`the gateway answered querydr for ${order.id} with amount ${answer.vnp_Amount}`);
    const paidAt = fromGatewayDate(answer.vnp_PayDate);
    return {
      state: 'paid',
      result: {
        orderId: order.id,
        amount,
        succeeded: true,
        responseCode: status,
        ...(answer.vnp_TransactionNo ? { transactionNo: answer.vnp_TransactionNo } : {}),
        ...(answer.vnp_BankCode ? { bankCode: answer.vnp_BankCode } : {}),
        ...(paidAt !== undefined ? { paidAt } : {}),
      },
    };
  }

  async refund(order: PaymentOrderRecord, request: { reason: string; requestedBy: string }): Promise<RefundOutcome> {
    const base = this.merchantRequest('refund', order);
    const fields = {
      ...base,
      vnp_TransactionType: '02', // a full refund
      vnp_Amount: String(order.amount * 100),
      vnp_TransactionNo: order.transaction?.transactionNo ?? '',
      vnp_CreateBy: request.requestedBy,
      vnp_OrderInfo: `Hoan phi ho so ${order.dossierCode}`,
    };
    const signed = {
      ...fields,
      vnp_SecureHash: signPipe(this.options.secret, [fields.vnp_RequestId, fields.vnp_Version, fields.vnp_Command, fields.vnp_TmnCode, fields.vnp_TransactionType, fields.vnp_TxnRef, fields.vnp_Amount, fields.vnp_TransactionNo, fields.vnp_TransactionDate, fields.vnp_CreateBy, fields.vnp_CreateDate, fields.vnp_IpAddr, fields.vnp_OrderInfo]),
    };
    const answer = await this.call(signed, REFUND_ANSWER_FIELDS);
    if (answer.vnp_ResponseCode !== '00') return { refunded: false, reason: `code ${answer.vnp_ResponseCode} ${answer.vnp_Message ?? ''}`.trim() };
    return { refunded: true, ...(answer.vnp_TransactionNo ? { reference: answer.vnp_TransactionNo } : {}) };
  }

  private merchantRequest(command: 'querydr' | 'refund', order: PaymentOrderRecord) {
    return {
      vnp_RequestId: randomUUID().replace(/-/g, ''),
      vnp_Version: VERSION,
      vnp_Command: command,
      vnp_TmnCode: this.options.merchantCode,
      vnp_TxnRef: order.id,
      vnp_OrderInfo: orderInfoOf(order),
      vnp_TransactionDate: toGatewayDate(order.createdAt),
      vnp_CreateDate: toGatewayDate(this.options.clock.now()),
      vnp_IpAddr: this.options.serverAddress ?? '127.0.0.1',
    };
  }

  /** Posts a merchant API request and returns its answer once its checksum over `fields` verifies. */
  private async call(body: Record<string, string>, fields: readonly string[]): Promise<Record<string, string | undefined>> {
    const response = await this.fetch(this.options.apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`the gateway's merchant API answered HTTP ${response.status}`);
    if (text.length > MAX_ANSWER_BYTES) throw new Error('the gateway\'s merchant API answered more than 64 KiB');
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('the gateway\'s merchant API answered no object');
    const answer: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(parsed)) if (typeof value === 'string' || typeof value === 'number') answer[name] = String(value);
    const expected = signPipe(this.options.secret, fields.map((name) => answer[name]));
    if (!sameDigest(expected, answer.vnp_SecureHash)) throw new Error(`the gateway's ${body.vnp_Command} answer does not carry our merchant's checksum`);
    if (answer.vnp_TmnCode !== undefined && answer.vnp_TmnCode !== this.options.merchantCode) throw new Error(`the gateway's ${body.vnp_Command} answer names another merchant`);
    return answer;
  }
}
