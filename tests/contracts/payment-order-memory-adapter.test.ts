/** Runs the PaymentOrderStore contract against the in-memory adapter, joined to the memory stores' units of work. */
import { createMemoryStores } from '../../server/src/persistence/memory/create-memory-stores';
import { MemoryPaymentOrderStore } from '../../server/src/persistence/memory/memory-payment-order-store';
import { describePaymentOrderStoreContract } from './payment-order-store.contract';
import { partitionedByProvince } from '../../server/src/persistence/memory/province-partitioned';
import { actInHomeProvince, besideNeighbour } from './support/beside-neighbour';
import { neighbourPayments } from './support/neighbour-records';

actInHomeProvince();

describePaymentOrderStoreContract('memory', besideNeighbour(async () => ({ payments: partitionedByProvince(MemoryPaymentOrderStore), stores: createMemoryStores() }), neighbourPayments));
