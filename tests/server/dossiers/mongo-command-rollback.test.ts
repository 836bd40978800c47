/**
 * A dossier command that fails after writing everything rolls back as one unit of work on the mongoose adapter
 * (MONGODB_URI, else the embedded database): the dossier, its steps, timers, progress, audit, its outbox entries and
 * the dashboard's facts and rollups, each store joined to the command's unit of work explicitly (`within(tx.unit)`), none through
 * a process-wide setting. The failure is injected after the unit's writes reached the database: a check joined by the
 * facts to the unit's one `bulkWrite`, which fails once the batch was sent, inside the transaction.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from 'mongoose';
import type { Collection, Document } from 'mongodb';
import { connectMongoose } from '../../../server/src/persistence/mongo/connect-mongoose';
import { createMongoStores } from '../../../server/src/persistence/mongo/create-mongo-stores';
import { createMongoAccessStores } from '../../../server/src/persistence/mongo/create-mongo-access-stores';
import type { TestAppOptions } from '../../support/test-app';
import { createMongoOutboxStore } from '../../../server/src/persistence/mongo/mongo-outbox-store';
import { MongoDossierFactsStore } from '../../../server/src/persistence/mongo/mongo-dossier-facts-store';
import { startDatabase, type RunningDatabase } from '../../../server/src/persistence/mongo/start-database';
import type { DossierFactsStore } from '../../../server/src/statistics/dossier-facts-store';
import type { UnitOfWork } from '../../../server/src/unit-of-work';
import { sendWrites } from '../../../server/src/persistence/mongo/unit-write-batch';
import { sessionOf } from '../../../server/src/persistence/mongo/mongo-unit-of-work';
import type { Stores } from '../../../server/src/stores';
import type { OutboxStore } from '../../../server/src/outbox/outbox-store';
import { APPLICANT, call, complete, createDossierTestApp, FIXTURE_KEY, openStepOf, receive, VALID_FORM } from './dossier-fixture';

let database: RunningDatabase | undefined;
let connection: Connection | undefined;

beforeAll(async () => {
  database = await startDatabase({ uri: process.env.MONGODB_URI, logger: { info: () => undefined, warn: () => undefined } });
  console.log(`[rollback] mongoose adapter on ${database.backend}`);
  connection = await connectMongoose(database.uri);
}, 90_000);

afterAll(async () => {
  await connection?.close();
  await database?.stop();
}, 60_000);

/** The facts store, whose writes inside a unit of work fail after they are written while `failing` is set. */
class FailingAfterWrite implements DossierFactsStore {
  failing = false;
  constructor(
    private readonly shared: MongoDossierFactsStore,
    /** The facts' collection of the app's database, where the failing check is sent. */
    private readonly collection: Collection<Document>,
  ) {}
  within(unit: UnitOfWork): DossierFactsStore {
    const inside = this.shared.within(unit);
    return Object.assign(Object.create(inside) as DossierFactsStore, {
      put: async (...args: Parameters<DossierFactsStore['put']>) => {
        await inside.put(...args);
        if (!this.failing) return;
        // The failure comes once the unit's writes have reached the database: a check joined to the unit's batch
        // (unit-write-batch.ts), which runs after the batch was sent, inside the transaction.
        await sendWrites(sessionOf('the failing facts', unit), {
          collection: this.collection,
          operations: [{ updateOne: { filter: { _id: 'no such facts' as never }, update: { $set: { never: true } } } }],
          expectMatched: () => {
            throw new Error('the process failed after the command wrote everything');
          },
        });
      },
    });
  }
  put: DossierFactsStore['put'] = (...args) => this.shared.put(...args);
  putMany: DossierFactsStore['putMany'] = (records) => this.shared.putMany(records);
  get: DossierFactsStore['get'] = (id) => this.shared.get(id);
  list: DossierFactsStore['list'] = (query) => this.shared.list(query);
  changedSince: DossierFactsStore['changedSince'] = (at) => this.shared.changedSince(at);
  rollups: DossierFactsStore['rollups'] = (query) => this.shared.rollups(query);
  page: DossierFactsStore['page'] = (page) => this.shared.page(page);
  clearRollups: DossierFactsStore['clearRollups'] = () => this.shared.clearRollups();
  addRollups: DossierFactsStore['addRollups'] = (increments) => this.shared.addRollups(increments);
}

