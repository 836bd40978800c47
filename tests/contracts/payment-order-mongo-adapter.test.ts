/** Runs the PaymentOrderStore contract against the mongoose adapter, each test on a database of its own. */
import { createMongoStores } from '../../server/src/persistence/mongo/create-mongo-stores';
import { createMongoPaymentOrderStore } from '../../server/src/persistence/mongo/mongo-payment-order-store';
import { describePaymentOrderStoreContract } from './payment-order-store.contract';
import { useContractDatabase } from './support/contract-database';

const { freshDb } = useContractDatabase('payment order store');

describePaymentOrderStoreContract('mongoose', async () => {
  const db = freshDb('payments');
  return { payments: await createMongoPaymentOrderStore(db), stores: await createMongoStores(db) };
});
