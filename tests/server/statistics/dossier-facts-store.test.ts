/**
 * The DossierFactsStore contract (the facts and the dashboard's rollups kept with them), run against the memory adapter and the mongoose adapter (MONGODB_URI, else the
 * embedded database: a real mongod when one can be found, else the wire-protocol emulator).
 */
import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMongoose } from '../../../server/src/persistence/mongo/connect-mongoose';
import { MongoDossierFactsStore } from '../../../server/src/persistence/mongo/mongo-dossier-facts-store';
import { startDatabase, type RunningDatabase } from '../../../server/src/persistence/mongo/start-database';
import { MemoryDossierFactsStore } from '../../../server/src/persistence/memory/memory-dossier-facts-store';
import type { DossierFactsRecord } from '../../../server/src/statistics/dossier-facts-record';
import type { DossierFactsStore } from '../../../server/src/statistics/dossier-facts-store';
import { mergeIncrements, NESTED, rollupIncrements, type NestedCounts, type NestedField, type RollupDocument } from '../../../server/src/statistics/dossier-rollup';
import { rebuildRollups, rollupsOutdated } from '../../../server/src/statistics/rebuild-rollups';
import { MongoUnitOfWork } from '../../../server/src/persistence/mongo/mongo-unit-of-work';
import { calendarSourceOf } from '../../../server/src/calendars/stored-calendar-source';

function facts(dossierId: string, overrides: Partial<DossierFactsRecord> = {}): DossierFactsRecord {
  return {
    dossierId, dossierCode: `CODE-${dossierId}`, procedureKey: 'p', procedureVersion: 1, agencyId: 'a', status: 4, channel: 1,
    terminalAt: {}, supplements: [], agencyIds: ['a', 'b'], departmentIds: [], officialIds: [], digitised: false, apologies: [],
    steps: [], openSteps: [], openElements: [], dossierRev: 0, updatedAt: 5, ...overrides,
  };
}

const openStep = { stepId: 's', elementId: 'task-review', name: 'Thẩm định', status: 'open' as const, startedAt: 150, dueAt: 900, pauses: [] };

const DAY = Date.UTC(2025, 2, 3, 1, 0);
const HOUR = 3_600_000;

const everyRollup = (store: DossierFactsStore) => store.rollups({ ranges: [{ from: '', to: '~' }], read: 'all' });

/** What the stored facts contribute, merged per document. */
const expected = (records: DossierFactsRecord[]) => [...mergeIncrements(records.flatMap((record) => rollupIncrements(undefined, record))).values()];

/** Documents without zero counters or empty maps, sorted: what two adapters and two histories can be compared on. */
function normalised(documents: readonly RollupDocument[]) {
  const clean = (counts: Record<string, number | undefined> = {}) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n !== 0).sort());
  return documents
    .map((document) => {
      const nested = Object.fromEntries(NESTED.map((field) => [field, Object.fromEntries(Object.entries(document[field] ?? {}).map(([name, n]) => [name, clean(n)] as const).filter(([, n]) => Object.keys(n).length > 0).sort())]));
      const { crossings: _c, series: _s, delays: _d, ...key } = document;
      return { ...key, counts: clean(document.counts), ...(nested as Record<NestedField, NestedCounts>) } as typeof key & { counts: Record<string, number | undefined> } & Record<NestedField, NestedCounts>;
    })
    .filter((document) => Object.keys(document.counts).length > 0 || NESTED.some((field) => Object.keys(document[field]).length > 0))
    .map((document) => JSON.stringify({ ...document, counts: {}, crossings: {}, series: {}, delays: {} }, Object.keys(document).sort()) + JSON.stringify(document.counts) + NESTED.map((field) => JSON.stringify(document[field])).join(''))
    .sort();
}

let database: RunningDatabase | undefined;
let connection: Connection | undefined;

beforeAll(async () => {
  database = await startDatabase({ uri: process.env.MONGODB_URI, logger: { info: () => undefined, warn: () => undefined } });
  connection = await connectMongoose(database.uri);
}, 90_000);

afterAll(async () => {
  await connection?.close();
  await database?.stop();
}, 60_000);

