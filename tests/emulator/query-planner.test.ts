/**
 * @module query-planner.test: the emulator's index-served reads return exactly what a full scan returns. The same
 * random commands run on a collection with compound indexes and on one with none, outside and inside transactions.
 */
import type { Document } from 'bson';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { plannerOptions } from '../../mongo-emulator/src/query-planner';
import { startInProcessEmulator, type InProcessEmulator } from './in-process-emulator';
import { body, INDEXES, step, transaction, type Step, type TransactionScript } from './query-planner-arbitraries';

let emulator: InProcessEmulator;
let runNumber = 0;

beforeAll(async () => {
  emulator = await startInProcessEmulator();
});

/** The command a step sends to one collection. */
function commandOf(step: Step, collection: string): Document {
  switch (step.kind) {
    case 'insert':
      return { insert: collection, documents: [{ _id: step.id, ...step.doc }] };
    case 'update': {
      const update = step.unset ? { $unset: { [step.field]: '' } } : { $set: { [step.field]: step.value } };
      return { update: collection, updates: [{ q: { _id: { $in: step.ids } }, u: update, multi: true }] };
    }
    case 'delete':
      return { delete: collection, deletes: [{ q: { _id: { $in: step.ids } }, limit: 0 }] };
    case 'find':
      // Without a sort the order (and so which documents a limit keeps) is unspecified: no limit then.
      return { find: collection, filter: step.filter, ...(step.sort ? { sort: step.sort, limit: step.limit } : {}), batchSize: 10_000 };
    case 'aggregate':
      return { aggregate: collection, pipeline: [{ $match: step.filter }, { $sort: step.sort }, ...(step.limit > 0 ? [{ $limit: step.limit }] : [])], cursor: { batchSize: 10_000 } };
    case 'findAndModify':
      return step.remove
        ? { findAndModify: collection, query: step.filter, sort: step.sort, remove: true }
        : { findAndModify: collection, query: step.filter, sort: step.sort, update: { $set: { c: step.value } }, new: step.returnNew };
  }
}

/** A reply without what legitimately differs: cluster times, the namespace, the cursor id, unsorted order, error texts. */
function normalized(reply: Document, step: Step | undefined): string {
  const { $clusterTime: _time, operationTime: _op, ...rest } = reply;
  if (rest.ok !== 1) return `error ${String(rest.code)}`;
  if (rest.cursor) {
    const documents = (rest.cursor as Document).firstBatch as Document[];
    if ((step?.kind === 'find' || step?.kind === 'aggregate') && step.sort && !('_id' in step.sort)) return JSON.stringify(tieGroups(documents, step.sort, step.limit));
    const batch = documents.map((doc) => JSON.stringify(doc));
    if (step?.kind === 'find' && !step.sort) batch.sort();
    return JSON.stringify(batch);
  }
  if (Array.isArray(rest.writeErrors)) rest.writeErrors = (rest.writeErrors as Document[]).map((error) => error.code as number);
  return JSON.stringify(rest);
}

/**
 * MongoDB leaves the order of documents with equal sort keys unspecified: consecutive documents with the same
 * keys (null and missing alike, arrays lumped together) form a group compared as a set; a group cut by the
 * limit is compared by size only.
 */
function tieGroups(documents: Document[], sort: Document, limit: number): { key: string; members: string[] | number }[] {
  const keyOf = (doc: Document): string => JSON.stringify(Object.keys(sort).map((field) => (Array.isArray(doc[field]) ? 'array' : (doc[field] ?? null))));
  const groups: { key: string; members: string[] }[] = [];
  for (const doc of documents) {
    const key = keyOf(doc);
    if (groups.at(-1)?.key !== key) groups.push({ key, members: [] });
    groups.at(-1)!.members.push(JSON.stringify(doc));
  }
  const truncated = limit > 0 && documents.length === limit;
  return groups.map((group, i) => ({ key: group.key, members: truncated && i === groups.length - 1 ? group.members.length : group.members.sort() }));
}

interface Pair {
  indexed: string;
  plain: string;
}

