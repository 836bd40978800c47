/**
 * The DossierFactsStore contract, run against the memory adapter and the mongoose adapter (MONGODB_URI, else the
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
import { CachedDossierFactsStore } from '../../../server/src/persistence/cached-dossier-facts-store';

function facts(dossierId: string, overrides: Partial<DossierFactsRecord> = {}): DossierFactsRecord {
  return {
    dossierId, dossierCode: `CODE-${dossierId}`, procedureKey: 'p', procedureVersion: 1, agencyId: 'a', status: 4, channel: 1,
    terminalAt: {}, supplements: [], agencyIds: ['a', 'b'], departmentIds: [], officialIds: [], digitised: false, apologies: [],
    steps: [], openSteps: [], openElements: [], dossierRev: 0, updatedAt: 5, ...overrides,
  };
}

const openStep = { stepId: 's', elementId: 'task-review', name: 'Thẩm định', status: 'open' as const, startedAt: 150, dueAt: 900, pauses: [] };

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
  ['mongoose behind the in-process cache', async () => new CachedDossierFactsStore(await MongoDossierFactsStore.create(connection!.useDb(`facts-${randomUUID().slice(0, 8)}`, { useCache: false })), { now: () => 1_000 })],
];

describe('CachedDossierFactsStore', () => {
  it('answers what another server process wrote to the shared store since the last read', async () => {
    // given: two processes' caches over one database
    const shared = await MongoDossierFactsStore.create(connection!.useDb(`facts-${randomUUID().slice(0, 8)}`, { useCache: false }));
    let now = 1_000;
    const clock = { now: () => now };
    const here = new CachedDossierFactsStore(shared, clock);
    const there = new CachedDossierFactsStore(shared, clock);
    await here.put(facts('1', { updatedAt: 900 }));
    expect((await there.list({})).map((record) => record.dossierId)).toEqual(['1']);
    // when
    now = 60_000;
    await here.put(facts('1', { updatedAt: 59_000, dossierRev: 1, status: 9 }));
    await here.put(facts('2', { updatedAt: 59_500 }));
    // then
    const seen = await there.list({});
    expect(seen.map((record) => [record.dossierId, record.status]).sort()).toEqual([['1', 9], ['2', 4]]);
  });
});

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
