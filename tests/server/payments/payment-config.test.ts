/** Online fees from the environment: off without a merchant code, refused when half configured (payment-config.ts). */
import { describe, expect, it } from 'vitest';
import { parsePaymentConfig } from '../../../server/src/payments/payment-config';

const FULL = {
  VNPAY_TMN_CODE: 'LIENTHNG',
  VNPAY_HASH_SECRET: 'bi-mat-cua-cong-thanh-toan-0123456789',
  VNPAY_PAYMENT_URL: 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html',
  VNPAY_API_URL: 'https://sandbox.vnpayment.vn/merchant_webapi/api/transaction',
};

describe('the online fee configuration', () => {
  it('is off without a merchant code, so officials record fees by hand', () => {
    expect(parsePaymentConfig({})).toBeUndefined();
    expect(parsePaymentConfig({ VNPAY_HASH_SECRET: FULL.VNPAY_HASH_SECRET })).toBeUndefined();
  });

  it('reads the gateway, the return address and the reconciliation delay', () => {
    expect(parsePaymentConfig({ ...FULL, PAYMENT_RETURN_URL: 'https://dichvucong.tinh.gov.vn/lookup/payment-return', PAYMENT_RECONCILE_AFTER_MINUTES: '20' })).toEqual({
      gateway: 'vnpay',
      merchantCode: 'LIENTHNG',
      secret: FULL.VNPAY_HASH_SECRET,
      paymentUrl: FULL.VNPAY_PAYMENT_URL,
      apiUrl: FULL.VNPAY_API_URL,
      returnUrl: 'https://dichvucong.tinh.gov.vn/lookup/payment-return',
      reconcileAfterMs: 20 * 60_000,
      reconcileIntervalMs: 60_000,
    });
  });

  it('refuses to start half configured: no or a short secret, no gateway URL, a URL that is not http(s), a bad delay', () => {
    expect(() => parsePaymentConfig({ ...FULL, VNPAY_HASH_SECRET: undefined })).toThrow('VNPAY_HASH_SECRET');
    expect(() => parsePaymentConfig({ ...FULL, VNPAY_HASH_SECRET: 'ngan' })).toThrow('VNPAY_HASH_SECRET');
    expect(() => parsePaymentConfig({ ...FULL, VNPAY_API_URL: undefined })).toThrow('VNPAY_API_URL');
    expect(() => parsePaymentConfig({ ...FULL, VNPAY_PAYMENT_URL: 'ftp://cong.vn/pay' })).toThrow('VNPAY_PAYMENT_URL');
    expect(() => parsePaymentConfig({ ...FULL, PAYMENT_RECONCILE_AFTER_MINUTES: '-1' })).toThrow('PAYMENT_RECONCILE_AFTER_MINUTES');
  });
});