const adapters: [string, () => Promise<DossierFactsStore>][] = [
  ['memory', async () => new MemoryDossierFactsStore()],
  ['mongoose', async () => MongoDossierFactsStore.create(connection!.useDb(`facts-${randomUUID().slice(0, 8)}`, { useCache: false }))],
];

describe.each(adapters)('DossierFactsStore contract (%s)', (_name, makeStore) => {
  it('finds the dossiers started by the end of a period and not ended before its start', async () => {
    // given
    const store = await makeStore();
    await store.putMany([facts('1', { receivedAt: 100 }), facts('2', { receivedAt: 200, endAt: 300 }), facts('3', { submittedAt: 50 }), facts('4', { receivedAt: 400 })]);
    // when
    const ids = async (query: Parameters<DossierFactsStore['list']>[0]) => (await store.list(query)).map((record) => record.dossierId).sort();
    // then
    expect(await ids({ startedTo: 250 })).toEqual(['1', '2', '3']);
    expect(await ids({ startedTo: 1000, endedFrom: 350 })).toEqual(['1', '3', '4']);
    expect(await ids({ agencyIds: ['b', 'z'] })).toEqual(['1', '2', '3', '4']);
    expect(await ids({ agencyIds: ['z'] })).toEqual([]);
  });

  it('finds the dossiers with an open step of a procedure version, leaving out the step history when asked', async () => {
    // given
    const store = await makeStore();
    await store.put(facts('1', { openSteps: [openStep], steps: [openStep], openElements: ['p@1#task-review'] }));
    await store.put(facts('2', { procedureVersion: 2, openSteps: [openStep], steps: [openStep], openElements: ['p@2#task-review'] }));
    await store.put(facts('3'));
    // when
    const found = await store.list({ procedureKey: 'p', procedureVersion: 1, withOpenSteps: true, withoutHistory: true });
    // then
    expect(found.map((record) => record.dossierId)).toEqual(['1']);
    expect(found[0]!.openSteps).toEqual([openStep]);
    expect((await store.get('1'))!.steps).toEqual([openStep]);
  });

  it('keeps newer facts when an older revision arrives late, and replaces older ones', async () => {
    // given
    const store = await makeStore();
    await store.put(facts('1', { dossierRev: 2, status: 5 }));
    // when
    await store.put(facts('1', { dossierRev: 1, status: 4 }));
    await store.put(facts('1', { dossierRev: 3, status: 9 }));
    // then
    expect((await store.get('1'))!.status).toBe(9);
    expect((await store.list({})).length).toBe(1);
  });

  it('keeps the rollups equal to the sum of the stored facts, whatever the order of writes, and a rebuild gives the same', async () => {
    // given: a dossier received, paused for a supplement, then finished; another refused at intake; a late old revision
    const store = await makeStore();
    const received = facts('1', { receivedAt: DAY, appointmentAt: DAY + 3 * DAY, dossierRev: 0 });
    const supplemented = { ...received, dossierRev: 1, status: 5 as const, supplements: [{ requestedAt: DAY + 1 * DAY }] };
    const finished = { ...received, dossierRev: 2, status: 9 as const, supplements: [{ requestedAt: DAY + DAY, completedAt: DAY + 2 * DAY }], terminalAt: { 9: DAY + 5 * DAY }, endAt: DAY + 5 * DAY, processingMs: 123 };
    const refused = facts('2', { submittedAt: DAY + 2 * HOUR, status: 3, terminalAt: { 3: DAY + 3 * HOUR }, endAt: DAY + 3 * HOUR, channel: 2 });
    // when
    await store.put(received);
    await store.put(supplemented);
    await store.putMany([finished, refused]);
    await store.put(supplemented);
    // then: exactly the contributions of what is stored
    expect(normalised(await everyRollup(store))).toEqual(normalised(expected([finished, refused])));
    // and a rebuild from the facts gives the same documents
    await rebuildRollups({ calendars: calendarSourceOf([]) }, store, { batch: 1 });
    expect(normalised(await everyRollup(store))).toEqual(normalised(expected([finished, refused])));
  });

  it("keeps each official's steps in their own rollup documents, though two officials share a unit and a procedure", async () => {
    // given: two dossiers of one procedure, each with a step of the same department, done by different officials
    const store = await makeStore();
    const step = (stepId: string, assigneeId: string) => ({ ...openStep, stepId, status: 'completed' as const, agencyId: 'a', departmentId: 'd', assigneeId, completedAt: DAY + HOUR, startedAt: DAY, dueAt: DAY + 2 * HOUR, workingMs: HOUR });
    // when
    await store.putMany([
      facts('1', { receivedAt: DAY, officialIds: ['lan'], steps: [step('s1', 'lan')] }),
      facts('2', { receivedAt: DAY, officialIds: ['minh'], steps: [step('s2', 'minh'), step('s3', 'minh')] }),
    ]);
    // then: one document per official in each of their buckets, each counting that official's steps
    const all = await store.rollups({ ranges: [{ from: 'oall', to: 'oall' }] });
    expect(all.map((document) => [document.officialId, document.counts.started, document.counts.finished]).sort()).toEqual([['lan', 1, 1], ['minh', 2, 2]]);
  });

  it('lists the dossiers changed after an instant', async () => {
    // given
    const store = await makeStore();
    await store.putMany([facts('1', { updatedAt: 10 }), facts('2', { updatedAt: 20 })]);
    // when
    const changed = await store.changedSince(15);
    // then
    expect(changed.map((record) => record.dossierId)).toEqual(['2']);
  });
});

