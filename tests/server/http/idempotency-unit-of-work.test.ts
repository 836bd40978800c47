/**
 * A dossier command sent with an Idempotency-Key completes the key in its own unit of work (issue 17): the key says
 * "done" exactly when the command's writes commit. A unit that fails after writing leaves neither the command nor a
 * completed key, so the retry runs the command once; a unit that committed before its process failed to answer
 * leaves a completed key with the command's result, so the retry is answered with the committed result instead of
 * running the command again (which would answer 409, the step no longer open). Procedure: the fixture's inter-agency
 * route (tests/server/dossiers/dossier-fixture.ts), on the in-memory adapter, whose unit of work undoes on failure;
 * the mongoose store's part (its completion in the transaction's session) on the embedded database.
 */
import { describe, expect, it } from 'vitest';
import { createMongoStores } from '../../../server/src/persistence/mongo/create-mongo-stores';
import { idempotencyModel } from '../../../server/src/persistence/mongo/idempotency-model';
import { MongoIdempotencyStore } from '../../../server/src/persistence/mongo/mongo-idempotency-store';
import { useContractDatabase } from '../../contracts/support/contract-database';
import { createMemoryStores } from '../../../server/src/persistence/memory/create-memory-stores';
import type { Stores } from '../../../server/src/stores';
import { APPLICANT, createDossierTestApp, FIXTURE_KEY, openStepOf, receive, VALID_FORM, type TestApp } from '../dossiers/dossier-fixture';

/** Memory stores whose unit of work fails on demand: after the command wrote everything, or after it committed. */
function failingStores() {
  const stores = createMemoryStores();
  const failure = { beforeCommit: false, afterCommit: false };
  const transaction: Stores['transaction'] = async (work) => {
    const result = await stores.transaction(async (tx) => {
      const written = await work(tx);
      if (failure.beforeCommit) throw new Error('the process failed after the command wrote everything');
      return written;
    });
    if (failure.afterCommit) throw new Error('the process failed after the commit, before the answer');
    return result;
  };
  return { stores: Object.assign(Object.create(stores) as Stores, { transaction }), failure };
}

async function send(t: TestApp, method: string, path: string, body: unknown, key: string) {
  const response = await t.app.request(path, {
    method,
    headers: { 'content-type': 'application/json', 'idempotency-key': key, ...(await t.as('official.motcua')) },
    body: JSON.stringify(body),
  });
  return { status: response.status, replayed: response.headers.get('idempotent-replayed'), body: (await response.json()) as Record<string, unknown> };
}

const INTAKE = { procedureKey: FIXTURE_KEY, applicant: APPLICANT, form: VALID_FORM, documents: [{ name: 'Giấy đề nghị', copyType: 'original', quantity: 1 }] };

