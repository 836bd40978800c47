/**
 * @module outboxApi — the outbox console's calls (`/api/outbox`, server/src/routes/outbox-routes.ts) with the server's
 * own answer types (generated api-types.ts).
 */
import type { GetAnswer } from '../../api/api-answer';
import { requestJson, withQuery } from '../common/workspace-api';

export type OutboxOverview = GetAnswer<'/api/outbox/consumers'>;
export type ConsumerTally = OutboxOverview['consumers'][number];
export type OutboxAlert = OutboxOverview['alerts'][number];
export type DeliveryPage = GetAnswer<'/api/outbox/deliveries'>;
export type DeliveryRow = DeliveryPage['items'][number];
export type DeliveryState = DeliveryRow['state'];

export const DELIVERY_STATES = ['dead', 'retrying', 'pending', 'delivered', 'skipped'] as const satisfies readonly DeliveryState[];

export const outboxApi = {
  overview: () => requestJson<OutboxOverview>('GET', '/api/outbox/consumers'),
  deliveries: (query: { consumer?: string; state?: DeliveryState; offset: number; limit: number }) => requestJson<DeliveryPage>('GET', withQuery('/api/outbox/deliveries', query)),
  replay: (target: { consumer: string; entryId: string }) => requestJson<unknown>('POST', '/api/outbox/replay', target),
  skip: (target: { consumer: string; entryId: string }) => requestJson<unknown>('POST', '/api/outbox/skip', target),
};
