/** Runs the PaymentOrderStore contract against the in-memory adapter, joined to the memory stores' units of work. */
import { createMemoryStores } from '../../server/src/persistence/memory/create-memory-stores';
import { MemoryPaymentOrderStore } from '../../server/src/persistence/memory/memory-payment-order-store';
import { describePaymentOrderStoreContract } from './payment-order-store.contract';

describePaymentOrderStoreContract('memory', async () => ({ payments: new MemoryPaymentOrderStore(), stores: createMemoryStores() }));
