/**
 * @module payment-config — online fees from the environment. VNPAY_TMN_CODE (the merchant code the gateway issued),
 * VNPAY_HASH_SECRET (the shared secret, at least 16 characters), VNPAY_PAYMENT_URL (the gateway's payment page) and
 * VNPAY_API_URL (its merchant API, for `querydr` and `refund`) turn it on; without VNPAY_TMN_CODE it is off and the
 * official records fees by hand as before. PAYMENT_RETURN_URL is where the gateway sends the citizen back (the
 * front end's `/lookup/payment-return` on the public address); PAYMENT_RECONCILE_AFTER_MINUTES (15) how long an order may
 * wait for its IPN before the gateway is asked; PAYMENT_RECONCILE_INTERVAL_MS (60 000) how often the job runs.
 */
export interface PaymentConfig {
  gateway: 'vnpay';
  merchantCode: string;
  secret: string;
  paymentUrl: string;
  apiUrl: string;
  returnUrl?: string;
  reconcileAfterMs: number;
  reconcileIntervalMs: number;
}

function httpUrl(name: string, value: string | undefined): string {
  if (!value) throw new Error(`VNPAY_TMN_CODE is set but ${name} is not`);
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`${name} must be an http(s) URL`);
  return url.toString();
}

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`${name} must be a positive number`);
  return parsed;
}

/** Undefined when VNPAY_TMN_CODE is absent (online fees off); throws on a half or wrong configuration. */
export function parsePaymentConfig(env: Record<string, string | undefined>): PaymentConfig | undefined {
  if (!env.VNPAY_TMN_CODE) return undefined;
  if (!env.VNPAY_HASH_SECRET || env.VNPAY_HASH_SECRET.length < 16) throw new Error('VNPAY_TMN_CODE is set but VNPAY_HASH_SECRET (at least 16 characters) is not');
  return {
    gateway: 'vnpay',
    merchantCode: env.VNPAY_TMN_CODE,
    secret: env.VNPAY_HASH_SECRET,
    paymentUrl: httpUrl('VNPAY_PAYMENT_URL', env.VNPAY_PAYMENT_URL),
    apiUrl: httpUrl('VNPAY_API_URL', env.VNPAY_API_URL),
    ...(env.PAYMENT_RETURN_URL ? { returnUrl: httpUrl('PAYMENT_RETURN_URL', env.PAYMENT_RETURN_URL) } : {}),
    reconcileAfterMs: positive('PAYMENT_RECONCILE_AFTER_MINUTES', env.PAYMENT_RECONCILE_AFTER_MINUTES, 15) * 60_000,
    reconcileIntervalMs: positive('PAYMENT_RECONCILE_INTERVAL_MS', env.PAYMENT_RECONCILE_INTERVAL_MS, 60_000),
  };
}
