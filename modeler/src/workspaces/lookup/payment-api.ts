/**
 * @module paymentApi — online fees as the citizen's pages call them (server/src/routes/payment-routes.ts): the fee
 * awaited and the start of a payment with the lookup's citizen token (header `X-Citizen-Token`), and the outcome of
 * the parameters the gateway sent the browser back with. Absent routes (the province has no gateway) answer 404.
 */
import { ApiProblem } from '../../api/api-client';

export interface PaymentOutcome {
  orderId: string;
  dossierCode: string;
  amount: number;
  gateway: string;
  outcome: 'pending' | 'paid' | 'failed' | 'expired';
  transactionNo?: string;
  /** Paid after the dossier stopped waiting for it: the refund's state. */
  refunded?: 'requested' | 'refunded' | 'failed';
}

export interface FeeDue {
  gateway: string;
  fee: { amount: number; reason: string; requestedAt: string } | null;
  orders: PaymentOutcome[];
}

async function answer<T>(response: Response): Promise<T> {
  const text = await response.text();
  const parsed: unknown = text === '' ? undefined : JSON.parse(text);
  if (!response.ok) {
    const problem = (parsed ?? {}) as { code?: string; detail?: string; title?: string };
    throw new ApiProblem({ status: response.status, code: problem.code ?? `HTTP_${response.status}`, detail: problem.detail ?? problem.title ?? response.statusText });
  }
  return parsed as T;
}

const citizen = (token: string) => ({ accept: 'application/json', 'x-citizen-token': token });
const paymentsOf = (dossierId: string) => `/api/citizen/dossiers/${encodeURIComponent(dossierId)}/payments`;

export const paymentApi = {
  /** The fee the dossier waits for, or undefined when online payment is off (404). */
  feeDue: async (dossierId: string, token: string): Promise<FeeDue | undefined> => {
    const response = await fetch(paymentsOf(dossierId), { headers: citizen(token) });
    return response.status === 404 ? undefined : answer<FeeDue>(response);
  },
  start: (dossierId: string, token: string) => fetch(paymentsOf(dossierId), { method: 'POST', headers: citizen(token) }).then((r) => answer<PaymentOutcome & { redirectUrl: string }>(r)),
  /** What the gateway's return parameters (the page's own query) say, once the server has verified them. */
  returned: (query: string) => fetch(`/api/payments/return${query}`, { headers: { accept: 'application/json' } }).then((r) => answer<PaymentOutcome & { gatewaySays: 'paid' | 'failed' }>(r)),
};
