/** Runs the PaymentOrderStore contract against the mongoose adapter, each test on a database of its own, in province 01 beside province 79's records (support/beside-neighbour.ts). */
import { createMongoStores } from '../../server/src/persistence/mongo/create-mongo-stores';
import { createMongoPaymentOrderStore } from '../../server/src/persistence/mongo/mongo-payment-order-store';
import { describePaymentOrderStoreContract } from './payment-order-store.contract';
import { useContractDatabase } from './support/contract-database';
import { actInHomeProvince, besideNeighbour } from './support/beside-neighbour';
import { neighbourPayments } from './support/neighbour-records';

const { freshDb } = useContractDatabase('payment order store');

actInHomeProvince();

describePaymentOrderStoreContract('mongoose', besideNeighbour(async () => {
  const db = freshDb('payments');
  return { payments: await createMongoPaymentOrderStore(db), stores: await createMongoStores(db) };
}, neighbourPayments));
