/**
 * @module beside-neighbour — runs a file's store contracts with two provinces on one database (issue 18 item 2): every
 * test acts in province 01 (`actInHomeProvince`), and every store a test makes first receives a neighbouring province
 * 79's records (`besideNeighbour`), written through the same store inside `inProvince('79', …)`, with the codes, keys,
 * usernames' agencies and dossier references the contracts use. The contracts expect empty stores, so any record of
 * 79 read in 01 fails them; when the test ends, 79's records must read back exactly as they were seeded, so any write
 * of 01 that reached 79 fails it too. Record ids carry the province (`79-…`), as docs/production.md plans dossier ids:
 * MongoDB's `_id` index is one for the whole collection, so an id is unique in the deployment, not per province.
 */
import { aroundEach, expect, onTestFinished } from 'vitest';
import { inProvince } from '../../../server/src/tenancy/province-scope';

export const HOME_PROVINCE = '01';
export const NEIGHBOUR_PROVINCE = '79';

/** What the neighbour keeps in a store: how to seed it, and how to read back everything seeded. */
export interface Neighbour<T> {
  seed(store: T): Promise<void>;
  readBack(store: T): Promise<unknown>;
}

/** Registers (at the top of a contract file) that every test of the file acts in province 01. */
export function actInHomeProvince(): void {
  aroundEach(async (runTest) => {
    await inProvince(HOME_PROVINCE, async () => {
      await runTest();
    });
  });
}

/**
 * Wraps a contract's `make…`: each store it makes first gets the neighbour's records in province 79, and the test
 * fails unless they read back unchanged at its end.
 */
export function besideNeighbour<A extends unknown[], T extends N, N>(make: (...args: A) => Promise<T>, neighbour: Neighbour<N>): (...args: A) => Promise<T> {
  return async (...args) => {
    const store = await make(...args);
    const seeded = await inProvince(NEIGHBOUR_PROVINCE, async () => {
      await neighbour.seed(store);
      return await neighbour.readBack(store);
    });
    onTestFinished(async () => {
      const after = await inProvince(NEIGHBOUR_PROVINCE, async () => await neighbour.readBack(store));
      expect(after, `province ${NEIGHBOUR_PROVINCE}'s records after a test in province ${HOME_PROVINCE}`).toEqual(seeded);
    });
    return store;
  };
}
