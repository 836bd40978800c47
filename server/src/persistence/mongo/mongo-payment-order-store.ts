/**
 * @module MongoPaymentOrderStore — PaymentOrderStore on the `paymentOrders` collection. `within(unit)` is the same
 * store naming the unit's session in every operation, so an order leaves `pending` in the same MongoDB transaction as
 * the dossier change it causes, and aborts with it.
 */
import type { ClientSession, Connection } from 'mongoose';
import { ConcurrencyConflict, DuplicateKey } from '../../stores';
import type { PaymentOrderRecord, PaymentOrderStore } from '../../payments/payment-order-store';
import type { UnitOfWork } from '../../unit-of-work';
import { isDuplicateKeyError } from './is-duplicate-key-error';
import { sessionOf } from './mongo-unit-of-work';
import { paymentOrderModel, type PaymentOrderDocument, type PaymentOrderModel } from './payment-order-model';
import { backfillProvince } from './backfill-province';

function toRecord(document: PaymentOrderDocument): PaymentOrderRecord {
  const { _id, ...rest } = document;
  return { ...rest, id: _id };
}

export class MongoPaymentOrderStore implements PaymentOrderStore {
  /** @param session set by `within`: every operation names it, so it joins that transaction */
  constructor(
    private readonly model: PaymentOrderModel,
    private readonly session?: ClientSession,
  ) {}

  within(unit: UnitOfWork): MongoPaymentOrderStore {
    return new MongoPaymentOrderStore(this.model, sessionOf('the payment orders', unit));
  }

  private get options(): { session?: ClientSession } {
    return this.session ? { session: this.session } : {};
  }

  async create(order: Omit<PaymentOrderRecord, 'rev'>): Promise<PaymentOrderRecord> {
    const { id, ...rest } = order;
    try {
      await this.model.create([{ ...rest, _id: id, rev: 0 }], this.options);
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new DuplicateKey('paymentOrders', id);
      throw error;
    }
    return { ...order, rev: 0 };
  }

  async get(id: string): Promise<PaymentOrderRecord | undefined> {
    const found = await this.model.findById(id, null, this.options).lean<PaymentOrderDocument>().exec();
    return found ? toRecord(found) : undefined;
  }

  async update(order: PaymentOrderRecord): Promise<PaymentOrderRecord> {
    const { id, rev, ...rest } = order;
    const written = await this.model.replaceOne({ _id: id, rev }, { ...rest, _id: id, rev: rev + 1 }, this.options).exec();
    if (written.matchedCount !== 1) throw new ConcurrencyConflict('paymentOrders', id, rev);
    return { ...order, rev: rev + 1 };
  }

  async listByDossier(dossierId: string): Promise<PaymentOrderRecord[]> {
    const found = await this.model.find({ dossierId }, null, this.options).sort({ createdAt: 1, _id: 1 }).limit(1000).lean<PaymentOrderDocument[]>().exec();
    return found.map(toRecord);
  }

  async listPending(createdBefore: number, limit: number): Promise<PaymentOrderRecord[]> {
    const found = await this.model.find({ status: 'pending', createdAt: { $lte: createdBefore } }, null, this.options).sort({ createdAt: 1, _id: 1 }).limit(limit).lean<PaymentOrderDocument[]>().exec();
    return found.map(toRecord);
  }

  async listRefundsRequested(limit: number): Promise<PaymentOrderRecord[]> {
    const found = await this.model.find({ 'refund.status': 'requested' }, null, this.options).sort({ 'refund.requestedAt': 1, _id: 1 }).limit(limit).lean<PaymentOrderDocument[]>().exec();
    return found.map(toRecord);
  }
}

/**
 * Creates the collection and its indexes and returns the store.
 *
 * @example
 * const payments = await createMongoPaymentOrderStore(connection);
 * await stores.transaction(async (tx) => payments.within(tx.unit).update(order)); // with the dossier change
 */
export async function createMongoPaymentOrderStore(connection: Connection): Promise<MongoPaymentOrderStore> {
  const model = paymentOrderModel(connection);
  await backfillProvince(connection);
  await model.createCollection();
  await model.syncIndexes();
  return new MongoPaymentOrderStore(model);
}
