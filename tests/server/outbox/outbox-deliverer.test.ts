/** The outbox deliverer against a local HTTP receiver: order per dossier, retries with backoff, dead deliveries, racing owners. */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOutboxDeliverer, type OutboxDelivererOptions } from '../../../server/src/outbox/outbox-deliverer';
import { createWebhookConsumer } from '../../../server/src/outbox/webhook-consumer';
import type { OutboxStore } from '../../../server/src/outbox/outbox-store';
import { MemoryOutboxStore } from '../../../server/src/persistence/memory/memory-outbox-store';
import { createSimulatedClock, type SimulatedClock } from '../../support/test-app';
import { startLocalReceiver, type LocalReceiver } from './local-receiver';
import { aProgressEntry, RECEIVED_AT } from './outbox-fixtures';

const SECRET = 'webhook-secret-for-tests-0123456789';
const backoff = { baseMs: 1_000, maxMs: 60_000, maxAttempts: 4, random: () => 0 };

let receiver: LocalReceiver;
let clock: SimulatedClock;
let outbox: OutboxStore;
let consumerName: string;

function deliverer(overrides: Partial<OutboxDelivererOptions> = {}) {
  const webhook = createWebhookConsumer({ url: receiver.url, secret: SECRET });
  consumerName = webhook.name;
  return createOutboxDeliverer({ outbox, consumers: [webhook], clock, owner: 'process-a', leaseMs: 60_000, backoff, ...overrides });
}

/** Runs rounds until one delivers nothing; returns how many were delivered. */
async function drain(run: () => Promise<number>): Promise<number> {
  let total = 0;
  for (let delivered = await run(); delivered > 0; delivered = await run()) total += delivered;
  return total;
}

const bodies = () => receiver.received.map((request) => JSON.parse(request.body) as { id: string; dossierId: string; seq: number });

beforeEach(async () => {
  receiver = await startLocalReceiver();
  clock = createSimulatedClock(RECEIVED_AT + 1_000);
  outbox = new MemoryOutboxStore([createWebhookConsumer({ url: receiver.url, secret: SECRET }).name]);
});

afterEach(async () => {
  await receiver.close();
});

