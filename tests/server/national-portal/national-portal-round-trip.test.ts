/**
 * The national portal both ways, on the mongoose adapter (MONGODB_URI, else the embedded database: a real mongod when
 * one is found, else the bundled wire-protocol emulator): a business registration submitted on the portal arrives
 * signed at `POST /api/national-portal/dossiers` (unsigned, forged, tampered, stale and oversize requests refused
 * before anything is read or written; invalid fields named by the portal's names; a re-send the same dossier), is
 * worked through the shipped model by claim and complete to its result, and every status change and progress record
 * goes back to a stand-in portal whose every reply is read: its one error reply leaves the delivery retrying with the
 * portal's message, until the retry is acknowledged.
 */
import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStoredCalendarSource } from '../../../server/src/calendars/stored-calendar-source';
import { createDossierSyncSource } from '../../../server/src/outbox/dossier-sync-source';
import { createNationalPortalConsumer } from '../../../server/src/outbox/national-portal-consumer';
import { createOutboxDeliverer } from '../../../server/src/outbox/outbox-deliverer';
import { signPortalRequest } from '../../../server/src/national-portal/portal-credentials';
import { connectMongoose } from '../../../server/src/persistence/mongo/connect-mongoose';
import { createMongoCalendarStore } from '../../../server/src/persistence/mongo/mongo-calendar-store';
import { createMongoStores } from '../../../server/src/persistence/mongo/create-mongo-stores';
import { createMemoryStores } from '../../../server/src/persistence/memory/create-memory-stores';
import { MongoDossierFactsStore } from '../../../server/src/persistence/mongo/mongo-dossier-facts-store';
import { createMongoOutboxStore } from '../../../server/src/persistence/mongo/mongo-outbox-store';
import { startDatabase, type RunningDatabase } from '../../../server/src/persistence/mongo/start-database';
import { exampleForm, readModel } from '../../procedures/support/library';
import { createTestApp } from '../../support/test-app';
import { startStandInPortal, type StandInPortal } from './stand-in-portal';

const SLUG = 'dang-ky-thanh-lap-doanh-nghiep';
const CREDENTIAL = { id: 'dvcqg', secret: 'portal-secret-0123456789-abcdefghijkl' };
const PORTAL_TOKEN = 'token-of-the-portal-sync';
const MAX_BODY_BYTES = 32 * 1024;

let database: RunningDatabase | undefined;
let connection: Connection | undefined;
let portal: StandInPortal;

beforeAll(async () => {
  database = await startDatabase({ uri: process.env.MONGODB_URI, logger: { info: () => undefined, warn: () => undefined } });
  console.log(`[national-portal] mongoose adapter on ${database.backend}`);
  connection = (await connectMongoose(database.uri)).useDb(`national-portal-${randomUUID().slice(0, 8)}`, { useCache: false });
  portal = await startStandInPortal(PORTAL_TOKEN);
}, 90_000);

afterAll(async () => {
  await portal?.close();
  await connection?.dropDatabase().catch(() => undefined);
  await connection?.close();
  await database?.stop();
}, 60_000);

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** A business registration as the portal hands it over (the mapping's submission rows). */
function aSubmission(code: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    MaHoSo: code,
    MaTTHC: '2.001610',
    MaDonViTiepNhan: 'ttpvhcc',
    ChuHoSo: 'Trần Văn Dân',
    SoGiayToChuHoSo: '001085012345',
    SoDienThoai: '0912345678',
    DiaChi: 'Số 1 Tràng Tiền, Hà Nội',
    NgayNopHoSo: '20250302213000',
    DuLieuBieuMau: exampleForm(SLUG),
    TaiLieuNop: [
      { TenTaiLieu: 'Giấy đề nghị đăng ký doanh nghiệp', LoaiBan: '4', SoLuong: 1, MaThanhPhanHoSo: 'giay-de-nghi' },
      { TenTaiLieu: 'Điều lệ công ty', LoaiBan: '4', SoLuong: 1, MaThanhPhanHoSo: 'dieu-le' },
    ],
    HinhThucNhanKetQua: '1',
    ...overrides,
  };
}

