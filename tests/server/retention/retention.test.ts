/**
 * Retention of closed dossiers (issue 18 item 6) on the mongoose adapter (MONGODB_URI, else the embedded database: a
 * real mongod when one is found, else the emulator), with the simulated clock: an administrator sets a procedure's
 * period, reads the dry run, then runs bounded batches; the expired dossiers lose their applicant, their personal
 * e-form fields and their attachments (archived in a bundle with its SHA-256, or purged), keep their facts for the
 * statistics, still open for officials, and the citizen's lookup says what became of them.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from 'mongoose';
import { connectMongoose } from '../../../server/src/persistence/mongo/connect-mongoose';
import { createMongoStores } from '../../../server/src/persistence/mongo/create-mongo-stores';
import { createGridFsAttachmentStore } from '../../../server/src/persistence/mongo/gridfs-attachment-store';
import { createMongoOutboxStore } from '../../../server/src/persistence/mongo/mongo-outbox-store';
import { MongoDossierFactsStore } from '../../../server/src/persistence/mongo/mongo-dossier-facts-store';
import { MongoRetentionStore } from '../../../server/src/persistence/mongo/mongo-retention-store';
import { startDatabase, type RunningDatabase } from '../../../server/src/persistence/mongo/start-database';
import type { AttachmentStore } from '../../../server/src/attachments/attachment-store';
import { call, complete, createDossierTestApp, FIXTURE_KEY, openStepOf, receive, APPLICANT, type TestApp } from '../dossiers/dossier-fixture';

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

const DAY_MS = 86_400_000;
/** The fixture whose e-form has a personal field (the owner's phone) beside two that are not. */
const xml = readFileSync(fileURLToPath(new URL('../../fixtures/server/two-agency-procedure.bpmn', import.meta.url)), 'utf8').replace(
  '"capital":{"type":"number","minimum":0}}',
  '"capital":{"type":"number","minimum":0},"ownerPhone":{"type":"string","x-personal":true}}',
);
const FORM = { businessName: 'Công ty TNHH Sen Vàng', capital: 1_000_000_000, ownerPhone: '0987654321' };

interface Report {
  procedures: { key: string; years: number; mode: string; isDefault: boolean; due: { count: number; oldestClosedAt?: string; attachmentCount: number; attachmentBytes: number } }[];
}
interface Run {
  expired: { dossierCode: string; mode: string; archive?: { id: string; sha256: string; size: number }; attachmentBytes: number }[];
  remaining: number;
}

async function setUp(wrapAttachments: (store: AttachmentStore) => AttachmentStore = (store) => store) {
  const db = connection!.useDb(`retention-${randomUUID().slice(0, 8)}`, { useCache: false });
  const stores = await createMongoStores(db);
  const attachments = await createGridFsAttachmentStore(db);
  const archives = await createGridFsAttachmentStore(db, { bucketName: 'archives' });
  const outbox = await createMongoOutboxStore(db, { consumers: ['test'] });
  const facts = await MongoDossierFactsStore.create(db);
  const t = await createDossierTestApp({ stores, outbox, facts, deploy: true, xml, attachments: wrapAttachments(attachments), archives, retention: new MongoRetentionStore(db) });
  return { t, db, attachments, archives };
}

async function upload(t: TestApp, dossierId: string, bytes: Uint8Array<ArrayBuffer>): Promise<void> {
  const form = new FormData();
  form.set('file', new File([bytes], 'CCCD mặt trước.pdf'));
  const uploaded = await t.app.request(`/api/dossiers/${dossierId}/attachments`, { method: 'POST', body: form, headers: await t.as('official.motcua') });
  expect(uploaded.status).toBe(201);
}

/** A PDF of `size` bytes (the attachment check reads its signature). */
const pdf = (size: number): Uint8Array<ArrayBuffer> => new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size - 9, 0x41)]));

