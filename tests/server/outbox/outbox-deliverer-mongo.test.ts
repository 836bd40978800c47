/**
 * Several server processes on one MongoDB outbox (two mongoose connections, the embedded database): each entry is
 * delivered once per consumer and in order per dossier while leases hold; a process that dies mid-delivery only
 * delays its entry until the lease expires, and the next process delivers it (at least once).
 */
import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxDeliverer } from '../../../server/src/outbox/outbox-deliverer';
import { createWebhookConsumer } from '../../../server/src/outbox/webhook-consumer';
import { connectMongoose } from '../../../server/src/persistence/mongo/connect-mongoose';
import { createMongoOutboxStore } from '../../../server/src/persistence/mongo/mongo-outbox-store';
import { startDatabase, type RunningDatabase } from '../../../server/src/persistence/mongo/start-database';
import { createSimulatedClock } from '../../support/test-app';
import { startLocalReceiver, type LocalReceiver } from './local-receiver';
import { aProgressEntry, RECEIVED_AT } from './outbox-fixtures';

let database: RunningDatabase | undefined;
let first: Connection | undefined;
let second: Connection | undefined;
const databases: Connection[] = [];
let receiver: LocalReceiver;

beforeAll(async () => {
  database = await startDatabase({ uri: process.env.MONGODB_URI, logger: { info: () => undefined, warn: () => undefined } });
  first = await connectMongoose(database.uri);
  second = await connectMongoose(database.uri);
}, 90_000);

afterAll(async () => {
  for (const db of databases) await db.dropDatabase().catch(() => undefined);
  await first?.close();
  await second?.close();
  await database?.stop();
}, 60_000);

beforeEach(async () => {
  receiver = await startLocalReceiver();
});
afterEach(async () => {
  await receiver.close();
});

/** The same outbox as two processes open it. */
async function twoProcesses(consumers: string[]) {
  const name = `outbox-race-${randomUUID().slice(0, 8)}`;
  const one = first!.useDb(name, { useCache: false });
  databases.push(one);
  return [await createMongoOutboxStore(one, { consumers }), await createMongoOutboxStore(second!.useDb(name, { useCache: false }), { consumers })] as const;
}

describe('outbox deliverers in two processes on MongoDB', () => {
  it('delivers each entry once, in order per dossier, when both race', async () => {
    // given
    const webhook = createWebhookConsumer({ url: receiver.url, secret: 'race-secret-0123456789' });
    const [outboxA, outboxB] = await twoProcesses([webhook.name]);
    const entries = [1, 2, 3].flatMap((seq) => ['d1', 'd2', 'd3', 'd4'].map((dossierId) => aProgressEntry(dossierId, seq)));
    await outboxA.enqueue(entries);
    const clock = createSimulatedClock(RECEIVED_AT + 1_000);
    const a = createOutboxDeliverer({ outbox: outboxA, consumers: [webhook], clock, owner: 'process-a', batchSize: 3 });
    const b = createOutboxDeliverer({ outbox: outboxB, consumers: [webhook], clock, owner: 'process-b', batchSize: 3 });
    // when
    let delivered = 0;
    for (;;) {
      const [fromA, fromB] = await Promise.all([a.deliverOnce(), b.deliverOnce()]);
      if (fromA + fromB === 0) break;
      delivered += fromA + fromB;
    }
    // then
    const ids = receiver.received.map((request) => String(request.headers['x-lienthong-delivery']));
    expect(delivered).toBe(12);
    expect([...ids].sort()).toEqual(entries.map((entry) => entry.id).sort());
    for (const dossierId of ['d1', 'd2', 'd3', 'd4']) {
      expect(ids.filter((id) => id.startsWith(`${dossierId}:`))).toEqual([`${dossierId}:1`, `${dossierId}:2`, `${dossierId}:3`]);
    }
  });

  it('lets the other process deliver an entry whose owner died mid-delivery, once the lease has expired', async () => {
    // given process A claimed the entry and died before delivering it
    const webhook = createWebhookConsumer({ url: receiver.url, secret: 'race-secret-0123456789' });
    const [outboxA, outboxB] = await twoProcesses([webhook.name]);
    await outboxA.enqueue([aProgressEntry('d1', 1), aProgressEntry('d1', 2)]);
    const clock = createSimulatedClock(RECEIVED_AT + 1_000);
    await outboxA.claimNext(webhook.name, clock.now(), 60_000, 'process-a', 10);
    const b = createOutboxDeliverer({ outbox: outboxB, consumers: [webhook], clock, owner: 'process-b', leaseMs: 60_000 });
    // when
    const whileLeased = await b.deliverOnce();
    clock.advance(60_000);
    let afterExpiry = 0;
    for (let round = await b.deliverOnce(); round > 0; round = await b.deliverOnce()) afterExpiry += round;
    // then
    expect(whileLeased).toBe(0);
    expect(afterExpiry).toBe(2);
    expect(receiver.received.map((request) => request.headers['x-lienthong-delivery'])).toEqual(['d1:1', 'd1:2']);
    expect(receiver.received[0]!.headers['x-lienthong-attempt']).toBe('2');
  });
});
