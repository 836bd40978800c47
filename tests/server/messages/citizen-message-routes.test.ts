/**
 * The citizen's say and the providers' receipts over HTTP (issue 20 item 6), with the messages on MongoDB: the
 * tracking page's token turns a channel off for its dossier (and nothing else), after which the dossier's messages go
 * only where the citizen allows; Zalo's signed webhook and the SMS gateway's signed report record delivered or failed
 * per message, once; a forged, unsigned or replayed receipt changes nothing; officials read it all on the dossier.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCitizenMessageConsumer } from '../../../server/src/outbox/citizen-message-consumer';
import { createOutboxDeliverer } from '../../../server/src/outbox/outbox-deliverer';
import { MemoryOutboxStore } from '../../../server/src/persistence/memory/memory-outbox-store';
import { createCitizenMessageCollections } from '../../../server/src/persistence/mongo/citizen-message-model';
import { connectMongoose } from '../../../server/src/persistence/mongo/connect-mongoose';
import { MongoCitizenMessageStore } from '../../../server/src/persistence/mongo/mongo-citizen-message-store';
import { startDatabase, type RunningDatabase } from '../../../server/src/persistence/mongo/start-database';
import { call, createDossierTestApp, receive, type TestApp } from '../dossiers/dossier-fixture';
import { channelsFor, startSmsStandIn, startZnsStandIn, type StandIn } from './channel-stand-ins';

const OA_KEY = 'oa-secret-key-0123456789';
const SMS_SECRET = 'sms-receipt-secret-0123456789';

let database: RunningDatabase | undefined;
let connection: Connection | undefined;
const databases: Connection[] = [];
const standIns: StandIn[] = [];

beforeAll(async () => {
  database = await startDatabase({ uri: process.env.MONGODB_URI, logger: { info: () => undefined, warn: () => undefined } });
  connection = await connectMongoose(database.uri);
}, 90_000);
afterEach(async () => {
  for (const standIn of standIns.splice(0)) await standIn.close();
});
afterAll(async () => {
  for (const db of databases) await db.dropDatabase().catch(() => undefined);
  await connection?.close();
  await database?.stop();
}, 60_000);

async function setUp() {
  const db = connection!.useDb(`citizen-message-routes-${randomUUID().slice(0, 8)}`, { useCache: false });
  databases.push(db);
  const zns = await startZnsStandIn();
  const sms = await startSmsStandIn();
  standIns.push(zns, sms);
  const config = channelsFor(zns, sms);
  const messages = new MongoCitizenMessageStore(await createCitizenMessageCollections(db));
  const outbox = new MemoryOutboxStore(['citizen-messages']);
  const t = await createDossierTestApp({ outbox, citizenChannels: config, citizenMessages: messages });
  const consumer = createCitizenMessageConsumer({ config, messages, clock: t.clock });
  const deliverer = createOutboxDeliverer({ outbox, consumers: [consumer], clock: t.clock, owner: 'test' });
  // A round takes one entry per dossier (in order): go on until nothing is left.
  const deliver = async () => {
    while ((await deliverer.deliverOnce()) > 0);
  };
  return { t, zns, sms, messages, deliver };
}

const lookup = (t: TestApp, code: string) => call<Record<string, any>>(t, undefined, 'GET', `/api/lookup?${new URLSearchParams({ code, idNumber: '001085012345' })}`);
const choose = (t: TestApp, token: string, body: unknown) => call<Record<string, any>>(t, undefined, 'PUT', '/api/citizen/notifications', body, { 'x-citizen-token': token });

/** Zalo's webhook as Zalo signs it: mac = SHA-256 of app id + body + timestamp + OA secret key. */
function znsReceipt(t: TestApp, message: { msg_id: string; tracking_id: string }, key = OA_KEY, appId = '1234567890123456789') {
  const timestamp = String(t.clock.now());
  const body = JSON.stringify({ app_id: appId, sender: { id: '579745863508352884' }, recipient: { id: '84912345678' }, event_name: 'user_received_message', message: { delivery_time: timestamp, ...message }, timestamp });
  const mac = createHash('sha256').update(`${appId}${body}${timestamp}${key}`).digest('hex');
  return { body, headers: { 'content-type': 'application/json', 'x-zevent-signature': `mac=${mac}` } };
}

