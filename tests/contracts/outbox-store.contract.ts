/** @module describeOutboxStoreContract — what every OutboxStore adapter must do: order per dossier per consumer, leases, retries. */
import { describe, expect, it } from 'vitest';
import type { OutboxEntry, OutboxStore } from '../../server/src/outbox/outbox-store';

const lease = 60_000;

function anEntry(dossierId: string, seq: number, overrides: Partial<OutboxEntry> = {}): OutboxEntry {
  return {
    id: `${dossierId}:${seq}`,
    dossierId,
    seq,
    kind: 'dossier.progress_recorded',
    payload: { dossier: { dossierCode: `CODE-${dossierId}` }, progress: { status: 4, action: 'step.handed_over', note: 'Chuyển phòng Quản lý đô thị' } },
    createdAt: 1000 + seq,
    ...overrides,
  };
}

const ids = (entries: OutboxEntry[]) => entries.map((entry) => entry.id).sort();

/**
 * @param makeOutbox a fresh, empty outbox delivering to `consumers`
 * @param openAgain the same outbox as another server process sees it (its own connection); in memory, the same store
 */
export function describeOutboxStoreContract(
  adapter: string,
  makeOutbox: (consumers: string[]) => Promise<OutboxStore>,
  openAgain: (outbox: OutboxStore, consumers: string[]) => Promise<OutboxStore>,
): void {
  describe(`OutboxStore contract (${adapter})`, () => {
    it('keeps one entry and one pending delivery per consumer when the same entry is enqueued twice', async () => {
      // given
      const outbox = await makeOutbox(['portal', 'webhook']);
      await outbox.enqueue([anEntry('d1', 1)]);
      // when
      await outbox.enqueue([anEntry('d1', 1), anEntry('d1', 2)]);
      // then
      expect(await outbox.listByDossier('d1')).toEqual([anEntry('d1', 1), anEntry('d1', 2)]);
      expect(await outbox.deliveries('d1:1')).toEqual([
        { entryId: 'd1:1', consumer: 'portal', status: 'pending', attempts: 0, nextAttemptAt: 1001 },
        { entryId: 'd1:1', consumer: 'webhook', status: 'pending', attempts: 0, nextAttemptAt: 1001 },
      ]);
      expect(await outbox.listByDossier('other')).toEqual([]);
    });

    it('hands out only the oldest undelivered entry of each dossier, then the next once it is delivered', async () => {
      // given
      const outbox = await makeOutbox(['portal']);
      await outbox.enqueue([anEntry('d1', 2), anEntry('d1', 1), anEntry('d2', 1)]);
      // when
      const first = await outbox.claimNext('portal', 5000, lease, 'a', 10);
      const whileLeased = await outbox.claimNext('portal', 5000, lease, 'b', 10);
      await outbox.markDelivered('d1:1', 'portal', 'a', 5001);
      const second = await outbox.claimNext('portal', 5002, lease, 'b', 10);
      // then
      expect(ids(first)).toEqual(['d1:1', 'd2:1']);
      expect(first.find((entry) => entry.id === 'd1:1')).toEqual({ ...anEntry('d1', 1), attempt: 1 });
      expect(whileLeased).toEqual([]);
      expect(ids(second)).toEqual(['d1:2']);
    });

    it('delivers to each consumer independently, in order for each', async () => {
      // given
      const outbox = await makeOutbox(['portal', 'webhook']);
      await outbox.enqueue([anEntry('d1', 1), anEntry('d1', 2)]);
      await outbox.claimNext('portal', 5000, lease, 'a', 10);
      await outbox.markDelivered('d1:1', 'portal', 'a', 5000);
      // when
      const portal = await outbox.claimNext('portal', 5000, lease, 'a', 10);
      const webhook = await outbox.claimNext('webhook', 5000, lease, 'a', 10);
      // then
      expect(ids(portal)).toEqual(['d1:2']);
      expect(ids(webhook)).toEqual(['d1:1']);
      expect(await outbox.claimNext('unknown-consumer', 5000, lease, 'a', 10)).toEqual([]);
    });

    it('claims at most `limit` dossiers, the longest waiting first', async () => {
      // given
      const outbox = await makeOutbox(['portal']);
      await outbox.enqueue([anEntry('d3', 1, { createdAt: 300 }), anEntry('d1', 1, { createdAt: 100 }), anEntry('d2', 1, { createdAt: 200 })]);
      // when
      const claimed = await outbox.claimNext('portal', 5000, lease, 'a', 2);
      // then
      expect(claimed.map((entry) => entry.id)).toEqual(['d1:1', 'd2:1']);
    });

    it('holds back the later entries of a dossier while an earlier one waits for its retry', async () => {
      // given
      const outbox = await makeOutbox(['portal']);
      await outbox.enqueue([anEntry('d1', 1), anEntry('d1', 2)]);
      await outbox.claimNext('portal', 5000, lease, 'a', 10);
      // when
      await outbox.markFailed('d1:1', 'portal', 'a', 'HTTP 500', 9000);
      // then
      expect(await outbox.claimNext('portal', 8999, lease, 'a', 10)).toEqual([]);
      expect(await outbox.claimNext('portal', 9000, lease, 'a', 10)).toEqual([{ ...anEntry('d1', 1), attempt: 2 }]);
      expect(await outbox.deliveries('d1:1')).toEqual([
        { entryId: 'd1:1', consumer: 'portal', status: 'pending', attempts: 2, nextAttemptAt: 9000, lastError: 'HTTP 500' },
      ]);
    });

    it('marks a delivery dead after its last attempt, never hands it out again, and lets the dossier go on', async () => {
      // given
      const outbox = await makeOutbox(['portal']);
      await outbox.enqueue([anEntry('d1', 1), anEntry('d1', 2)]);
      await outbox.claimNext('portal', 5000, lease, 'a', 10);
      // when
      await outbox.markFailed('d1:1', 'portal', 'a', 'HTTP 400', undefined);
      // then
      expect(await outbox.deliveries('d1:1')).toEqual([
        { entryId: 'd1:1', consumer: 'portal', status: 'dead', attempts: 1, nextAttemptAt: 1001, lastError: 'HTTP 400' },
      ]);
      expect(ids(await outbox.claimNext('portal', 99_999, lease, 'a', 10))).toEqual(['d1:2']);
    });

    it('lets another owner take an expired lease, after which the first owner can no longer mark it', async () => {
      // given
      const outbox = await makeOutbox(['portal']);
      await outbox.enqueue([anEntry('d1', 1)]);
      await outbox.claimNext('portal', 5000, lease, 'a', 10);
      // when
      const beforeExpiry = await outbox.claimNext('portal', 5000 + lease - 1, lease, 'b', 10);
      const afterExpiry = await outbox.claimNext('portal', 5000 + lease, lease, 'b', 10);
      // then
      expect(beforeExpiry).toEqual([]);
      expect(afterExpiry).toEqual([{ ...anEntry('d1', 1), attempt: 2 }]);
      await outbox.markFailed('d1:1', 'portal', 'a', 'late', 1);
      expect(await outbox.markDelivered('d1:1', 'portal', 'a', 70_000)).toBe(false);
      expect(await outbox.markDelivered('d1:1', 'portal', 'b', 70_000)).toBe(true);
      expect(await outbox.deliveries('d1:1')).toEqual([
        { entryId: 'd1:1', consumer: 'portal', status: 'delivered', attempts: 2, nextAttemptAt: 1001, deliveredAt: 70_000, lastAttemptAt: 70_000 },
      ]);
      expect(await outbox.markDelivered('d1:1', 'portal', 'b', 70_001)).toBe(false);
    });

    it('never leases the same entry to two owners claiming at the same time from two processes', async () => {
      // given
      const consumers = ['portal'];
      const one = await makeOutbox(consumers);
      const other = await openAgain(one, consumers);
      const entries = Array.from({ length: 12 }, (_, i) => anEntry(`d${i % 4}`, Math.floor(i / 4) + 1));
      await one.enqueue(entries);
      // when
      const [a, b] = await Promise.all([one.claimNext('portal', 5000, lease, 'a', 3), other.claimNext('portal', 5000, lease, 'b', 3)]);
      // then
      const all = [...a, ...b].map((entry) => entry.id);
      expect(new Set(all).size).toBe(all.length);
      expect(all.sort()).toEqual(['d0:1', 'd1:1', 'd2:1', 'd3:1']);
    });
    it('counts per consumer what waits, retries and is dead, with how long it has been failing and its last error', async () => {
      // given d1:1 failed at 5 000 then again at 9 500 (retrying), d2:1 failed for good at 6 000 (dead), d3:1 not yet done
      const outbox = await makeOutbox(['portal', 'webhook']);
      await outbox.enqueue([anEntry('d1', 1), anEntry('d2', 1), anEntry('d3', 1)]);
      await outbox.claimNext('portal', 2000, lease, 'a', 2);
      await outbox.markFailed('d1:1', 'portal', 'a', 'HTTP 500', 9000, 5000);
      await outbox.markFailed('d2:1', 'portal', 'a', 'HTTP 400', undefined, 6000);
      // (d3:1 is claimed too and still in flight: it counts as pending)
      await outbox.claimNext('portal', 9000, lease, 'a', 10);
      await outbox.markFailed('d1:1', 'portal', 'a', 'timeout', 20_000, 9500);
      // when
      const tallies = await outbox.tallyByConsumer();
      // then
      expect(tallies.sort((a, b) => (a.consumer < b.consumer ? -1 : 1))).toEqual([
        { consumer: 'portal', pending: 1, retrying: 1, dead: 1, failingSince: 5000, lastError: 'timeout', lastAttemptAt: 9500 },
        { consumer: 'webhook', pending: 3, retrying: 0, dead: 0 },
      ]);
      const dead = await outbox.listDeliveries({ consumer: 'portal', state: 'dead' }, { offset: 0, limit: 10 });
      expect(dead).toEqual({
        items: [{ entryId: 'd2:1', consumer: 'portal', status: 'dead', state: 'dead', attempts: 1, nextAttemptAt: 1001, lastError: 'HTTP 400', lastAttemptAt: 6000, failingSince: 6000, dossierId: 'd2', seq: 1, kind: 'dossier.progress_recorded', createdAt: 1001 }],
        total: 1,
      });
      expect((await outbox.listDeliveries({ state: 'pending' }, { offset: 0, limit: 10 })).total).toBe(4);
    });

    it('replays a dead delivery as pending with its attempts from zero, then forgets its failure once delivered', async () => {
      // given
      const outbox = await makeOutbox(['portal']);
      await outbox.enqueue([anEntry('d1', 1)]);
      await outbox.claimNext('portal', 2000, lease, 'a', 1);
      await outbox.markFailed('d1:1', 'portal', 'a', 'HTTP 400', undefined, 2000);
      // when
      const replayed = await outbox.replay('d1:1', 'portal', 50_000);
      // then
      expect(replayed).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: 50_000, failingSince: 2000 });
      expect(replayed?.lastError).toBeUndefined();
      expect(await outbox.claimNext('portal', 49_999, lease, 'b', 1)).toEqual([]);
      expect(ids(await outbox.claimNext('portal', 50_000, lease, 'b', 1))).toEqual(['d1:1']);
      expect(await outbox.markDelivered('d1:1', 'portal', 'b', 50_100)).toBe(true);
      expect(await outbox.tallyByConsumer()).toEqual([{ consumer: 'portal', pending: 0, retrying: 0, dead: 0 }]);
      expect(await outbox.replay('d1:1', 'portal', 60_000)).toBeUndefined();
    });

    it('skips a dead delivery, which then counts nowhere and cannot be replayed', async () => {
      // given
      const outbox = await makeOutbox(['portal']);
      await outbox.enqueue([anEntry('d1', 1)]);
      await outbox.claimNext('portal', 2000, lease, 'a', 1);
      await outbox.markFailed('d1:1', 'portal', 'a', 'HTTP 400', undefined, 2000);
      // when
      const skipped = await outbox.skip('d1:1', 'portal', 3000);
      // then
      expect(skipped).toMatchObject({ status: 'skipped', lastError: 'HTTP 400' });
      expect(await outbox.tallyByConsumer()).toEqual([{ consumer: 'portal', pending: 0, retrying: 0, dead: 0 }]);
      expect((await outbox.listDeliveries({ state: 'skipped' }, { offset: 0, limit: 10 })).items.map((d) => d.entryId)).toEqual(['d1:1']);
      expect(await outbox.replay('d1:1', 'portal', 4000)).toBeUndefined();
      expect(await outbox.skip('unknown', 'portal', 4000)).toBeUndefined();
    });
  });
}