/** Through the whole route to status 10. */
async function workThrough(t: TestApp, dossierId: string): Promise<void> {
  for (const [user, data] of [['official.motcua', {}], ['official.dkkd', { decision: 'approve', data: { reviewNote: 'đủ' } }], ['official.xaydung', {}], ['official.motcua', {}]] as const) {
    expect((await complete(t, user, (await openStepOf(t, user, dossierId)).id, data)).status).toBe(200);
  }
  expect((await call(t, 'official.motcua', 'POST', `/api/dossiers/${dossierId}/return-result`, {})).status).toBe(200);
}

async function readAll(content: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of content) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

describe('retention of closed dossiers', () => {
  it('reports, then archives and purges in bounded batches the dossiers closed more than the period ago, keeping their statistics', { timeout: 120_000 }, async () => {
    // given a withdrawn dossier with a 40 kB scan, a dossier returned to the citizen, and one still in process
    const { t, db, archives } = await setUp();
    const withdrawn = await receive(t, { form: FORM });
    await upload(t, withdrawn.id, pdf(40_000));
    expect((await call(t, 'official.motcua', 'POST', `/api/dossiers/${withdrawn.id}/withdraw`, { reason: 'Công dân rút hồ sơ' })).status).toBe(200);
    t.clock.advance(DAY_MS);
    const returned = await receive(t, { form: FORM });
    await workThrough(t, returned.id);
    const open = await receive(t, { form: FORM });
    // and the procedure kept one year, archived, by the administrator
    const set = await call(t, 'admin', 'PUT', `/api/retention/policies/${FIXTURE_KEY}`, { years: 1, mode: 'archive' });
    expect(set.status).toBe(200);
    const statsBefore = await call(t, 'supervisor', 'GET', '/api/stats/summary?from=2025-03-01&to=2025-03-31');

    // when the administrator reads the dry run before the year is over
    const early = await call<Report>(t, 'admin', 'GET', '/api/retention');
    // then nothing is due yet
    expect(early.status).toBe(200);
    expect(early.body.procedures.find((p) => p.key === FIXTURE_KEY)).toMatchObject({ years: 1, mode: 'archive', isDefault: false, due: { count: 0 } });

    // when a year and a week have passed and the administrator reads the dry run
    t.clock.advance(372 * DAY_MS);
    const report = await call<Report>(t, 'admin', 'GET', '/api/retention');
    // then both closed dossiers are due, the withdrawn one the oldest, with its scan's bytes, and nothing changed yet
    expect(report.body.procedures.find((p) => p.key === FIXTURE_KEY)!.due).toEqual({ count: 2, oldestClosedAt: '2025-03-03T01:37:00.000Z', attachmentCount: 1, attachmentBytes: 40_000 });
    expect((await call<{ applicant: { name: string } }>(t, 'official.motcua', 'GET', `/api/dossiers/${withdrawn.id}`)).body.applicant.name).toBe(APPLICANT.name);

    // when the administrator runs a batch of one, then changes the period's mode to purge and runs again, twice
    const first = await call<Run>(t, 'admin', 'POST', '/api/retention/runs', { limit: 1 });
    expect((await call(t, 'admin', 'PUT', `/api/retention/policies/${FIXTURE_KEY}`, { years: 1, mode: 'purge' })).status).toBe(200);
    const second = await call<Run>(t, 'admin', 'POST', '/api/retention/runs', { limit: 1 });
    const third = await call<Run>(t, 'admin', 'POST', '/api/retention/runs', { limit: 1 });

    // then the first batch archived the withdrawn dossier, the second purged the returned one, the third had nothing
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ expired: [{ dossierCode: withdrawn.dossierCode, mode: 'archive', attachmentBytes: 40_000 }], remaining: 1 });
    expect(second.body).toMatchObject({ expired: [{ dossierCode: returned.dossierCode, mode: 'purge' }], remaining: 0 });
    expect(second.body.expired[0]!.archive).toBeUndefined();
    expect(third.body).toEqual({ expired: [], remaining: 0 });

    // and the archive bundle holds the applicant, the personal field and the scan, under the SHA-256 reported
    const archive = first.body.expired[0]!.archive!;
    const bundle = await readAll((await archives.get(archive.id))!.content);
    expect(createHash('sha256').update(bundle).digest('hex')).toBe(archive.sha256);
    const lines = bundle.toString('utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ kind: 'dossier', dossierCode: withdrawn.dossierCode, personal: { applicant: APPLICANT, form: { ownerPhone: '0987654321' } } });
    const content = Buffer.concat(lines.filter((line) => line.kind === 'content').map((line) => Buffer.from(line.base64 as string, 'base64')));
    expect(content.equals(Buffer.from(pdf(40_000)))).toBe(true);
    expect(await archives.listByDossier(returned.id)).toEqual([]);

    // and an official still opens both: no applicant, no personal field, no attachment, the retention said
    for (const dossier of [withdrawn, returned]) {
      const seen = await call<{ status: number; applicant: Record<string, unknown>; form: Record<string, unknown>; retention?: { mode: string } }>(t, 'official.motcua', 'GET', `/api/dossiers/${dossier.id}`);
      expect(seen.status).toBe(200);
      expect(seen.body.applicant).toEqual({ name: '', idNumber: '' });
      expect(seen.body.form).toEqual({ businessName: FORM.businessName, capital: FORM.capital });
      expect(seen.body.retention?.mode).toBe(dossier === withdrawn ? 'archive' : 'purge');
      expect((await call(t, 'official.motcua', 'GET', `/api/dossiers/${dossier.id}/attachments`)).body).toEqual({ items: [], total: 0 });
      expect(await db.collection('steps').countDocuments({ dossierId: dossier.id, nameSearch: { $ne: '' } })).toBe(0);
    }
    // the dossier in process keeps everything
    expect((await call<{ applicant: { name: string } }>(t, 'official.motcua', 'GET', `/api/dossiers/${open.id}`)).body.applicant.name).toBe(APPLICANT.name);

    // and the citizen's lookup says what became of it, to the right ID number only
    const lookup = await call<{ status: number; retention?: { message: string } }>(t, undefined, 'GET', `/api/lookup?code=${returned.dossierCode}&idNumber=${APPLICANT.idNumber}`);
    expect(lookup.status).toBe(200);
    expect(lookup.body).toMatchObject({ status: 10, retention: { message: 'Hồ sơ đã hết thời hạn lưu trữ, dữ liệu cá nhân đã được xoá.' } });
    expect((await call(t, undefined, 'GET', `/api/lookup?code=${returned.dossierCode}&idNumber=001085099999`)).status).toBe(404);

    // and the statistics of March 2025 count the closed dossiers as before (the open one has since become overdue)
    const finishedFigures = (body: Record<string, unknown>) => Object.fromEntries(Object.entries(body).filter(([key]) => key.startsWith('finished') || key === 'received' || key === 'withdrawn'));
    const statsAfter = await call(t, 'supervisor', 'GET', '/api/stats/summary?from=2025-03-01&to=2025-03-31');
    expect(finishedFigures(statsAfter.body)).toEqual(finishedFigures(statsBefore.body));
    expect(statsAfter.body.finished).toBe(2);

    // and the audit of administration has both changes of the period and the three runs
    const audit = await call<{ items: { action: string; before?: unknown; after?: unknown }[] }>(t, 'admin', 'GET', '/api/audit?targetKind=procedure&action=procedure.retention_changed');
    expect(audit.body.items.map((item) => [item.before, item.after])).toEqual([
      [{ years: 1, mode: 'archive' }, { years: 1, mode: 'purge' }],
      [{ years: 10, mode: 'archive', default: true }, { years: 1, mode: 'archive' }],
    ]);
    const runs = await call<{ items: { after: { expired: { dossierCode: string; sha256?: string }[] } }[] }>(t, 'admin', 'GET', '/api/audit?action=retention.ran');
    // (the three runs share one simulated instant, so the audit's order among them is its ids')
    const ran = runs.body.items.flatMap((item) => item.after.expired);
    expect(runs.body.items).toHaveLength(3);
    expect(ran.map((dossier) => dossier.dossierCode).sort()).toEqual([withdrawn.dossierCode, returned.dossierCode].sort());
    expect(ran.find((dossier) => dossier.dossierCode === withdrawn.dossierCode)!.sha256).toBe(archive.sha256);
  });

  it('takes up, at the next run, the attachments a run interrupted after the expiry left behind', { timeout: 120_000 }, async () => {
    // given a withdrawn dossier with a scan, two years later, and an attachment store that fails its first removal
    let failures = 1;
    const { t } = await setUp((store) => ({
      put: (...args) => store.put(...args),
      info: (id) => store.info(id),
      get: (id) => store.get(id),
      listByDossier: (id) => store.listByDossier(id),
      delete: async (id) => {
        if (failures-- > 0) throw new Error('the database went away');
        return store.delete(id);
      },
    }));
    const dossier = await receive(t, { form: FORM });
    await upload(t, dossier.id, pdf(2_000));
    expect((await call(t, 'official.motcua', 'POST', `/api/dossiers/${dossier.id}/withdraw`, { reason: 'Rút' })).status).toBe(200);
    expect((await call(t, 'admin', 'PUT', `/api/retention/policies/${FIXTURE_KEY}`, { years: 1, mode: 'purge' })).status).toBe(200);
    t.clock.advance(2 * 366 * DAY_MS);

    // when a run stops at the removal, then the administrator runs again
    expect((await call(t, 'admin', 'POST', '/api/retention/runs', { limit: 10 })).status).toBe(500);
    const expiredMeanwhile = await call<{ applicant: { name: string }; retention?: unknown }>(t, 'official.motcua', 'GET', `/api/dossiers/${dossier.id}`);
    const again = await call<Run>(t, 'admin', 'POST', '/api/retention/runs', { limit: 10 });

    // then the first run had expired the personal data, and the second removed the scan without expiring anything twice
    expect(expiredMeanwhile.body.applicant.name).toBe('');
    expect(again.body).toEqual({ expired: [], remaining: 0 });
    expect((await call(t, 'official.motcua', 'GET', `/api/dossiers/${dossier.id}/attachments`)).body).toEqual({ items: [], total: 0 });
  });

  it('leases the day’s scheduled run to one process at a time in the database, until it is finished', async () => {
    // given the store on MongoDB and a lease of ten minutes
    const { db } = await setUp();
    const store = new MongoRetentionStore(db);
    const at = Date.UTC(2026, 2, 9, 19, 0);
    const lease = 10 * 60_000;
    // when process A claims the day, B tries while A's lease runs and after it ran out, and then finishes the day
    const a = await store.claimScheduledRun('2026-03-10', 'process-a', at, lease);
    const renewed = await store.claimScheduledRun('2026-03-10', 'process-a', at + 60_000, lease);
    const bWhileLeased = await store.claimScheduledRun('2026-03-10', 'process-b', at + 2 * 60_000, lease);
    const bAfter = await store.claimScheduledRun('2026-03-10', 'process-b', at + 60_000 + lease + 1, lease);
    await store.finishScheduledRun('2026-03-10', 'process-b', at + lease + 120_000);
    const afterFinish = await store.claimScheduledRun('2026-03-10', 'process-a', at + 2 * lease, lease);
    const nextDay = await store.claimScheduledRun('2026-03-11', 'process-a', at + 86_400_000, lease);
    // then one holder at a time, none once finished, and the next day is free
    expect([a, renewed, bWhileLeased, bAfter, afterFinish, nextDay]).toEqual([true, true, false, true, false, true]);
  });

  it('refuses a period outside one to a hundred years, and its routes to anyone but an administrator', async () => {
    const { t } = await setUp();
    expect((await call(t, 'admin', 'PUT', `/api/retention/policies/${FIXTURE_KEY}`, { years: 0, mode: 'purge' })).status).toBe(400);
    expect((await call(t, 'admin', 'PUT', `/api/retention/policies/${FIXTURE_KEY}`, { years: 5, mode: 'shred' })).status).toBe(400);
    expect((await call(t, 'admin', 'PUT', '/api/retention/policies/khong-co', { years: 5, mode: 'purge' })).status).toBe(404);
    expect((await call(t, 'supervisor', 'GET', '/api/retention')).status).toBe(403);
    expect((await call(t, 'official.motcua', 'POST', '/api/retention/runs', { limit: 1 })).status).toBe(403);
  });
});