async function post(t: TestApp, path: string, request: { body: string; headers: Record<string, string> }) {
  const response = await t.app.request(path, { method: 'POST', ...request });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

describe('the citizen\'s channel choice and the providers\' receipts', () => {
  it('lets the tracking page turn Zalo off for its dossier with its token, after which the dossier\'s messages go by SMS only', async () => {
    // given a dossier received at the counter, and the citizen on the tracking page
    const { t, zns, sms, messages, deliver } = await setUp();
    const dossier = await receive(t);
    const found = await lookup(t, dossier.dossierCode);
    const token = found.body.notificationsToken.token as string;
    // when they read their channels, then turn Zalo off
    const before = await call<Record<string, any>>(t, undefined, 'GET', '/api/citizen/notifications', undefined, { 'x-citizen-token': token });
    const after = await choose(t, token, { channel: 'zns', optedOut: true });
    await deliver();
    // then
    expect(before).toEqual({ status: 200, body: { channels: [{ channel: 'zns', optedOut: false }, { channel: 'sms', optedOut: false }], phone: '84******678' } });
    expect(after).toEqual({ status: 200, body: { channels: [{ channel: 'zns', optedOut: true }, { channel: 'sms', optedOut: false }], phone: '84******678' } });
    expect(zns.received).toEqual([]);
    expect(sms.received.map((request) => request.body.text)).toEqual([expect.stringMatching(/^Ho so .* da duoc tiep nhan, hen tra ket qua/)]);
    const listed = await call<{ items: Record<string, unknown>[] }>(t, 'official.motcua', 'GET', `/api/dossiers/${dossier.id}/messages`);
    expect(listed.body.items.map(({ channel, status, fallbackFrom }) => ({ channel, status, fallbackFrom }))).toEqual([
      { channel: 'sms', status: 'sent', fallbackFrom: 'zns' },
      { channel: 'zns', status: 'optedOut', fallbackFrom: undefined },
    ]);
    expect(await messages.choices(dossier.id)).toEqual([{ channel: 'zns', optedOut: true, at: t.clock.now() }]);
    const audit = await call<{ action: string }[]>(t, 'official.motcua', 'GET', `/api/dossiers/${dossier.id}/audit`);
    expect(audit.body.map((record) => record.action)).toContain('citizen.channel_opted_out');
  });

  it('changes only the dossier its notifications token names, and no other token or session stands in for it', async () => {
    // given two dossiers, the first one's notifications token, and a submission's upload token
    const { t, messages } = await setUp();
    const first = await receive(t);
    const second = await receive(t);
    const token = (await lookup(t, first.dossierCode)).body.notificationsToken.token as string;
    const submitted = await call<Record<string, any>>(t, undefined, 'POST', '/api/submissions', { procedureKey: 'thu-lien-thong', agencyId: 'ttpvhcc', applicant: { name: 'Lê Thị Hoa', idNumber: '001190000001', phone: '0987654321' }, form: { businessName: 'Hộ kinh doanh Hoa', capital: 50_000_000 } });
    const secondToken = (await lookup(t, second.dossierCode)).body.notificationsToken.token as string;
    // when the second dossier's citizen turns Zalo off
    await choose(t, secondToken, { channel: 'zns', optedOut: true });
    // then only the second dossier changed
    expect(await messages.optedOut(second.id)).toEqual(['zns']);
    expect(await messages.optedOut(first.id)).toEqual([]);
    // and no other token, no forged one, no session stands in for the notifications token, nor it for another
    expect((await choose(t, submitted.body.citizenToken.token, { channel: 'zns', optedOut: true })).status).toBe(401);
    expect((await choose(t, 'forged.token.value', { channel: 'zns', optedOut: true })).status).toBe(401);
    expect((await call(t, 'official.motcua', 'PUT', '/api/citizen/notifications', { channel: 'zns', optedOut: true })).status).toBe(401);
    const upload = await call(t, undefined, 'GET', `/api/citizen/dossiers/${first.id}/attachments`, undefined, { 'x-citizen-token': token });
    expect(upload.status).toBe(401);
    expect((await choose(t, token, { channel: 'email', optedOut: true })).status).toBe(400);
    expect((await choose(t, token, { channel: 'zns', optedOut: true, extra: 1 })).status).toBe(400);
    expect(await messages.optedOut(first.id)).toEqual([]);
  });

  it('records Zalo\'s signed delivery receipt once, and refuses a forged one with nothing changed', async () => {
    // given a message Zalo took
    const { t, messages, deliver } = await setUp();
    const dossier = await receive(t);
    await deliver();
    const [sent] = await messages.listByDossier(dossier.id);
    expect(sent).toMatchObject({ channel: 'zns', status: 'sent' });
    const named = { msg_id: sent!.providerMessageId!, tracking_id: sent!.id };
    // when a forger signs with another key, another app id, or names the message under another msg_id
    const forged = await post(t, '/api/message-receipts/zns', znsReceipt(t, named, 'not-the-oa-secret-key-000'));
    const otherApp = await post(t, '/api/message-receipts/zns', znsReceipt(t, named, OA_KEY, '999'));
    const unsigned = await post(t, '/api/message-receipts/zns', { ...znsReceipt(t, named), headers: { 'content-type': 'application/json' } });
    const otherMessage = await post(t, '/api/message-receipts/zns', znsReceipt(t, { ...named, msg_id: 'someone-else' }));
    // then nothing changed
    expect([forged.status, otherApp.status, unsigned.status]).toEqual([401, 401, 401]);
    expect(forged.body).toMatchObject({ code: 'RECEIPT_SIGNATURE_INVALID', title: 'Chữ ký của báo cáo gửi tin không hợp lệ' });
    expect(otherMessage.body).toEqual({ outcome: 'unknown' });
    expect((await messages.get(sent!.id))?.status).toBe('sent');
    // when Zalo's own receipt comes, and comes again
    t.clock.advance(5_000);
    const first = await post(t, '/api/message-receipts/zns', znsReceipt(t, named));
    const again = await post(t, '/api/message-receipts/zns', znsReceipt(t, named));
    // then it is recorded once, at its delivery time, and shown on the dossier
    expect([first.body, again.body]).toEqual([{ outcome: 'recorded' }, { outcome: 'repeated' }]);
    expect(await messages.get(sent!.id)).toMatchObject({ status: 'delivered', deliveredAt: t.clock.now() });
    const listed = await call<{ items: Record<string, unknown>[] }>(t, 'official.motcua', 'GET', `/api/dossiers/${dossier.id}/messages`);
    expect(listed.body.items[0]).toMatchObject({ channel: 'zns', status: 'delivered', deliveredAt: new Date(t.clock.now()).toISOString() });
  });

  it('records the SMS gateway\'s signed failure report, and refuses an unsigned or oversized one', async () => {
    // given an SMS the gateway took (the citizen turned Zalo off)
    const { t, messages, deliver } = await setUp();
    const dossier = await receive(t);
    await messages.choose(dossier.id, { channel: 'zns', optedOut: true, at: t.clock.now() });
    await deliver();
    const sent = (await messages.listByDossier(dossier.id)).find((record) => record.channel === 'sms')!;
    const body = JSON.stringify({ requestId: sent.id, messageId: sent.providerMessageId, status: 'failed', error: 'Thue bao tam khoa' });
    const signed = (text: string, secret = SMS_SECRET) => ({ body: text, headers: { 'content-type': 'application/json', 'x-signature': `sha256=${createHmac('sha256', secret).update(text).digest('hex')}` } });
    // when
    const unsigned = await post(t, '/api/message-receipts/sms', signed(body, 'guessed-secret-0123456789'));
    const huge = await post(t, '/api/message-receipts/sms', signed(JSON.stringify({ requestId: sent.id, status: 'delivered', error: 'x'.repeat(20_000) })));
    const report = await post(t, '/api/message-receipts/sms', signed(body));
    // then
    expect(unsigned.status).toBe(401);
    expect(huge.status).toBe(413);
    expect(report.body).toEqual({ outcome: 'recorded' });
    expect(await messages.get(sent.id)).toMatchObject({ status: 'undelivered', error: 'Thue bao tam khoa' });
  });
});
