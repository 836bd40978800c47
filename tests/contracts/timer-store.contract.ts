/** @module describeTimerStoreContract — what every TimerStore adapter must do, the sweeper's leases included. */
import { describe, expect, it } from 'vitest';
import type { Stores, TimerRecord } from '../../server/src/stores';

function aTimer(id: string, dueAt: number, overrides: Partial<TimerRecord> = {}): Omit<TimerRecord, 'status'> {
  return { id, kind: 'step.overdue', dossierId: 'd1', stepId: 's1', dueAt, payload: { rung: 0 }, ...overrides };
}

const lease = 60_000;

/**
 * @param makeStores fresh, empty stores
 * @param openAgain the same data as another server process sees it (its own connection); in memory, the same stores
 */
export function describeTimerStoreContract(
  adapter: string,
  makeStores: () => Promise<Stores>,
  openAgain: (stores: Stores) => Promise<Stores>,
): void {
  describe(`TimerStore contract (${adapter})`, () => {
    it("writes one command's timers in order as schedule and cancel would, one at a time", async () => {
      // given a timer leased at its wake-up, one to move, one cancelled, one fired
      const stores = await makeStores();
      const { timers } = stores;
      for (const [id, dueAt] of [['same', 100], ['moved', 100], ['cancelled', 100], ['fired', 100]] as const) await timers.schedule(aTimer(id, dueAt));
      await timers.cancel('cancelled');
      const leased = await timers.claimDue(100, 'sweeper', lease, 10);
      expect(leased.map((timer) => timer.id).sort()).toEqual(['fired', 'moved', 'same']);
      expect(await timers.markFired('fired', 'sweeper', 100)).toBe(true);
      // when
      await timers.writeMany([
        { schedule: aTimer('same', 100, { payload: { rung: 1 } }) },
        { schedule: aTimer('moved', 300, { stepId: undefined }) },
        { schedule: aTimer('cancelled', 200) },
        { schedule: aTimer('fired', 400) },
        { schedule: aTimer('new', 500) },
        { schedule: aTimer('new-then-cancelled', 600) },
        { cancel: 'new-then-cancelled' },
      ]);
      // then the same wake-up keeps its lease, the moved and revived ones are due again without one, a fired one stays fired
      expect(await timers.get('same')).toMatchObject({ status: 'scheduled', dueAt: 100, payload: { rung: 1 }, leaseOwner: 'sweeper' });
      const moved = await timers.get('moved');
      expect(moved).toMatchObject({ status: 'scheduled', dueAt: 300 });
      expect(moved).not.toHaveProperty('leaseOwner');
      expect(moved?.stepId).toBeUndefined();
      expect(await timers.get('cancelled')).toMatchObject({ status: 'scheduled', dueAt: 200 });
      expect(await timers.get('fired')).toMatchObject({ status: 'fired', dueAt: 100 });
      expect(await timers.get('new')).toEqual({ ...aTimer('new', 500), status: 'scheduled' });
      expect((await timers.get('new-then-cancelled'))?.status).toBe('cancelled');
      expect((await timers.claimDue(1000, 'other', lease, 10)).map((timer) => timer.id)).toEqual(['cancelled', 'moved', 'new']);
    });

    it('schedules a timer that can be read back as scheduled', async () => {
      // given
      const { timers } = await makeStores();
      // when
      await timers.schedule(aTimer('t1', 1000, { payload: { rung: 2, targets: ['head'] } }));
      // then
      expect(await timers.get('t1')).toEqual({ ...aTimer('t1', 1000, { payload: { rung: 2, targets: ['head'] } }), status: 'scheduled' });
      expect(await timers.get('nope')).toBeUndefined();
    });

    it('keeps one timer when the same timer is scheduled twice', async () => {
      // given
      const { timers } = await makeStores();
      await timers.schedule(aTimer('t1', 1000));
      // when
      await timers.schedule(aTimer('t1', 1000));
      // then
      expect(await timers.listByDossier('d1')).toHaveLength(1);
      expect(await timers.claimDue(1000, 'sweeper-a', lease, 10)).toHaveLength(1);
    });

    it('moves a timer to its new due instant when it is scheduled again with another dueAt', async () => {
      // given
      const { timers } = await makeStores();
      await timers.schedule(aTimer('t1', 1000));
      // when
      await timers.schedule(aTimer('t1', 5000));
      // then
      expect(await timers.claimDue(4999, 'sweeper-a', lease, 10)).toEqual([]);
      expect((await timers.claimDue(5000, 'sweeper-a', lease, 10)).map((t) => t.id)).toEqual(['t1']);
    });

    it('cancels a timer so that it is never claimed, and schedules a cancelled timer again on request', async () => {
      // given
      const { timers } = await makeStores();
      await timers.schedule(aTimer('t1', 1000));
      // when
      await timers.cancel('t1');
      const afterCancel = await timers.claimDue(2000, 'sweeper-a', lease, 10);
      await timers.cancel('unknown');
      // then
      expect(afterCancel).toEqual([]);
      expect((await timers.get('t1'))?.status).toBe('cancelled');
      await timers.schedule(aTimer('t1', 3000));
      expect((await timers.claimDue(3000, 'sweeper-a', lease, 10)).map((t) => t.id)).toEqual(['t1']);
    });

    it('claims only the due timers, in dueAt order, leased to the claiming owner', async () => {
      // given
      const { timers } = await makeStores();
      await timers.schedule(aTimer('late', 3000));
      await timers.schedule(aTimer('second', 2000));
      await timers.schedule(aTimer('first', 1000));
      await timers.schedule(aTimer('exactly-now', 2500));
      // when
      const claimed = await timers.claimDue(2500, 'sweeper-a', lease, 10);
      // then
      expect(claimed.map((t) => t.id)).toEqual(['first', 'second', 'exactly-now']);
      expect(claimed[0]).toMatchObject({ status: 'scheduled', leaseOwner: 'sweeper-a', leaseUntil: 2500 + lease });
      expect(await timers.get('first')).toMatchObject({ leaseOwner: 'sweeper-a', leaseUntil: 2500 + lease });
    });

    it('claims timers scheduled in random order, rescheduled and cancelled, strictly in dueAt order across batches', async () => {
      // given 150 timers with shuffled distinct instants, a third moved later, a tenth cancelled
      const { timers } = await makeStores();
      const instants = Array.from({ length: 150 }, (_, i) => 1000 + i * 7);
      for (let i = instants.length - 1; i > 0; i -= 1) {
        const j = (i * 7919) % (i + 1); // a fixed shuffle: the test is the same on every run
        [instants[i], instants[j]] = [instants[j]!, instants[i]!];
      }
      const expected = new Map<string, number>();
      for (const [i, dueAt] of instants.entries()) {
        await timers.schedule(aTimer(`t${i}`, dueAt));
        expected.set(`t${i}`, dueAt);
      }
      for (let i = 0; i < 150; i += 3) {
        await timers.schedule(aTimer(`t${i}`, instants[i]! + 2000));
        expected.set(`t${i}`, instants[i]! + 2000);
      }
      for (let i = 5; i < 150; i += 10) {
        await timers.cancel(`t${i}`);
        expected.delete(`t${i}`);
      }
      // when
      const claimed: TimerRecord[] = [];
      for (let batch = await timers.claimDue(10_000, 'sweeper-a', lease, 7); batch.length > 0; batch = await timers.claimDue(10_000, 'sweeper-a', lease, 7)) {
        claimed.push(...batch);
      }
      // then
      const byDueAt = [...expected.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id);
      expect(claimed.map((t) => t.id)).toEqual(byDueAt);
    });

    it('claims at most limit timers and leaves the rest for the next claim', async () => {
      // given
      const { timers } = await makeStores();
      for (let i = 0; i < 5; i += 1) await timers.schedule(aTimer(`t${i}`, 100 + i));
      // when
      const first = await timers.claimDue(1000, 'sweeper-a', lease, 2);
      const rest = await timers.claimDue(1000, 'sweeper-a', lease, 10);
      // then
      expect(first.map((t) => t.id)).toEqual(['t0', 't1']);
      expect(rest.map((t) => t.id)).toEqual(['t2', 't3', 't4']);
    });

    it('does not hand a timer to another owner while its lease runs, and does once the lease has expired', async () => {
      // given
      const { timers } = await makeStores();
      await timers.schedule(aTimer('t1', 1000));
      await timers.claimDue(1000, 'sweeper-a', lease, 10);
      // when
      const duringLease = await timers.claimDue(1000 + lease - 1, 'sweeper-b', lease, 10);
      const afterLease = await timers.claimDue(1000 + lease, 'sweeper-b', lease, 10);
      // then
      expect(duringLease).toEqual([]);
      expect(afterLease.map((t) => ({ id: t.id, owner: t.leaseOwner }))).toEqual([{ id: 't1', owner: 'sweeper-b' }]);
    });

    it('never gives the same timer to two sweeper processes claiming concurrently', async () => {
      // given
      const first = await makeStores();
      const second = await openAgain(first);
      for (let i = 0; i < 40; i += 1) await first.timers.schedule(aTimer(`t${String(i).padStart(2, '0')}`, 1000 + i));
      // when
      const rounds = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          i % 2 === 0 ? first.timers.claimDue(5000, 'sweeper-a', lease, 8) : second.timers.claimDue(5000, 'sweeper-b', lease, 8),
        ),
      );
      // then
      const ids = rounds.flat().map((t) => t.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(40);
      expect(rounds[0]!.length + rounds[2]!.length + rounds[4]!.length).toBeGreaterThan(0);
    });

    it('marks a timer fired for the owner of its lease, after which it is never claimed again', async () => {
      // given
      const { timers } = await makeStores();
      await timers.schedule(aTimer('t1', 1000));
      await timers.claimDue(1000, 'sweeper-a', lease, 10);
      // when
      const fired = await timers.markFired('t1', 'sweeper-a', 1500);
      // then
      expect(fired).toBe(true);
      expect(await timers.get('t1')).toMatchObject({ status: 'fired', firedAt: 1500 });
      expect(await timers.claimDue(1000 + 10 * lease, 'sweeper-b', lease, 10)).toEqual([]);
    });

    it('refuses markFired from an owner that does not hold the lease', async () => {
      // given
      const { timers } = await makeStores();
      await timers.schedule(aTimer('t1', 1000));
      await timers.claimDue(1000, 'sweeper-a', lease, 10);
      // when
      const fired = await timers.markFired('t1', 'sweeper-b', 1500);
      // then
      expect(fired).toBe(false);
      expect(await timers.get('t1')).toMatchObject({ status: 'scheduled', leaseOwner: 'sweeper-a' });
    });

    it('refuses markFired from an owner whose expired lease was taken by another owner', async () => {
      // given
      const { timers } = await makeStores();
      await timers.schedule(aTimer('t1', 1000));
      await timers.claimDue(1000, 'sweeper-a', lease, 10);
      await timers.claimDue(1000 + lease, 'sweeper-b', lease, 10);
      // when
      const late = await timers.markFired('t1', 'sweeper-a', 1000 + lease + 1);
      const current = await timers.markFired('t1', 'sweeper-b', 1000 + lease + 2);
      // then
      expect(late).toBe(false);
      expect(current).toBe(true);
      expect(await timers.get('t1')).toMatchObject({ status: 'fired', firedAt: 1000 + lease + 2 });
    });

    it('keeps the lease when a claimed timer is scheduled again for the same instant, and drops it for a new instant', async () => {
      // given
      const { timers } = await makeStores();
      await timers.schedule(aTimer('same', 1000));
      await timers.schedule(aTimer('moved', 1000));
      await timers.claimDue(1000, 'sweeper-a', lease, 10);
      // when
      await timers.schedule(aTimer('same', 1000));
      await timers.schedule(aTimer('moved', 2000));
      // then
      expect((await timers.claimDue(2000, 'sweeper-b', lease, 10)).map((t) => t.id)).toEqual(['moved']);
      expect(await timers.markFired('same', 'sweeper-a', 2100)).toBe(true);
      expect(await timers.markFired('moved', 'sweeper-a', 2100)).toBe(false);
    });

    it('does not bring a fired timer back when it is scheduled again', async () => {
      // given
      const { timers } = await makeStores();
      await timers.schedule(aTimer('t1', 1000));
      await timers.claimDue(1000, 'sweeper-a', lease, 10);
      await timers.markFired('t1', 'sweeper-a', 1000);
      // when
      await timers.schedule(aTimer('t1', 9000));
      // then
      expect(await timers.get('t1')).toMatchObject({ status: 'fired', dueAt: 1000 });
      expect(await timers.claimDue(9000, 'sweeper-a', lease, 10)).toEqual([]);
    });

    it("lists a dossier's timers in dueAt order, whatever their status", async () => {
      // given
      const { timers } = await makeStores();
      await timers.schedule(aTimer('b', 2000));
      await timers.schedule(aTimer('a', 1000));
      await timers.schedule(aTimer('c', 3000));
      await timers.schedule(aTimer('other', 500, { dossierId: 'd2' }));
      await timers.cancel('c');
      // when
      const listed = await timers.listByDossier('d1');
      // then
      expect(listed.map((t) => [t.id, t.status])).toEqual([
        ['a', 'scheduled'],
        ['b', 'scheduled'],
        ['c', 'cancelled'],
      ]);
    });
  });
}