describe('the rollups under concurrent units of work (mongoose)', () => {
  it('gives each transaction in flight its own write slot, so none meets a write conflict, and the readers add the slots up', { timeout: 60_000 }, async () => {
    // given: a store on a fresh database, and the database's own count of aborted transactions
    const scoped = connection!.useDb(`facts-${randomUUID().slice(0, 8)}`, { useCache: false });
    const store = await MongoDossierFactsStore.create(scoped);
    const aborted = async () => Number((await connection!.db!.admin().command({ serverStatus: 1 })).transactions?.totalAborted ?? 0);
    const abortedBefore = await aborted();
    const records = Array.from({ length: 12 }, (_, i) => facts(`c${i}`, { receivedAt: DAY + i * HOUR, appointmentAt: DAY + 3 * DAY }));
    // when: twelve dossiers of one procedure and route, received in twelve concurrent transactions
    await Promise.all(records.map((record) => scoped.transaction(async (session) => store.within(new MongoUnitOfWork(session)).put(record))));
    // then: no transaction was aborted (the database counts them), the key's documents are spread over slots …
    expect(await aborted()).toBe(abortedBefore);
    const ids = (await scoped.collection('dossierRollups').find({ bucket: 'all' }, { projection: { _id: 1 } }).toArray()).map((document) => String(document._id));
    expect(ids.length).toBeGreaterThan(1);
    expect(ids.filter((id) => /#\d+$/.test(id)).length).toBe(ids.length - 1);
    // … and what the readers add up is the sum of the stored facts
    const sum = (documents: readonly RollupDocument[]) => documents.reduce((total, document) => total + (document.counts.started ?? 0), 0);
    expect(sum(await store.rollups({ ranges: [{ from: 'all', to: 'all' }] }))).toBe(12);
    expect(normalised(merged(await everyRollup(store)))).toEqual(normalised(expected(records)));
  });

  it('rebuilds at start-up rollups stored in an older form, and leaves current ones alone', async () => {
    // given: rollups written now, then one document of the former form (no `format`)
    const scoped = connection!.useDb(`facts-${randomUUID().slice(0, 8)}`, { useCache: false });
    const store = await MongoDossierFactsStore.create(scoped);
    await store.put(facts('1', { receivedAt: DAY }));
    expect(await rollupsOutdated(store)).toBe(false);
    await scoped.collection('dossierRollups').updateMany({}, { $unset: { format: '' } });
    // then
    expect(await rollupsOutdated(store)).toBe(true);
    await rebuildRollups({ calendars: calendarSourceOf([]) }, store);
    expect(await rollupsOutdated(store)).toBe(false);
  });
});

/** The slots of one key in one bucket added up into one document: what the readers see. */
function merged(documents: readonly RollupDocument[]): RollupDocument[] {
  return [...mergeIncrements(documents.map((document) => ({ ...document, counts: document.counts ?? {} }))).values()];
}
