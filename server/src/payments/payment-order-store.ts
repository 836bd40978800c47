/**
 * @module payment-order-store — the port for payment orders: one order per attempt of the citizen to pay a dossier's
 * fees online (status 6), with its reference at the gateway (our id), the amount asked, and what the gateway said.
 * An order is paid at most once: `update` writes only the revision it read (optimistic concurrency), and
 * complete-payment.ts marks an order paid that resumes the dossier only inside the dossier's unit of work (`within(tx.unit)`), so
 * the order and the dossier change commit or roll back together. Kept in MongoDB by the server, in memory in tests.
 */
import type { JoinsUnitOfWork } from '../unit-of-work';

export type PaymentOrderStatus = 'pending' | 'paid' | 'failed' | 'expired';

/** How a gateway result reached us: the server-to-server notification, the citizen's return, the reconciliation job. */
export type PaymentChannel = 'ipn' | 'return' | 'reconciliation';

export interface PaymentRefund {
  status: 'requested' | 'refunded' | 'failed';
  reason: string;
  requestedAt: number;
  /** Attempts sent to the gateway so far. */
  attempts: number;
  refundedAt?: number;
  reference?: string;
  lastError?: string;
}

export interface PaymentOrderRecord {
  /** Our order reference at the gateway (`vnp_TxnRef`): letters and digits only. */
  id: string;
  gateway: string;
  dossierId: string;
  dossierCode: string;
  /** In đồng, as the fee request asked. */
  amount: number;
  /** The fee request it pays: its reason and instant (the dossier's `fees` record). */
  reason: string;
  feeRequestedAt: number;
  status: PaymentOrderStatus;
  createdAt: number;
  /** The gateway refuses to take the payment after this instant. */
  expiresAt: number;
  /** The last time the reconciliation job asked the gateway about it. */
  checkedAt?: number;
  /** What the gateway said, and how it reached us; set when the order left `pending`. */
  transaction?: { transactionNo?: string; bankCode?: string; paidAt?: number; responseCode: string; via: PaymentChannel; at: number };
  /** A paid order: true when it resumed the dossier; false when it came after the dossier stopped waiting (refunded). */
  applied?: boolean;
  refund?: PaymentRefund;
  rev: number;
}

export interface PaymentOrderStore extends JoinsUnitOfWork<PaymentOrderStore> {
  /** Stores a new order at revision 0; DuplicateKey when its id is taken. */
  create(order: Omit<PaymentOrderRecord, 'rev'>): Promise<PaymentOrderRecord>;
  get(id: string): Promise<PaymentOrderRecord | undefined>;
  /** Writes `order` if the stored revision is `order.rev`; returns it at `rev + 1`, else throws ConcurrencyConflict. */
  update(order: PaymentOrderRecord): Promise<PaymentOrderRecord>;
  /** The dossier's orders, oldest first. */
  listByDossier(dossierId: string): Promise<PaymentOrderRecord[]>;
  /** Pending orders created at or before `createdBefore`, oldest first, at most `limit`. */
  listPending(createdBefore: number, limit: number): Promise<PaymentOrderRecord[]>;
  /** Orders whose refund was requested and not yet taken by the gateway, oldest request first. */
  listRefundsRequested(limit: number): Promise<PaymentOrderRecord[]>;
}