interface Sent {
  status: number;
  body: Record<string, unknown>;
}

/** Posts `body` signed as the portal signs (or with what `sign` changes). */
async function send(t: TestApp, body: string, sign: { secret?: string; keyId?: string; at?: number; signedBody?: string; unsigned?: boolean } = {}): Promise<Sent> {
  const timestamp = Math.floor((sign.at ?? t.clock.now()) / 1000);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (!sign.unsigned) {
    headers['x-portal-key-id'] = sign.keyId ?? CREDENTIAL.id;
    headers['x-portal-timestamp'] = String(timestamp);
    headers['x-portal-signature'] = signPortalRequest(sign.secret ?? CREDENTIAL.secret, timestamp, sign.signedBody ?? body);
  }
  const response = await t.app.request('/api/national-portal/dossiers', { method: 'POST', headers, body });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function call(t: TestApp, user: string, method: string, path: string, body?: unknown): Promise<Sent> {
  const response = await t.app.request(path, { method, headers: { ...(await t.as(user)), 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The official claims and completes the dossier's open step `elementId` from their unit's inbox. */
async function work(t: TestApp, user: string, dossierId: string, elementId: string): Promise<void> {
  const inbox = await call(t, user, 'GET', '/api/inbox?scope=department');
  const step = (inbox.body.items as { id: string; dossierId: string; elementId: string }[]).find((item) => item.dossierId === dossierId && item.elementId === elementId);
  if (!step) throw new Error(`${elementId} of ${dossierId} is not in the inbox of ${user}`);
  expect((await call(t, user, 'POST', `/api/steps/${step.id}/claim`, {})).status).toBe(200);
  const completed = await call(t, user, 'POST', `/api/steps/${step.id}/complete`, { decision: 'approve' });
  expect(completed.status, JSON.stringify(completed.body)).toBe(200);
  t.clock.advance(3_600_000);
}

async function dossierCount(t: TestApp): Promise<number> {
  return (await t.stores.dossiers.list({}, { offset: 0, limit: 1 })).total;
}

describe('the national portal, both ways, on MongoDB', () => {
  it('receives a signed portal dossier once, refuses what is unsigned, tampered, oversize or invalid, works it to its result and syncs every change with each reply checked', { timeout: 180_000 }, async () => {
    // given the server on MongoDB with the business registration deployed and one portal credential
    const stores = await createMongoStores(connection!);
    const outbox = await createMongoOutboxStore(connection!, { consumers: ['national-portal'] });
    const calendarStore = await createMongoCalendarStore(connection!);
    const facts = await MongoDossierFactsStore.create(connection!);
    const t = await createTestApp({ stores, outbox, calendarStore, calendars: createStoredCalendarSource(calendarStore), facts, nationalPortal: { credentials: [CREDENTIAL], maxBodyBytes: MAX_BODY_BYTES } });
    expect((await call(t, 'analyst', 'POST', '/api/procedures', { key: SLUG, xml: readModel(SLUG) })).status).toBe(201);
    const body = JSON.stringify(aSubmission('G22.99-250302-0042'));

    // when the dossier comes unsigned, signed with another secret or an unknown key, for another body, or too late
    const refused = [
      await send(t, body, { unsigned: true }),
      await send(t, 'not even JSON', { unsigned: true }),
      await send(t, body, { secret: 'another-secret-0123456789-abcdefghijkl' }),
      await send(t, body, { keyId: 'someone-else' }),
      await send(t, body.replace('Trần Văn Dân', 'Kẻ Giả Mạo'), { signedBody: body }),
      await send(t, body, { at: t.clock.now() - 10 * 60_000 }),
    ];
    // then each is refused as unauthenticated, in the portal's terms, and nothing is received
    expect(refused.map((answer) => [answer.status, answer.body.code, answer.body.error_code])).toEqual(Array.from({ length: 6 }, () => [401, 'UNAUTHENTICATED', 4]));
    // and a signed body over the bound is refused for its size, a signed one nested too deep or with bad fields by name
    const oversize = await send(t, JSON.stringify(aSubmission('G22.99-X', { DiaChi: 'x'.repeat(MAX_BODY_BYTES) })));
    expect([oversize.status, oversize.body.error_code]).toEqual([413, 5]);
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let level = 0; level < 12; level += 1) deep = { nested: deep };
    const tooDeep = await send(t, JSON.stringify(aSubmission('G22.99-Y', { DuLieuBieuMau: { ...exampleForm(SLUG), extra: deep } })));
    expect([tooDeep.status, tooDeep.body.error_code, tooDeep.body.errors]).toEqual([400, 1, [{ field: 'DuLieuBieuMau', message: expect.any(String) }]]);
    const { businessName: _dropped, ...withoutName } = exampleForm(SLUG);
    const invalid = await send(t, JSON.stringify(aSubmission('G22.99-Z', { ChuHoSo: undefined, LePhi: 1, DuLieuBieuMau: { ...withoutName, capital: 'một tỷ' } })));
    expect(invalid.status).toBe(400);
    expect(invalid.body.error_code).toBe(1);
    expect((invalid.body.errors as { field: string }[]).map((error) => error.field).sort()).toEqual(['ChuHoSo', 'LePhi']);
    const invalidForm = await send(t, JSON.stringify(aSubmission('G22.99-Z', { DuLieuBieuMau: { ...withoutName, capital: 'một tỷ' } })));
    expect([invalidForm.status, invalidForm.body.error_code]).toEqual([400, 1]);
    expect((invalidForm.body.errors as { field: string }[]).map((error) => error.field).sort()).toEqual(['DuLieuBieuMau/businessName', 'DuLieuBieuMau/capital']);
    const unknown = await send(t, JSON.stringify(aSubmission('G22.99-W', { MaTTHC: '9.999999' })));
    expect([unknown.status, unknown.body.error_code, unknown.body.errors]).toEqual([422, 2, [{ field: 'MaTTHC', message: 'Không có thủ tục hành chính với mã này' }]]);
    expect(await dossierCount(t)).toBe(0);

    // when it comes signed, then again (the portal missed our answer), twice at once, and then changed under its code
    const received = await send(t, body);
    t.clock.advance(60_000);
    const again = await send(t, body);
    const racing = await Promise.all([send(t, body), send(t, body)]);
    const changed = await send(t, JSON.stringify(aSubmission('G22.99-250302-0042', { SoDienThoai: '0987654321' })));
    // then one dossier is received, status 1, online, with the portal's code; each re-send answers its code
    expect(received.status, JSON.stringify(received.body)).toBe(201);
    expect(received.body).toEqual({ error_code: 0, message: 'Tiếp nhận hồ sơ thành công', MaHoSo: expect.stringMatching(/^ttpvhcc-250303-\d{4}$/), MaHoSoDVCQG: 'G22.99-250302-0042', TrangThaiHoSo: '1' });
    expect([again, ...racing].map((answer) => [answer.status, answer.body.MaHoSo])).toEqual(Array.from({ length: 3 }, () => [200, received.body.MaHoSo]));
    expect([changed.status, changed.body.code, changed.body.error_code]).toEqual([409, 'PORTAL_CODE_TAKEN', 3]);
    expect(await dossierCount(t)).toBe(1);
    // and a new dossier sent three times at once (the portal retried before its first attempt came back) is one dossier
    const burst = await Promise.all([1, 2, 3].map(() => send(t, JSON.stringify(aSubmission('G22.99-250302-0077')))));
    expect(burst.map((answer) => answer.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(burst.map((answer) => answer.body.MaHoSo)).size).toBe(1);
    expect(await dossierCount(t)).toBe(2);
    const dossier = (await t.stores.dossiers.getByCode(String(received.body.MaHoSo)))!;
    expect(dossier).toMatchObject({ status: 1, channel: 2, agencyId: 'ttpvhcc', applicant: { name: 'Trần Văn Dân', idNumber: '001085012345', phone: '0912345678' } });
    expect(dossier.nationalPortal).toMatchObject({ dossierCode: 'G22.99-250302-0042', submittedAt: Date.UTC(2025, 2, 2, 14, 30) });
    // and the official who opens it sees the portal's code beside ours
    expect((await call(t, 'official.motcua', 'GET', `/api/dossiers/${dossier.id}`)).body).toMatchObject({ dossierCode: dossier.dossierCode, nationalPortalCode: 'G22.99-250302-0042', status: 1, channel: 2 });
    expect((dossier.state as { documents: unknown[] }).documents).toEqual([
      { name: 'Giấy đề nghị đăng ký doanh nghiệp', copyType: 'electronic', quantity: 1, componentId: 'giay-de-nghi' },
      { name: 'Điều lệ công ty', copyType: 'electronic', quantity: 1, componentId: 'dieu-le' },
    ]);

    // when the one-stop section accepts it and each unit works its step through the shipped model to the result
    expect((await call(t, 'official.motcua', 'POST', `/api/dossiers/${dossier.id}/accept`, {})).status).toBe(200);
    await work(t, 'official.motcua', dossier.id, 'task-receive');
    await work(t, 'official.dkkd', dossier.id, 'task-review');
    await work(t, 'head.dkkd', dossier.id, 'task-head');
    await work(t, 'official.motcua', dossier.id, 'task-return');
    let now = (await call(t, 'official.motcua', 'GET', `/api/dossiers/${dossier.id}`)).body;
    if (now.status === 4) now = (await call(t, 'official.motcua', 'POST', `/api/dossiers/${dossier.id}/finish`, {})).body;
    expect(now.status).toBe(9);
    expect((await call(t, 'official.motcua', 'POST', `/api/dossiers/${dossier.id}/return-result`, {})).body.status).toBe(10);

    // and the outbox delivers to the stand-in portal, which refuses the first status change to 4 with an error body
    const consumer = createNationalPortalConsumer({ url: portal.url, token: PORTAL_TOKEN, dossierOf: createDossierSyncSource({ dossiers: stores.dossiers, procedures: stores.procedures, attachments: t.attachments }) });
    const deliverer = createOutboxDeliverer({ outbox, consumers: [consumer], clock: t.clock, owner: 'server-1' });
    let refusedOnce = false;
    portal.reply = (message) => {
      if (refusedOnce || message.body.LoaiDongBo !== 'CapNhatTrangThai' || message.body.TrangThaiHoSo !== '4') return { body: JSON.stringify({ error_code: 0, message: 'Thành công' }) };
      refusedOnce = true;
      return { body: JSON.stringify({ error_code: 12, message: 'Trạng thái hồ sơ không hợp lệ với tiến trình hiện tại' }) };
    };
    while ((await deliverer.deliverOnce()) > 0);
    // then the refused message is a retrying delivery with the portal's message, holding the dossier's later ones back
    const retrying = await outbox.listDeliveries({ consumer: 'national-portal', state: 'retrying' }, { offset: 0, limit: 10 });
    expect(retrying.items).toHaveLength(1);
    expect(retrying.items[0]).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('Trạng thái hồ sơ không hợp lệ với tiến trình hiện tại') });
    expect(retrying.items[0]!.lastError).toContain('error_code 12');
    // and the administrators' outbox console shows the consumer retrying with that message
    const outboxConsole = (await call(t, 'admin', 'GET', '/api/outbox/consumers')).body as { consumers: { consumer: string; retrying: number; lastError?: string }[] };
    expect(outboxConsole.consumers.find((tally) => tally.consumer === 'national-portal')).toMatchObject({ retrying: 1, lastError: expect.stringContaining('Trạng thái hồ sơ không hợp lệ') });
    const all = await outbox.listByDossier(dossier.id);
    const entries = all.filter((entry) => entry.kind === 'dossier.status_changed' || entry.kind === 'dossier.progress_recorded');
    const waiting = await outbox.listDeliveries({ consumer: 'national-portal', state: 'pending' }, { offset: 0, limit: 100 });
    expect(waiting.total).toBeGreaterThan(0);

    // when the backoff has passed and the portal acknowledges the retry
    t.clock.advance(3_600_000);
    while ((await deliverer.deliverOnce()) > 0);
    // then every entry is done (notifications are not the portal's), every status change and progress record sent in
    // order and acknowledged, each with both codes
    const delivered = await outbox.listDeliveries({ consumer: 'national-portal', state: 'delivered' }, { offset: 0, limit: 100 });
    expect(delivered.items.filter((item) => item.dossierId === dossier.id)).toHaveLength(all.length);
    expect(await outbox.listDeliveries({ consumer: 'national-portal', state: 'retrying' }, { offset: 0, limit: 10 })).toMatchObject({ total: 0 });
    const ours = portal.received.filter((message) => message.body.MaHoSoDVCQG === 'G22.99-250302-0042');
    const accepted = ours.filter((_, index) => index !== ours.findIndex((m) => m.body.LoaiDongBo === 'CapNhatTrangThai' && m.body.TrangThaiHoSo === '4'));
    expect(accepted.map((message) => message.body.IdGoiTin)).toEqual(entries.map((entry) => entry.id));
    expect(new Set(ours.map((message) => `${String(message.body.MaHoSo)} ${String(message.body.MaHoSoDVCQG)} ${String(message.body.KenhThucHien)}`))).toEqual(new Set([`${dossier.dossierCode} G22.99-250302-0042 2`]));
    const statuses = accepted.filter((message) => message.body.LoaiDongBo === 'CapNhatTrangThai').map((message) => message.body.TrangThaiHoSo);
    expect(statuses).toEqual(['1', '2', '4', '9', '10']);
  });

  it('answers a re-send that raced the first, and found nothing when it looked, as a re-send: 200 with the first dossier\'s code, or 409 when it differs', async () => {
    // given a portal dossier received once, on stores whose next look for a dossier can be made to miss, as a re-send's
    // look does when the attempt racing it saves the dossier just after
    const base = createMemoryStores();
    let missNext = false;
    const dossiers = new Proxy(base.dossiers, {
      get(target, property) {
        const value: unknown = Reflect.get(target, property, target);
        if (typeof value !== 'function') return value;
        if (property !== 'get') return value.bind(target);
        return async (id: string) => {
          if (!missNext) return value.call(target, id);
          missNext = false;
          return undefined;
        };
      },
    });
    const t = await createTestApp({ stores: { ...base, dossiers }, nationalPortal: { credentials: [CREDENTIAL] } });
    expect((await call(t, 'analyst', 'POST', '/api/procedures', { key: SLUG, xml: readModel(SLUG) })).status).toBe(201);
    const body = JSON.stringify(aSubmission('G22.99-250302-0099'));
    const first = await send(t, body);
    expect(first.status).toBe(201);
    // when the same submission and then a changed one come again, each missing the dossier at its first look
    missNext = true;
    const again = await send(t, body);
    missNext = true;
    const changed = await send(t, JSON.stringify(aSubmission('G22.99-250302-0099', { SoDienThoai: '0987654321' })));
    // then the re-send gets the first dossier's code as a re-send, the changed one is refused, and one dossier is kept
    expect([again.status, again.body.MaHoSo]).toEqual([200, first.body.MaHoSo]);
    expect([changed.status, changed.body.code]).toEqual([409, 'PORTAL_CODE_TAKEN']);
    expect(await dossierCount(t)).toBe(1);
  });

  it('refuses the portal a request too many from one address within the window', async () => {
    // given a server allowing the portal two requests a minute
    const t = await createTestApp({ nationalPortal: { credentials: [CREDENTIAL], rateLimit: { limit: 2, windowMs: 60_000 } } });
    const body = JSON.stringify(aSubmission('G22.99-RATE'));
    // when it sends three
    const answers = [await send(t, body), await send(t, body), await send(t, body)];
    // then the third is refused with Retry-After, in the portal's terms
    expect(answers[2]).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED', error_code: 6 } });
  });
});