describe('outbox deliverer', () => {
  it('delivers every entry to the receiver exactly as recorded, in order per dossier, signed over the body', async () => {
    // given
    const entries = [1, 2, 3].flatMap((seq) => [aProgressEntry('d1', seq), aProgressEntry('d2', seq)]);
    await outbox.enqueue(entries);
    // when
    const delivered = await drain(deliverer().deliverOnce);
    // then
    expect(delivered).toBe(6);
    for (const dossierId of ['d1', 'd2']) {
      expect(bodies().filter((body) => body.dossierId === dossierId).map((body) => body.seq)).toEqual([1, 2, 3]);
    }
    for (const request of receiver.received) {
      const recorded = entries.find((entry) => entry.id === request.headers['x-lienthong-delivery'])!;
      expect(JSON.parse(request.body)).toEqual(recorded);
      const expected = Buffer.from(`sha256=${createHmac('sha256', SECRET).update(request.body).digest('hex')}`);
      expect(timingSafeEqual(Buffer.from(String(request.headers['x-lienthong-signature'])), expected)).toBe(true);
      expect(request.headers['x-lienthong-event']).toBe('dossier.progress_recorded');
    }
    expect((await outbox.deliveries('d1:3'))[0]).toMatchObject({ status: 'delivered', attempts: 1, deliveredAt: clock.now() });
  });

  it('retries after HTTP 500 with exponential backoff on the simulated clock, holding back the next entry of the dossier', async () => {
    // given the receiver fails the first two attempts
    await outbox.enqueue([aProgressEntry('d1', 1), aProgressEntry('d1', 2)]);
    let failures = 2;
    receiver.answer = () => (failures-- > 0 ? 500 : 200);
    const run = deliverer().deliverOnce;
    // when
    const first = await run();
    const tooEarly = await run();
    clock.advance(500); // half of the 1 s step: the least equal jitter can give
    const second = await run();
    clock.advance(999);
    const notYet = await run();
    clock.advance(1);
    const third = await drain(run);
    // then
    expect([first, tooEarly, second, notYet]).toEqual([0, 0, 0, 0]);
    expect(third).toBe(2);
    expect(bodies().map((body) => body.id)).toEqual(['d1:1', 'd1:1', 'd1:1', 'd1:2']);
    expect(await outbox.deliveries('d1:1')).toEqual([
      { entryId: 'd1:1', consumer: consumerName, status: 'delivered', attempts: 3, nextAttemptAt: RECEIVED_AT + 1_000 + 1_500, deliveredAt: clock.now(), lastAttemptAt: clock.now() },
    ]);
  });

  it('marks a delivery dead after the last attempt, logs it, and goes on with the dossier', async () => {
    // given a receiver that refuses the first entry every time
    await outbox.enqueue([aProgressEntry('d1', 1), aProgressEntry('d1', 2)]);
    receiver.answer = (request) => (request.headers['x-lienthong-delivery'] === 'd1:1' ? 503 : 200);
    const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const run = deliverer({ logger }).deliverOnce;
    // when four attempts fail, each after its backoff
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await run();
      clock.advance(60_000);
    }
    await drain(run);
    // then
    expect((await outbox.deliveries('d1:1'))[0]).toMatchObject({ status: 'dead', attempts: 4, lastError: expect.stringContaining('HTTP 503') });
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(logger.error.mock.calls[0]![0]).toMatchObject({ entryId: 'd1:1', attempt: 4 });
    expect(bodies().map((body) => body.id)).toEqual(['d1:1', 'd1:1', 'd1:1', 'd1:1', 'd1:2']);
  });

  it('gives up at once when the receiver refuses the request itself (HTTP 400)', async () => {
    // given
    await outbox.enqueue([aProgressEntry('d1', 1)]);
    receiver.answer = () => 400;
    // when
    await deliverer().deliverOnce();
    clock.advance(3_600_000);
    await deliverer().deliverOnce();
    // then
    expect(receiver.received).toHaveLength(1);
    expect((await outbox.deliveries('d1:1'))[0]).toMatchObject({ status: 'dead', attempts: 1 });
  });

  it('follows a same-origin 307 but never a redirect to another host', async () => {
    // given
    await outbox.enqueue([aProgressEntry('d1', 1), aProgressEntry('d2', 1)]);
    receiver.answer = (request) => {
      if (request.path === '/moved') return 200;
      const location = request.body.includes('"d1"') ? '/moved' : 'http://localhost:9/elsewhere';
      return { status: 307, headers: { location } };
    };
    // when
    await deliverer().deliverOnce();
    // then
    expect(receiver.received.map((request) => request.path).sort()).toEqual(['/hook', '/hook', '/moved']);
    expect((await outbox.deliveries('d1:1'))[0]).toMatchObject({ status: 'delivered' });
    expect((await outbox.deliveries('d2:1'))[0]).toMatchObject({ status: 'dead', lastError: expect.stringContaining('another host') });
  });

  it('delivers each entry once when two deliverers race on the same outbox while their leases hold', async () => {
    // given
    const entries = [1, 2, 3, 4].flatMap((seq) => ['d1', 'd2', 'd3'].map((dossierId) => aProgressEntry(dossierId, seq)));
    await outbox.enqueue(entries);
    const a = deliverer({ owner: 'process-a', batchSize: 2 });
    const b = deliverer({ owner: 'process-b', batchSize: 2 });
    // when
    let delivered = 0;
    for (let round = await Promise.all([a.deliverOnce(), b.deliverOnce()]); round[0] + round[1] > 0; round = await Promise.all([a.deliverOnce(), b.deliverOnce()])) {
      delivered += round[0] + round[1];
    }
    // then
    expect(delivered).toBe(12);
    expect(bodies().map((body) => body.id).sort()).toEqual(entries.map((entry) => entry.id).sort());
    for (const dossierId of ['d1', 'd2', 'd3']) {
      expect(bodies().filter((body) => body.dossierId === dossierId).map((body) => body.seq)).toEqual([1, 2, 3, 4]);
    }
  });

  it('polls on its own once started, and stops cleanly', async () => {
    // given
    await outbox.enqueue([aProgressEntry('d1', 1)]);
    const running = deliverer({ pollIntervalMs: 60_000 });
    // when the first round runs at start
    running.start();
    await running.stop();
    // then
    expect(bodies().map((body) => body.id)).toEqual(['d1:1']);
  });
});