/** Every rollup document of the dashboard (issue 18), in a stable order. */
async function everyRollup(facts: DossierFactsStore) {
  const found = await facts.rollups({ ranges: [{ from: '', to: '~' }] });
  return [...found].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** Everything the database holds about one dossier. */
async function everythingOf(stores: Stores, outbox: OutboxStore, facts: DossierFactsStore, dossierId: string) {
  const [dossier, steps, timers, progress, audit, entries, fact, rollups] = await Promise.all([
    stores.dossiers.get(dossierId),
    stores.steps.list({ dossierId }, { offset: 0, limit: 100 }),
    stores.timers.listByDossier(dossierId),
    stores.progress.listByDossier(dossierId),
    stores.audit.listByDossier(dossierId),
    outbox.listByDossier(dossierId),
    facts.get(dossierId),
    everyRollup(facts),
  ]);
  return { dossier, steps: steps.items, timers, progress, audit, entries, fact, rollups };
}

// Only the dossier rollups count receipts; the per-official documents carry other counters (or none).
const sumOf = (rollups: readonly { counts?: Partial<Record<string, number>>; officialId?: string }[], counter: string) =>
  rollups.reduce((sum, rollup) => sum + (rollup.officialId === undefined ? (rollup.counts?.[counter] ?? 0) : 0), 0);

async function mongoApp() {
  const db = connection!.useDb(`rollback-${randomUUID().slice(0, 8)}`, { useCache: false });
  const stores = await createMongoStores(db);
  const outbox = await createMongoOutboxStore(db, { consumers: ['test'] });
  const facts = new FailingAfterWrite(await MongoDossierFactsStore.create(db), db.db!.collection('dossierFacts'));
  // The Idempotency-Keys in the same database, as in production: a key is completed in the command's unit of work and
  // rolls back with it (an in-memory key store beside MongoDB stores would keep a completion the unit then aborted).
  const access = (await createMongoAccessStores(db)) as unknown as NonNullable<TestAppOptions['access']>;
  const t = await createDossierTestApp({ stores, outbox, facts, access, deploy: true });
  return { t, db, stores, outbox, facts };
}

describe('a dossier command that fails after writing, on the mongoose adapter', () => {
  it('leaves the dossier, its steps, timers, progress, audit, outbox entries and facts as they were when a completion fails, and the retry then commits them all', { timeout: 120_000 }, async () => {
    // given a received dossier whose counter step is open
    const { t, db, stores, outbox, facts } = await mongoApp();
    const dossier = await receive(t);
    const step = await openStepOf(t, 'official.motcua', dossier.id);
    const before = await everythingOf(stores, outbox, facts, dossier.id);
    expect(before.entries.length).toBeGreaterThan(0);
    expect(before.fact?.openSteps.map((open) => open.stepId)).toEqual([step.id]);
    // when the completion fails after it wrote everything
    facts.failing = true;
    const failed = await complete(t, 'official.motcua', step.id);
    // then nothing it wrote is kept
    expect(failed.status).toBe(500);
    expect(await everythingOf(stores, outbox, facts, dossier.id)).toEqual(before);
    // and when it is sent again with the store working, every record of the command commits together
    facts.failing = false;
    expect((await complete(t, 'official.motcua', step.id)).status).toBe(200);
    const after = await everythingOf(stores, outbox, facts, dossier.id);
    expect(after.dossier!.rev).toBe(before.dossier!.rev + 1);
    expect(after.steps.find((s) => s.id === step.id)?.status).toBe('completed');
    expect(after.entries.length).toBeGreaterThan(before.entries.length);
    expect(after.progress.length).toBeGreaterThan(before.progress.length);
    expect(after.fact?.dossierRev).toBe(after.dossier!.rev);
    expect(after.fact?.openSteps.map((open) => open.stepId)).not.toContain(step.id);
    // the dashboard's rollups counted the dossier once before and still once after (its open class moved, not added)
    expect(before.rollups.length).toBeGreaterThan(0);
    expect(sumOf(after.rollups, 'started')).toBe(sumOf(before.rollups, 'started'));
    await db.dropDatabase().catch(() => undefined);
  });

  it('leaves no dossier, step, timer, outbox entry or facts behind when a receipt fails after writing them', { timeout: 120_000 }, async () => {
    // given
    const { t, db, stores, outbox, facts } = await mongoApp();
    const key = 'receipt-that-fails';
    facts.failing = true;
    // when the receipt fails after it wrote everything
    const body = { procedureKey: FIXTURE_KEY, applicant: APPLICANT, form: VALID_FORM, documents: [{ name: 'Giấy đề nghị', copyType: 'original', quantity: 1 }] };
    const failed = await call(t, 'official.motcua', 'POST', '/api/dossiers', body, { 'idempotency-key': key });
    // then the database holds nothing of it
    expect(failed.status).toBe(500);
    expect((await stores.dossiers.list({}, { offset: 0, limit: 10 })).total).toBe(0);
    expect((await stores.steps.list({}, { offset: 0, limit: 10 })).total).toBe(0);
    expect(await stores.timers.claimDue(Number.MAX_SAFE_INTEGER, 'probe', 1, 10)).toEqual([]);
    expect((await outbox.listDeliveries({}, { offset: 0, limit: 10 })).total).toBe(0);
    expect(await facts.list({})).toEqual([]);
    expect(await everyRollup(facts)).toEqual([]);
    // and its retry with the same key receives the dossier once
    facts.failing = false;
    const retried = await call<{ id: string }>(t, 'official.motcua', 'POST', '/api/dossiers', body, { 'idempotency-key': key });
    expect(retried.status).toBe(201);
    const stored = await everythingOf(stores, outbox, facts, retried.body.id);
    expect(stored.dossier?.rev).toBe(0);
    expect(stored.entries.length).toBeGreaterThan(0);
    expect(stored.fact?.dossierRev).toBe(0);
    // received once: once in its day, its ISO week, its month and in all
    expect(sumOf(stored.rollups, 'started')).toBe(4);
    await db.dropDatabase().catch(() => undefined);
  });
});
