/**
 * The two-agency route on the mongoose adapter (MONGODB_URI, else the embedded database: a real mongod when one is
 * found, else the emulator): concurrent intake with unique codes, every step through two agencies' inboxes, a
 * supplement on some dossiers, racing completions and sweepers, complete progress records in order.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from 'mongoose';
import { connectMongoose } from '../../../server/src/persistence/mongo/connect-mongoose';
import { createMongoStores } from '../../../server/src/persistence/mongo/create-mongo-stores';
import { createMongoOutboxStore } from '../../../server/src/persistence/mongo/mongo-outbox-store';
import { startDatabase, type RunningDatabase } from '../../../server/src/persistence/mongo/start-database';
import { createMongoCalendarStore } from '../../../server/src/persistence/mongo/mongo-calendar-store';
import { createStoredCalendarSource } from '../../../server/src/calendars/stored-calendar-source';
import { call, complete, createDossierTestApp, openStepOf, receive } from './dossier-fixture';
import { sweeperOf, vn } from '../sweeper/sweeper-fixture';
import { MongoIdempotencyStore } from '../../../server/src/persistence/mongo/mongo-idempotency-store';
import { idempotencyModel } from '../../../server/src/persistence/mongo/idempotency-model';
import { noteTransactionOfRequest, runWithRequestKey } from '../../../server/src/command-key';

let database: RunningDatabase | undefined;
let connection: Connection | undefined;

beforeAll(async () => {
  database = await startDatabase({ uri: process.env.MONGODB_URI, logger: { info: () => undefined, warn: () => undefined } });
  console.log(`[dossiers] mongoose adapter on ${database.backend}`);
  connection = (await connectMongoose(database.uri)).useDb(`dossiers-${randomUUID().slice(0, 8)}`, { useCache: false });
}, 90_000);

afterAll(async () => {
  await connection?.dropDatabase().catch(() => undefined);
  await connection?.close();
  await database?.stop();
}, 60_000);

describe('dossiers on the mongoose adapter', () => {
  it('kills the transaction a request left open when its process died, once a retry takes its Idempotency-Key over', { timeout: 120_000 }, async () => {
    // given a request that noted its transaction on its key, changed a timer in it, and then lost its process
    const own = connection!.useDb(`dossiers-takeover-${randomUUID().slice(0, 8)}`, { useCache: false });
    await idempotencyModel(own).createCollection();
    const keys = new MongoIdempotencyStore(idempotencyModel(own));
    const stores = await createMongoStores(own, { noteTransaction: noteTransactionOfRequest });
    await stores.timers.schedule({ id: 'timer-1', kind: 'step.overdue', dossierId: 'd1', dueAt: 1_000, payload: {} });
    const request = { key: 'u1:k-1', requestHash: 'h1' };
    expect(await keys.begin({ ...request, createdAt: 0, expiresAt: 4_000 })).toEqual({ started: true });
    let dies: (reason: Error) => void = () => undefined;
    let changed: () => void = () => undefined;
    const hasChanged = new Promise<void>((done) => (changed = done));
    const dead = runWithRequestKey({ ...request, noteTransaction: (id) => keys.noteTransaction(request.key, request.requestHash, id) }, () =>
      stores.transaction(async (tx) => {
        await tx.timers.cancel('timer-1');
        changed();
        await new Promise<never>((_, reject) => (dies = reject));
      }),
    ).catch((error: unknown) => error);
    await hasChanged;
    expect((await keys.get(request.key))?.transactions).toHaveLength(1);
    // when its retry takes the key over after the lease and changes the same timer
    const startedAt = Date.now();
    expect(await keys.begin({ ...request, createdAt: 5_000, expiresAt: 9_000 })).toEqual({ started: true });
    await stores.transaction(async (tx) => tx.timers.cancel('timer-1'));
    const tookMs = Date.now() - startedAt;
    dies(new Error('the process died'));
    await dead;
    // then the retry did not wait for MongoDB to abort the dead transaction (60 s by default)
    expect(tookMs).toBeLessThan(20_000);
    expect((await stores.timers.get('timer-1'))?.status).toBe('cancelled');
    await own.dropDatabase().catch(() => undefined);
  });

  it('lets the next receipt of the day through at once while a receipt whose process died still holds its transaction open', { timeout: 120_000 }, async () => {
    // given a receipt whose transaction stops after taking its code and never ends, as when its process is SIGKILLed
    // (MongoDB keeps such a transaction, and every document it wrote, for transactionLifetimeLimitSeconds: 60 s)
    const own = connection!.useDb(`dossiers-dead-${randomUUID().slice(0, 8)}`, { useCache: false });
    const stores = await createMongoStores(own);
    let dies: (reason: Error) => void = () => undefined;
    const death = new Promise<never>((_, reject) => (dies = reject));
    let first = true;
    const dying = {
      ...stores,
      transaction: <T>(work: Parameters<typeof stores.transaction<T>>[0]) =>
        stores.transaction<T>((tx) => {
          if (!first) return work(tx);
          first = false;
          return work({ ...tx, dossiers: Object.assign(Object.create(Object.getPrototypeOf(tx.dossiers) as object) as typeof tx.dossiers, tx.dossiers, { create: () => death }) });
        }),
    };
    const outbox = await createMongoOutboxStore(own, { consumers: ['test'] });
    const calendarStore = await createMongoCalendarStore(own);
    const t = await createDossierTestApp({ stores: dying, outbox, calendarStore, calendars: createStoredCalendarSource(calendarStore), deploy: true });
    const dead = receive(t).catch((error: unknown) => error);
    while (first) await new Promise((done) => setTimeout(done, 10));
    // when the counter receives the next dossier
    const startedAt = Date.now();
    const next = await receive(t);
    const tookMs = Date.now() - startedAt;
    dies(new Error('the process died'));
    await dead;
    // then it did not wait for the dead transaction (at 60 s; the bound is many times a receipt's time here) and its
    // code follows the dead receipt's, which keeps its number for a retry
    expect(tookMs).toBeLessThan(20_000);
    expect(next.dossierCode).toMatch(/-0002$/);
    await own.dropDatabase().catch(() => undefined);
  });

  it('works 12 concurrent dossiers through two agencies, with supplements on some, exactly once', { timeout: 180_000 }, async () => {
    // given the fixture deployed on mongoose stores
    const stores = await createMongoStores(connection!);
    const outbox = await createMongoOutboxStore(connection!, { consumers: ['test'] });
    const calendarStore = await createMongoCalendarStore(connection!);
    const t = await createDossierTestApp({ stores, outbox, calendarStore, calendars: createStoredCalendarSource(calendarStore), deploy: true });
    // when 12 dossiers are received at once
    const dossiers = await Promise.all(Array.from({ length: 12 }, () => receive(t)));
    // then their codes are unique and numbered 1..12 for the day
    expect(dossiers.map((d) => d.dossierCode).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `ttpvhcc-250303-${String(i + 1).padStart(4, '0')}`));

    // and each is worked through the counter, agency A (twice for the dossiers asked to supplement), agency B, the counter
    for (const [index, dossier] of dossiers.entries()) {
      await complete(t, 'official.motcua', (await openStepOf(t, 'official.motcua', dossier.id)).id);
      const review = await openStepOf(t, 'official.dkkd', dossier.id);
      if (index % 3 === 0) {
        const asked = await call(t, 'official.dkkd', 'POST', `/api/dossiers/${dossier.id}/supplement-requests`, { stepId: review.id, missingComponents: [{ name: 'Điều lệ' }], reason: 'Thiếu Điều lệ' });
        expect(asked.status).toBe(200);
        expect((await call(t, 'official.motcua', 'POST', `/api/dossiers/${dossier.id}/supplements`, {})).status).toBe(200);
        const again = await openStepOf(t, 'official.dkkd', dossier.id);
        // two racing completions of the same step: exactly one wins
        const raced = await Promise.all([complete(t, 'official.dkkd', again.id), complete(t, 'head.taichinh', again.id)]);
        expect(raced.map((r) => r.status).sort()).toEqual([200, 409]);
      } else {
        expect((await complete(t, 'official.dkkd', review.id)).status).toBe(200);
      }
      await complete(t, 'official.xaydung', (await openStepOf(t, 'official.xaydung', dossier.id)).id);
      await complete(t, 'official.motcua', (await openStepOf(t, 'official.motcua', dossier.id)).id);
    }
    // an administrator declares a closure on MongoDB: nothing is open any more, so nothing moves, and the layer is kept
    const closure = { id: 'tinh-demo', level: 'province', name: { vi: 'Lịch tỉnh', en: 'Province' }, years: [{ year: 2025, status: 'official', days: [{ date: '2025-03-11', kind: 'holiday', reason: { vi: 'Nghỉ', en: 'Closed' } }] }] };
    const changed = await call<{ moved: unknown[] }>(t, 'admin', 'PUT', '/api/calendars/tinh-demo', { layer: closure, reason: 'Nghỉ đột xuất' });
    expect(changed.status).toBe(200);
    expect(changed.body.moved).toEqual([]);
    expect((await calendarStore.list()).map((r) => r.scope)).toEqual(['tinh-demo']);
    // two sweepers race over the same stores later in the week: nothing is left open to fire twice
    t.clock.set(vn(2025, 3, 12, 9, 0));
    await Promise.all([sweeperOf(t, 'a').sweepOnce(), sweeperOf(t, 'b').sweepOnce()]);

    // then every dossier is finished with complete progress records, in order, and an outbox entry per record
    for (const [index, dossier] of dossiers.entries()) {
      expect((await t.stores.dossiers.get(dossier.id))!.status).toBe(9);
      const progress = await t.stores.progress.listByDossier(dossier.id);
      expect(progress.map((p) => p.seq)).toEqual(progress.map((_, i) => i + 1));
      const statuses = progress.map((p) => p.status);
      expect(statuses).toEqual(index % 3 === 0 ? [2, 4, 4, 4, 5, 4, 4, 4, 4, 9] : [2, 4, 4, 4, 4, 4, 9]);
      const entries = await outbox.listByDossier(dossier.id);
      expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
      expect(entries.filter((e) => e.kind === 'dossier.progress_recorded')).toHaveLength(progress.length);
    }
  });

  it('fires each nearly-due, overdue and escalation mark once with two sweepers racing on MongoDB', { timeout: 120_000 }, async () => {
    // given three dossiers at agency A's review on fresh mongoose stores
    const db = connection!.useDb(`sweep-${randomUUID().slice(0, 8)}`, { useCache: false });
    const stores = await createMongoStores(db);
    const outbox = await createMongoOutboxStore(db, { consumers: ['test'] });
    const t = await createDossierTestApp({ stores, outbox, deploy: true });
    const dossiers = [];
    for (let i = 0; i < 3; i += 1) {
      const dossier = await receive(t);
      await complete(t, 'official.motcua', (await openStepOf(t, 'official.motcua', dossier.id)).id);
      dossiers.push(dossier);
    }
    // when two sweepers race on Tuesday afternoon, Wednesday and Thursday
    for (const at of [vn(2025, 3, 4, 15, 0), vn(2025, 3, 5, 9, 0), vn(2025, 3, 6, 9, 0)]) {
      t.clock.set(at);
      await Promise.all([sweeperOf(t, 'a').sweepOnce(), sweeperOf(t, 'b').sweepOnce()]);
    }
    // then every review step was told nearly due, overdue and both rungs exactly once
    for (const dossier of dossiers) {
      const marks = (await outbox.listByDossier(dossier.id))
        .filter((e) => e.kind === 'notification.official' && String(e.payload.event).startsWith('step.') && e.payload.event !== 'step.activated')
        .map((e) => `${String(e.payload.event)}${e.payload.rung ? `:${String(e.payload.rung)}` : ''}`);
      expect(marks).toEqual(['step.nearly_due', 'step.overdue', 'step.escalated:1', 'step.escalated:2']);
    }
    await db.dropDatabase().catch(() => undefined);
  });
});
