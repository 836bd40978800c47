/**
 * @module paymentOrderModel — the `paymentOrders` collection: one document per attempt to pay a dossier's fees
 * online, keyed by our order reference at the gateway. `{dossierId, createdAt}` lists a dossier's orders;
 * `{status, createdAt}` is the reconciliation job's query for orders pending too long; `{'refund.status',
 * 'refund.requestedAt'}` finds the refunds to send again.
 */
import { Schema, type Connection } from 'mongoose';
import { provinceScopedPlugin } from './province-scoped-plugin';
import type { PaymentOrderRecord } from '../../payments/payment-order-store';

export type PaymentOrderDocument = Omit<PaymentOrderRecord, 'id'> & { _id: string };

const paymentOrderSchema = new Schema<PaymentOrderDocument>(
  {
    _id: { type: String, required: true },
    gateway: { type: String, required: true },
    dossierId: { type: String, required: true },
    dossierCode: { type: String, required: true },
    amount: { type: Number, required: true },
    reason: { type: String, default: '' },
    feeRequestedAt: { type: Number, required: true },
    status: { type: String, required: true },
    createdAt: { type: Number, required: true },
    expiresAt: { type: Number, required: true },
    checkedAt: { type: Number },
    // What the gateway said and the refund: plain JSON, as written.
    transaction: { type: Schema.Types.Mixed },
    applied: { type: Boolean },
    refund: { type: Schema.Types.Mixed },
    rev: { type: Number, required: true },
  },
  { collection: 'paymentOrders', versionKey: false, minimize: false, strict: 'throw', _id: false },
);
paymentOrderSchema.index({ dossierId: 1, createdAt: 1 });
paymentOrderSchema.index({ status: 1, createdAt: 1 });
paymentOrderSchema.index({ 'refund.status': 1, 'refund.requestedAt': 1 });

// Last, after the indexes: each is prefixed by the province (issue 18 item 2).
paymentOrderSchema.plugin(provinceScopedPlugin);

function register(connection: Connection) {
  return connection.model('PaymentOrder', paymentOrderSchema);
}

export type PaymentOrderModel = ReturnType<typeof register>;

const registered = new WeakMap<Connection, PaymentOrderModel>();

/** The model on `connection`, registered on first use (each connection keeps its own models). */
export function paymentOrderModel(connection: Connection): PaymentOrderModel {
  const model = registered.get(connection) ?? register(connection);
  registered.set(connection, model);
  return model;
}