describe('an Idempotency-Key completed in the dossier command\'s unit of work', () => {
  it('is not completed when the unit fails after writing: the dossier is unchanged and the retry runs the command once', async () => {
    // given a received dossier whose counter step is open, and a unit of work that fails after writing
    const { stores, failure } = failingStores();
    const t = await createDossierTestApp({ stores, deploy: true });
    const dossier = await receive(t);
    const step = await openStepOf(t, 'official.motcua', dossier.id);
    const before = await t.stores.dossiers.get(dossier.id);
    failure.beforeCommit = true;
    // when the completion is sent and its unit fails
    const failed = await send(t, 'POST', `/api/steps/${step.id}/complete`, {}, 'complete-1');
    // then nothing of it is kept, the key included
    expect(failed.status).toBe(500);
    expect(await t.stores.dossiers.get(dossier.id)).toEqual(before);
    expect((await t.stores.steps.get(step.id))?.status).toBe('open');
    // and the retry with the same key runs the command, once
    failure.beforeCommit = false;
    const retried = await send(t, 'POST', `/api/steps/${step.id}/complete`, {}, 'complete-1');
    expect(retried.status).toBe(200);
    expect(retried.replayed).toBeNull();
    expect((await t.stores.dossiers.get(dossier.id))?.rev).toBe(before!.rev + 1);
  });

  it('answers the retry of a completion that committed before its process failed with the committed step, not a second run', async () => {
    // given a received dossier whose counter step is open, and a unit of work that commits and then fails to answer
    const { stores, failure } = failingStores();
    const t = await createDossierTestApp({ stores, deploy: true });
    const dossier = await receive(t);
    const step = await openStepOf(t, 'official.motcua', dossier.id);
    const before = await t.stores.dossiers.get(dossier.id);
    failure.afterCommit = true;
    const lost = await send(t, 'POST', `/api/steps/${step.id}/complete`, {}, 'complete-2');
    expect(lost.status).toBe(500);
    expect((await t.stores.steps.get(step.id))?.status).toBe('completed');
    // when the client sends it again with the same key
    failure.afterCommit = false;
    const retried = await send(t, 'POST', `/api/steps/${step.id}/complete`, {}, 'complete-2');
    // then it hears the step it completed, marked as a replay, and the dossier moved once
    expect(retried.status).toBe(200);
    expect(retried.replayed).toBe('true');
    expect(retried.body).toMatchObject({ id: step.id, status: 'completed' });
    expect((await t.stores.dossiers.get(dossier.id))?.rev).toBe(before!.rev + 1);
  });

  it('answers the retry of a receipt that committed before its process failed with the dossier it created, and creates no second one', async () => {
    // given a unit of work that commits a receipt and then fails to answer
    const { stores, failure } = failingStores();
    const t = await createDossierTestApp({ stores, deploy: true });
    failure.afterCommit = true;
    expect((await send(t, 'POST', '/api/dossiers', INTAKE, 'receipt-1')).status).toBe(500);
    // when the client sends it again with the same key
    failure.afterCommit = false;
    const retried = await send(t, 'POST', '/api/dossiers', INTAKE, 'receipt-1');
    // then it hears the one dossier, with the code it was given
    expect(retried.status).toBe(201);
    expect(retried.replayed).toBe('true');
    const stored = await t.stores.dossiers.list({}, { offset: 0, limit: 10 });
    expect(stored.total).toBe(1);
    expect(retried.body).toMatchObject({ id: stored.items[0]!.id, dossierCode: stored.items[0]!.dossierCode });
  });
});

/** Instants far ahead, so the database's TTL monitor never removes the key during the test. */
const LATER = Date.UTC(2099, 0, 1);
const DAY_MS = 24 * 60 * 60 * 1000;

describe('the mongoose idempotency store joined to a unit of work', () => {
  const { freshDb } = useContractDatabase('idempotency store in a unit of work');

  it('completes the key with the result only when the transaction commits', { timeout: 60_000 }, async () => {
    // given a key begun outside any unit of work, as the middleware's lock
    const db = freshDb('idempotency-unit');
    const stores = await createMongoStores(db);
    const keys = new MongoIdempotencyStore(idempotencyModel(db));
    await keys.begin({ key: 'u1:k', requestHash: 'h', createdAt: LATER - 1, expiresAt: LATER });
    // when a unit completes it and then fails
    const failed = stores.transaction(async (tx) => {
      await keys.within(tx.unit).complete('u1:k', 'h', { id: 'd1' }, LATER + DAY_MS);
      throw new Error('the unit failed after completing the key');
    });
    // then the key is still in progress
    await expect(failed).rejects.toThrow('the unit failed');
    expect(await keys.get('u1:k')).toMatchObject({ state: 'inProgress' });
    // and when a unit completes it and commits, the key holds the result
    await stores.transaction((tx) => keys.within(tx.unit).complete('u1:k', 'h', { id: 'd1' }, LATER + DAY_MS));
    expect(await keys.get('u1:k')).toMatchObject({ state: 'completed', result: { id: 'd1' }, expiresAt: LATER + DAY_MS });
    await db.dropDatabase().catch(() => undefined);
  });
});
