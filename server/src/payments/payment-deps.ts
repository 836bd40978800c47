/** @module payment-deps — what the online-fee use cases need: the dossier core's deps, the orders and the gateway. */
import type { DossierDeps } from '../dossiers/dossier-deps';
import type { Logger } from '../logger';
import type { PaymentGateway } from './payment-gateway';
import type { PaymentOrderStore } from './payment-order-store';

export interface PaymentDeps extends DossierDeps {
  payments: PaymentOrderStore;
  gateway: PaymentGateway;
  logger?: Pick<Logger, 'warn' | 'info'>;
}

/** How long the gateway lets the citizen pay an order; 15 minutes, the gateway's usual window. */
export const DEFAULT_ORDER_TTL_MS = 15 * 60_000;
