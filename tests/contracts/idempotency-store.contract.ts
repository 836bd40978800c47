/** @module describeIdempotencyStoreContract — what every IdempotencyStore adapter must do. */
import { describe, expect, it } from 'vitest';
import type { IdempotencyStore, StoredResponse } from '../../server/src/http/idempotency-store';

const T0 = 1_747_272_600_000;
const LEASE_MS = 120_000;
const DAY_MS = 86_400_000;
const created: StoredResponse = { status: 201, headers: [['content-type', 'application/json'], ['location', '/api/dossiers/d1']], body: '{"id":"d1"}' };

const attempt = (key: string, requestHash: string, at = T0) => ({ key, requestHash, createdAt: at, expiresAt: at + LEASE_MS });

export function describeIdempotencyStoreContract(adapter: string, makeStore: () => Promise<IdempotencyStore>): void {
  describe(`IdempotencyStore contract (${adapter})`, () => {
    it('starts the first request with a key and answers the in-progress record to the next', async () => {
      // given
      const store = await makeStore();
      // when
      const first = await store.begin(attempt('u1:k1', 'h1'));
      const second = await store.begin(attempt('u1:k1', 'h1', T0 + 1000));
      // then
      expect(first).toEqual({ started: true });
      expect(second).toEqual({ started: false, existing: { key: 'u1:k1', requestHash: 'h1', state: 'inProgress', createdAt: T0, expiresAt: T0 + LEASE_MS } });
    });

    it('starts exactly one of ten concurrent requests with the same key', async () => {
      // given
      const store = await makeStore();
      // when
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => store.begin(attempt('u1:k1', `h${i}`))));
      // then
      expect(results.filter((result) => result.started)).toHaveLength(1);
    });

    it('keeps the completed answer for replay until it expires, then lets the key start again', async () => {
      // given
      const store = await makeStore();
      await store.begin(attempt('u1:k1', 'h1'));
      // when
      await store.complete('u1:k1', 'h1', created, T0 + DAY_MS);
      const replay = await store.begin(attempt('u1:k1', 'h1', T0 + DAY_MS - 1));
      const afterExpiry = await store.begin(attempt('u1:k1', 'h2', T0 + DAY_MS));
      // then
      expect(replay).toEqual({
        started: false,
        existing: { key: 'u1:k1', requestHash: 'h1', state: 'completed', response: created, createdAt: T0, expiresAt: T0 + DAY_MS },
      });
      expect(afterExpiry).toEqual({ started: true });
      expect(await store.get('u1:k1')).toMatchObject({ requestHash: 'h2', state: 'inProgress' });
    });

    it('frees the key of a released request, and of one whose lease ran out', async () => {
      // given
      const store = await makeStore();
      await store.begin(attempt('u1:released', 'h1'));
      await store.begin(attempt('u1:abandoned', 'h1'));
      // when
      await store.release('u1:released', 'h1');
      const again = await store.begin(attempt('u1:released', 'h1', T0 + 1));
      const afterLease = await store.begin(attempt('u1:abandoned', 'h1', T0 + LEASE_MS));
      // then
      expect(again).toEqual({ started: true });
      expect(afterLease).toEqual({ started: true });
    });

    it('ignores complete and release from a request that no longer holds the key', async () => {
      // given a key taken over by h2 after h1's lease ran out
      const store = await makeStore();
      await store.begin(attempt('u1:k1', 'h1'));
      await store.begin(attempt('u1:k1', 'h2', T0 + LEASE_MS));
      // when
      await store.complete('u1:k1', 'h1', created, T0 + DAY_MS);
      await store.release('u1:k1', 'h1');
      // then
      expect(await store.get('u1:k1')).toEqual({ key: 'u1:k1', requestHash: 'h2', state: 'inProgress', createdAt: T0 + LEASE_MS, expiresAt: T0 + 2 * LEASE_MS });
    });

    it('keeps keys apart', async () => {
      // given
      const store = await makeStore();
      await store.begin(attempt('u1:k1', 'h1'));
      // when
      const other = await store.begin(attempt('u2:k1', 'h1'));
      // then
      expect(other).toEqual({ started: true });
      expect(await store.get('u3:k1')).toBeUndefined();
    });
  });
}
