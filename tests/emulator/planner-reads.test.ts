/**
 * @module planner-reads.test: the product's list queries (steps inbox, dossier list, outbox heads) are served by
 * their compound indexes in order: the emulator reads about `limit` documents, not every match, and returns
 * what sorting all matches would.
 */
import type { Document } from 'bson';
import { Query } from 'mingo';
import { describe, expect, it, vi } from 'vitest';
import { Collection } from '../../mongo-emulator/src/collection';
import { WriteClock } from '../../mongo-emulator/src/write-clock';

/** A collection with the given indexes and documents, and a counter of the documents the planner reads. */
function collectionOf(indexes: Document[], documents: Document[]): { collection: Collection; reads: () => number } {
  const collection = new Collection('planner.reads', {}, new WriteClock());
  for (const spec of indexes) collection.indexes.create(spec, []);
  for (const doc of documents) collection.insert(doc);
  const get = vi.spyOn(collection.docs, 'get');
  return { collection, reads: () => get.mock.calls.length };
}

/** What a full scan and an in-memory sort give. */
function expected(documents: Document[], filter: Document, sort: Document, limit: number): unknown[] {
  const sorted = new Query(filter).find<Document>(documents).sort(sort as Record<string, 1 | -1>).all();
  return sorted.slice(0, limit > 0 ? limit : sorted.length).map((doc) => doc._id);
}

const AGENCIES = ['so-tu-phap', 'so-xay-dung'];
const STATUSES = ['active', 'waiting', 'done'];

describe('the planner on the product list queries', () => {
  it('steps inbox: { agencyId, departmentId, status: { $in } } sorted by { startedAt, _id } merges the status walks and reads about the limit', () => {
    // given 6,000 steps over two agencies, three departments and three statuses
    const steps = Array.from({ length: 6_000 }, (_, i) => ({
      _id: `step-${String(i).padStart(5, '0')}`,
      agencyId: AGENCIES[i % 2],
      departmentId: `phong-${i % 3}`,
      status: STATUSES[Math.floor(i / 6) % 3],
      startedAt: 1_000 + ((i * 7919) % 600),
    }));
    const { collection, reads } = collectionOf([{ key: { agencyId: 1, departmentId: 1, status: 1, startedAt: 1 }, name: 'inbox' }], steps);
    const filter = { agencyId: 'so-tu-phap', departmentId: 'phong-1', status: { $in: ['active', 'waiting'] } };
    const sort = { startedAt: 1, _id: 1 };
    // when
    const page = collection.findSorted(filter, sort, 20);
    // then
    expect(page?.map((doc) => doc._id)).toEqual(expected(steps, filter, sort, 20));
    expect(reads()).toBe(20);
  });

  it('dossier list: { agencyId, status: { $in: [one] } } sorted by { createdAt: -1, _id: -1 } on { agencyId, status, createdAt: -1 }', () => {
    // given dossiers created in bursts, so that many share a createdAt
    const dossiers = Array.from({ length: 4_000 }, (_, i) => ({ _id: `HS-${String(i).padStart(5, '0')}`, agencyId: AGENCIES[i % 2], status: STATUSES[i % 3], createdAt: new Date(Date.UTC(2026, 0, 1) + Math.floor(i / 50) * 60_000) }));
    const { collection, reads } = collectionOf([{ key: { agencyId: 1, status: 1, createdAt: -1 }, name: 'agency_status_created' }], dossiers);
    const filter = { agencyId: 'so-xay-dung', status: { $in: ['waiting'] } };
    const sort = { createdAt: -1, _id: -1 };
    // when
    const page = collection.findSorted(filter, sort, 25);
    // then: ties on createdAt come in descending _id although the index breaks them ascending
    expect(page?.map((doc) => doc._id)).toEqual(expected(dossiers, filter, sort, 25));
    expect(reads()).toBe(25);
  });

  it('outbox heads: { consumer, status: pending } sorted by { dossierId, seq } reads only the consumer\'s pending deliveries', () => {
    // given 3,000 deliveries for two consumers, one in ten still pending
    const deliveries = Array.from({ length: 3_000 }, (_, i) => ({ _id: `d-${i}`, consumer: i % 2 === 0 ? 'lgsp' : 'email', status: i % 10 < 2 ? 'pending' : 'delivered', dossierId: `HS-${(i * 31) % 97}`, seq: i }));
    const { collection, reads } = collectionOf([{ key: { consumer: 1, status: 1, dossierId: 1, seq: 1 }, name: 'heads' }], deliveries);
    const filter = { consumer: 'lgsp', status: 'pending' };
    const sort = { dossierId: 1, seq: 1 };
    // when
    const heads = collection.findSorted(filter, sort, Number.MAX_SAFE_INTEGER);
    // then
    expect(heads?.map((doc) => doc._id)).toEqual(expected(deliveries, filter, sort, 0));
    expect(reads()).toBe(300);
  });
});
