/**
 * End to end over a real socket against MongoDB (MONGODB_URI, else the embedded database; the backend is printed):
 * the two-agency procedure deployed, 100 dossiers submitted online at once and accepted, every step worked through
 * the inboxes of the counter and two agencies, a supplement requested and recorded on some; then the codes are
 * unique, statuses and progress records complete and in order, and the outbox delivered every entry to a local
 * receiver exactly as recorded, in order per dossier.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from 'mongoose';
import { connectMongoose } from '../../../server/src/persistence/mongo/connect-mongoose';
import { createMongoStores } from '../../../server/src/persistence/mongo/create-mongo-stores';
import { createMongoOutboxStore } from '../../../server/src/persistence/mongo/mongo-outbox-store';
import { startDatabase, type RunningDatabase } from '../../../server/src/persistence/mongo/start-database';
import { createOutboxDeliverer } from '../../../server/src/outbox/outbox-deliverer';
import { createWebhookConsumer } from '../../../server/src/outbox/webhook-consumer';
import { startLocalReceiver, type LocalReceiver } from '../outbox/local-receiver';
import { APPLICANT, createDossierTestApp, FIXTURE_KEY, VALID_FORM } from '../dossiers/dossier-fixture';

const DOSSIERS = 100;
let database: RunningDatabase | undefined;
let connection: Connection | undefined;
let server: ServerType | undefined;
let receiver: LocalReceiver | undefined;

beforeAll(async () => {
  database = await startDatabase({ uri: process.env.MONGODB_URI, logger: { info: () => undefined, warn: () => undefined } });
  console.log(`[end-to-end] MongoDB backend: ${database.backend}`);
  connection = (await connectMongoose(database.uri)).useDb(`e2e-${randomUUID().slice(0, 8)}`, { useCache: false });
  receiver = await startLocalReceiver('/hook');
}, 90_000);

afterAll(async () => {
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  await receiver?.close();
  await connection?.dropDatabase().catch(() => undefined);
  await connection?.close();
  await database?.stop();
}, 60_000);

/** Runs `work` over `items` with at most `limit` at a time. */
async function inBatches<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += limit) {
    results.push(...(await Promise.all(items.slice(start, start + limit).map((item, i) => work(item, start + i)))));
  }
  return results;
}

describe('end to end over a socket', () => {
  it('submits 100 dossiers at once and works them all through two agencies, the outbox delivering every entry as recorded', { timeout: 600_000 }, async () => {
    // given the server on a socket, on MongoDB, the fixture deployed, and a webhook consumer to a local receiver
    const consumer = createWebhookConsumer({ url: receiver!.url, secret: 'e2e-secret-e2e-secret-e2e-secret!' });
    const stores = await createMongoStores(connection!);
    const outbox = await createMongoOutboxStore(connection!, { consumers: [consumer.name] });
    const t = await createDossierTestApp({ stores, outbox, deploy: true, submissionLimit: { limit: 10_000, windowMs: 60_000 } });
    const base = await new Promise<string>((started) => {
      server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => started(`http://127.0.0.1:${info.port}`));
    });
    const tokens = new Map<string, string>();
    const http = async <T = Record<string, unknown>>(user: string | undefined, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
      if (user && !tokens.has(user)) {
        const signIn = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user, password: user }) });
        tokens.set(user, ((await signIn.json()) as { token: string }).token);
      }
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(user ? { authorization: `Bearer ${tokens.get(user)}` } : {}) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: (await response.json()) as T };
    };

    // when 100 citizens submit at once, and the counter accepts every submission
    const submitted = await Promise.all(
      Array.from({ length: DOSSIERS }, (_, i) =>
        http<{ id: string; dossierCode: string }>(undefined, 'POST', '/api/submissions', { procedureKey: FIXTURE_KEY, agencyId: 'ttpvhcc', applicant: { ...APPLICANT, idNumber: `0010850${String(i).padStart(5, '0')}` }, form: VALID_FORM }),
      ),
    );
    expect(submitted.every((s) => s.status === 201)).toBe(true);
    const ids = submitted.map((s) => s.body.id);
    await inBatches(ids, 10, async (id) => expect((await http('official.motcua', 'POST', `/api/dossiers/${id}/accept`, {})).status).toBe(200));
    const supplemented = new Set(ids.filter((_, i) => i % 10 === 0));

    // and each unit works its inbox until nothing is left: counter, agency A (asking some for a supplement), agency B, counter
    type Item = { id: string; dossierId: string; elementId: string };
    const work = async (user: string, act: (item: Item) => Promise<void>) => {
      for (let round = 0; round < 3; round += 1) {
        const { body } = await http<{ items: Item[] }>(user, 'GET', '/api/inbox?scope=department');
        const items = body.items.filter((item) => item.elementId !== 'task-wait-supplement');
        if (items.length === 0) return;
        await inBatches(items, 10, act);
      }
    };
    const completeItem = (user: string) => async (item: Item) => {
      expect((await http(user, 'POST', `/api/steps/${item.id}/complete`, { decision: 'approve' })).status).toBe(200);
    };
    const asked = new Set<string>();
    await work('official.motcua', completeItem('official.motcua'));
    await work('official.dkkd', async (item) => {
      if (supplemented.has(item.dossierId) && !asked.has(item.dossierId)) {
        asked.add(item.dossierId);
        const request = await http('official.dkkd', 'POST', `/api/dossiers/${item.dossierId}/supplement-requests`, { stepId: item.id, missingComponents: [{ name: 'Điều lệ công ty' }], reason: 'Thiếu Điều lệ' });
        expect(request.status).toBe(200);
        expect((await http('official.motcua', 'POST', `/api/dossiers/${item.dossierId}/supplements`, {})).status).toBe(200);
        return;
      }
      await completeItem('official.dkkd')(item);
    });
    await work('official.xaydung', completeItem('official.xaydung'));
    await work('official.motcua', completeItem('official.motcua'));

    // then the codes are unique, every dossier is finished with its progress complete and in order
    const dossiers = await inBatches(ids, 20, async (id) => (await http<{ dossierCode: string; status: number }>('official.motcua', 'GET', `/api/dossiers/${id}`)).body);
    expect(new Set(dossiers.map((d) => d.dossierCode)).size).toBe(DOSSIERS);
    expect(dossiers.every((d) => d.status === 9)).toBe(true);
    for (const id of ids) {
      const progress = await stores.progress.listByDossier(id);
      const expected = supplemented.has(id) ? [1, 2, 4, 4, 4, 5, 4, 4, 4, 4, 9] : [1, 2, 4, 4, 4, 4, 4, 9];
      expect(progress.map((p) => p.status)).toEqual(expected);
      expect(progress.map((p) => p.seq)).toEqual(expected.map((_, i) => i + 1));
    }

    // and the outbox delivers everything to the receiver exactly as recorded, in order per dossier
    const deliverer = createOutboxDeliverer({ outbox, consumers: [consumer], clock: t.clock, owner: 'e2e', batchSize: 200 });
    while ((await deliverer.deliverOnce()) > 0);
    const received = receiver!.received.map((r) => JSON.parse(r.body) as { id: string; dossierId: string; seq: number; payload: unknown });
    for (const id of ids) {
      const recorded = await outbox.listByDossier(id);
      const delivered = received.filter((r) => r.dossierId === id);
      expect(delivered.map((r) => r.seq)).toEqual(recorded.map((e) => e.seq));
      expect(delivered.map((r) => r.payload)).toEqual(recorded.map((e) => e.payload));
    }
    expect(new Set(received.map((r) => r.id)).size).toBe(received.length);
  });
});