async function runBoth(step: Step, names: Pair, sessions?: { indexed: Document; plain: Document; txnNumber: number; first: boolean }): Promise<void> {
  const extra = (side: 'indexed' | 'plain'): Document =>
    sessions ? { lsid: sessions[side], txnNumber: sessions.txnNumber, autocommit: false, ...(sessions.first ? { startTransaction: true } : {}) } : {};
  const indexed = await emulator.run({ ...commandOf(step, names.indexed), ...extra('indexed') });
  const plain = await emulator.run({ ...commandOf(step, names.plain), ...extra('plain') });
  expect(normalized(indexed, step), JSON.stringify(step)).toBe(normalized(plain, step));
}

async function contentsOf(collection: string): Promise<string> {
  return normalized(await emulator.run({ find: collection, filter: {}, sort: { _id: 1 }, batchSize: 10_000 }), undefined);
}

async function runTransaction(script: TransactionScript, names: Pair): Promise<void> {
  const sessions = { indexed: emulator.newSession(), plain: emulator.newSession(), txnNumber: 1, first: true };
  for (const inner of script.before) {
    await runBoth(inner, names, sessions);
    sessions.first = false;
  }
  if (script.outside) await runBoth(script.outside, names);
  for (const inner of script.after) {
    await runBoth(inner, names, sessions);
    sessions.first = false;
  }
  if (sessions.first) return;
  const end = script.commit ? 'commitTransaction' : 'abortTransaction';
  const close = async (side: 'indexed' | 'plain'): Promise<string> =>
    normalized(await emulator.run({ [end]: 1, lsid: sessions[side], txnNumber: 1, autocommit: false }, 'admin'), undefined);
  expect(await close('indexed')).toBe(await close('plain'));
}

/** Creates the pair, the indexes (half before, half after the initial documents), and loads the documents. */
async function preparePair(initial: Document[]): Promise<Pair> {
  runNumber += 1;
  const names = { indexed: `indexed_${runNumber}`, plain: `plain_${runNumber}` };
  const documents = initial.map((doc, i) => ({ _id: i * 2, ...doc }));
  await emulator.run({ createIndexes: names.indexed, indexes: INDEXES.slice(0, 2) });
  if (documents.length > 0) {
    for (const name of [names.indexed, names.plain]) expect((await emulator.run({ insert: name, documents })).ok).toBe(1);
  }
  expect((await emulator.run({ createIndexes: names.indexed, indexes: INDEXES.slice(2) })).ok).toBe(1);
  return names;
}

describe('query planner: indexed reads equal full scans', () => {
  afterEach(() => {
    plannerOptions.preferSortedWalk = false;
  });

  it.each([
    ['as the planner chooses', false, 20_261_121],
    ['walking an index in sort order whenever one serves the sort', true, 20_261_123],
  ])('find, $match+$sort aggregates and findAndModify give the same results and writes with and without compound indexes (%s)', async (_, preferSortedWalk, seed) => {
    plannerOptions.preferSortedWalk = preferSortedWalk;
    await fc.assert(
      fc.asyncProperty(fc.array(body, { maxLength: 40 }), fc.array(step, { maxLength: 25 }), async (initial, steps) => {
        const names = await preparePair(initial);
        for (const s of steps) await runBoth(s, names);
        expect(await contentsOf(names.indexed)).toBe(await contentsOf(names.plain));
      }),
      { seed, numRuns: 300 },
    );
  });

  it('inside transactions too, with writes committed by others after the snapshot', async () => {
    plannerOptions.preferSortedWalk = true;
    await fc.assert(
      fc.asyncProperty(fc.array(body, { maxLength: 40 }), fc.array(step, { maxLength: 6 }), transaction, async (initial, steps, script) => {
        const names = await preparePair(initial);
        for (const s of steps) await runBoth(s, names);
        await runTransaction(script, names);
        expect(await contentsOf(names.indexed)).toBe(await contentsOf(names.plain));
      }),
      { seed: 20_261_122, numRuns: 300 },
    );
  });
});
