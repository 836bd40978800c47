/**
 * @module MongoPaymentOrderStore — PaymentOrderStore on the `paymentOrders` collection. Its operations name no
 * session: inside `stores.transaction` mongoose passes the running transaction's session to them
 * (`transactionAsyncLocalStorage`, as the outbox does), so an order leaves `pending` in the same transaction as the
 * dossier change it causes, and rolls back with it.
 */
import type { Connection } from 'mongoose';
import { ConcurrencyConflict, DuplicateKey } from '../../stores';
import type { PaymentOrderRecord, PaymentOrderStore } from '../../payments/payment-order-store';
import { isDuplicateKeyError } from './is-duplicate-key-error';
import { paymentOrderModel, type PaymentOrderDocument, type PaymentOrderModel } from './payment-order-model';

function toRecord(document: PaymentOrderDocument): PaymentOrderRecord {
  const { _id, ...rest } = document;
  return { ...rest, id: _id };
}

export class MongoPaymentOrderStore implements PaymentOrderStore {
  constructor(private readonly model: PaymentOrderModel) {}

  async create(order: Omit<PaymentOrderRecord, 'rev'>): Promise<PaymentOrderRecord> {
    const { id, ...rest } = order;
    const stored = { ...order, rev: 0 };
    try {
      await this.model.create([{ ...rest, _id: id, rev: 0 }]);
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new DuplicateKey('paymentOrders', id);
      throw error;
    }
    return stored;
  }

  async get(id: string): Promise<PaymentOrderRecord | undefined> {
    const found = await this.model.findById(id).lean<PaymentOrderDocument>().exec();
    return found ? toRecord(found) : undefined;
  }

  async update(order: PaymentOrderRecord): Promise<PaymentOrderRecord> {
    const { id, rev, ...rest } = order;
    const next = { ...order, rev: rev + 1 };
    const written = await this.model.replaceOne({ _id: id, rev }, { ...rest, _id: id, rev: rev + 1 }).exec();
    if (written.matchedCount !== 1) throw new ConcurrencyConflict('paymentOrders', id, rev);
    return next;
  }

  async listByDossier(dossierId: string): Promise<PaymentOrderRecord[]> {
    const found = await this.model.find({ dossierId }).sort({ createdAt: 1, _id: 1 }).limit(1000).lean<PaymentOrderDocument[]>().exec();
    return found.map(toRecord);
  }

  async listPending(createdBefore: number, limit: number): Promise<PaymentOrderRecord[]> {
    const found = await this.model.find({ status: 'pending', createdAt: { $lte: createdBefore } }).sort({ createdAt: 1, _id: 1 }).limit(limit).lean<PaymentOrderDocument[]>().exec();
    return found.map(toRecord);
  }

  async listRefundsRequested(limit: number): Promise<PaymentOrderRecord[]> {
    const found = await this.model.find({ 'refund.status': 'requested' }).sort({ 'refund.requestedAt': 1, _id: 1 }).limit(limit).lean<PaymentOrderDocument[]>().exec();
    return found.map(toRecord);
  }
}

/**
 * Creates the collection and its indexes and returns the store.
 *
 * @example
 * const payments = await createMongoPaymentOrderStore(connection);
 */
export async function createMongoPaymentOrderStore(connection: Connection): Promise<MongoPaymentOrderStore> {
  // Operations without a session join the running `connection.transaction` (see the module comment).
  connection.base.set('transactionAsyncLocalStorage', true);
  const model = paymentOrderModel(connection);
  await model.createCollection();
  await model.syncIndexes();
  return new MongoPaymentOrderStore(model);
}
