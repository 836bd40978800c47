/**
 * Citizen messages through the province's real channels (issue 20 item 6), against local stand-ins of the Zalo ZNS
 * API and a brand-name SMS gateway, with the messages and the outbox on MongoDB (the embedded database): the
 * registered template with its parameters and the number as 84…, an error reply recorded as a failed delivery, the
 * SMS fallback for a citizen without Zalo, no second send on a retry, and nothing sent on a channel turned off.
 */
import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCitizenMessageConsumer } from '../../../server/src/outbox/citizen-message-consumer';
import { createOutboxConsumers } from '../../../server/src/outbox/create-outbox-consumers';
import { parseOutboxConfig } from '../../../server/src/outbox/outbox-config';
import { createOutboxDeliverer } from '../../../server/src/outbox/outbox-deliverer';
import { createOutboxEntry, type CitizenNotificationPayload } from '../../../server/src/outbox/outbox-payloads';
import { parseVietnameseMobile } from '../../../server/src/outbox/vietnamese-mobile';
import { createCitizenMessageCollections } from '../../../server/src/persistence/mongo/citizen-message-model';
import { connectMongoose } from '../../../server/src/persistence/mongo/connect-mongoose';
import { MongoCitizenMessageStore } from '../../../server/src/persistence/mongo/mongo-citizen-message-store';
import { createMongoOutboxStore } from '../../../server/src/persistence/mongo/mongo-outbox-store';
import { startDatabase, type RunningDatabase } from '../../../server/src/persistence/mongo/start-database';
import { createSimulatedClock } from '../../support/test-app';
import { channelsFor, SMS_API_KEY, startSmsStandIn, startZnsStandIn, ZNS_TOKEN, type StandIn } from './channel-stand-ins';

/** Mon 3 March 2025, 08:37 in Hanoi. */
const AT = Date.UTC(2025, 2, 3, 1, 37);
const APPOINTMENT = Date.UTC(2025, 2, 24, 1, 37);

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

async function setUp(options: { znsErrors?: Map<string, { error: number; message: string }>; smsCodes?: Map<string, { code: string; message: string }>; zns?: boolean; sms?: boolean; fallbackToSms?: boolean; maxLength?: number } = {}) {
  const db = connection!.useDb(`citizen-messages-${randomUUID().slice(0, 8)}`, { useCache: false });
  databases.push(db);
  const zns = options.zns === false ? undefined : await startZnsStandIn(options.znsErrors);
  const sms = options.sms === false ? undefined : await startSmsStandIn(options.smsCodes);
  standIns.push(...[zns, sms].filter((standIn): standIn is StandIn => standIn !== undefined));
  const messages = new MongoCitizenMessageStore(await createCitizenMessageCollections(db));
  const clock = createSimulatedClock(AT);
  const consumer = createCitizenMessageConsumer({ config: channelsFor(zns, sms, options), messages, clock });
  const outbox = await createMongoOutboxStore(db, { consumers: [consumer.name] });
  const deliverer = createOutboxDeliverer({ outbox, consumers: [consumer], clock, owner: 'test' });
  return { zns, sms, messages, outbox, deliverer, consumer, clock };
}

function received(phone = '091 234 5678', event: CitizenNotificationPayload['event'] = 'dossier.received', seq = 1) {
  return createOutboxEntry({
    dossierId: 'dossier-1',
    seq,
    kind: 'notification.citizen',
    payload: { event, dossierCode: '000.00.64.H10-250303-0011', applicant: { name: 'Nguyễn Văn Đức', phone }, appointmentAt: APPOINTMENT, procedureName: 'Cấp giấy phép xây dựng nhà ở riêng lẻ' },
    createdAt: AT,
  });
}

describe('a citizen mobile number as the providers take it', () => {
  it.each([
    ['0912345678', '84912345678'],
    ['091 234 5678', '84912345678'],
    ['+84 912.345.678', '84912345678'],
    ['84368123456', '84368123456'],
    ['0084-868-123-456', '84868123456'],
  ])('reads %s as %s', (raw, expected) => {
    expect(parseVietnameseMobile(raw)).toBe(expected);
  });

  it.each([['02439876543'], ['091234567'], ['09123456789'], ['+14155550100'], ['not a number'], ['']])('refuses %s (a landline, a wrong length, a foreign number)', (raw) => {
    expect(parseVietnameseMobile(raw)).toBeUndefined();
  });
});

describe('citizen messages through Zalo ZNS and brand-name SMS', () => {
  it('sends the registered ZNS template with its parameters, the OA token and the number as 84…, and records it sent', async () => {
    // given
    const t = await setUp();
    await t.outbox.enqueue([received()]);
    // when
    const delivered = await t.deliverer.deliverOnce();
    // then
    expect(delivered).toBe(1);
    expect(t.zns!.received).toHaveLength(1);
    const [request] = t.zns!.received;
    expect(request!.headers.access_token).toBe(ZNS_TOKEN);
    expect(request!.body).toEqual({
      phone: '84912345678',
      template_id: '301001',
      template_data: { customer_name: 'Nguyễn Văn Đức', ma_ho_so: '000.00.64.H10-250303-0011', ngay_hen: '08:37 24/03/2025' },
      tracking_id: 'dossier-1:1:zns',
    });
    expect(t.sms!.received).toEqual([]);
    expect(await t.messages.listByDossier('dossier-1')).toEqual([
      { id: 'dossier-1:1:zns', entryId: 'dossier-1:1', dossierId: 'dossier-1', channel: 'zns', template: 'citizen.dossier.received', phone: '84******678', status: 'sent', providerMessageId: 'zns-msg-1', at: AT },
    ]);
  });

  it('records a ZNS error reply as a failed delivery with Zalo\'s message, dead at once, not delivered', async () => {
    // given Zalo refuses the template for this number
    const t = await setUp({ znsErrors: new Map([['84912345678', { error: -109, message: 'Template ID invalid' }]]), sms: false });
    await t.outbox.enqueue([received()]);
    // when
    const delivered = await t.deliverer.deliverOnce();
    // then
    expect(delivered).toBe(0);
    const [delivery] = await t.outbox.deliveries('dossier-1:1');
    expect(delivery).toMatchObject({ consumer: 'citizen-messages', status: 'dead', lastError: 'ZNS refused the message (-109: Template ID invalid)' });
    expect(await t.messages.get('dossier-1:1:zns')).toMatchObject({ status: 'failed', error: 'ZNS refused the message (-109: Template ID invalid)' });
  });

  it('falls back to the brand-name SMS, unaccented and signed with the gateway key, when the citizen has no Zalo account', async () => {
    // given
    const t = await setUp({ znsErrors: new Map([['84912345678', { error: -118, message: 'Zalo account not existed' }]]) });
    await t.outbox.enqueue([received()]);
    // when
    const delivered = await t.deliverer.deliverOnce();
    // then
    expect(delivered).toBe(1);
    expect(t.sms!.received).toHaveLength(1);
    expect(t.sms!.received[0]!.headers.authorization).toBe(`Bearer ${SMS_API_KEY}`);
    expect(t.sms!.received[0]!.body).toEqual({
      brandName: 'UBND HANOI',
      phone: '84912345678',
      text: 'Ho so 000.00.64.H10-250303-0011 da duoc tiep nhan, hen tra ket qua 08:37 24/03/2025. Tra cuu tai dichvucong.hanoi.gov.vn',
      requestId: 'dossier-1:1:sms',
    });
    const records = await t.messages.listByDossier('dossier-1');
    expect(records.map(({ channel, status, fallbackFrom, error }) => ({ channel, status, fallbackFrom, error }))).toEqual([
      { channel: 'sms', status: 'sent', fallbackFrom: 'zns', error: undefined },
      { channel: 'zns', status: 'failed', fallbackFrom: undefined, error: 'ZNS refused the message (-118: Zalo account not existed)' },
    ]);
  });

  it('does not fall back when the province turned the fallback off: the delivery is dead with the reason', async () => {
    const t = await setUp({ znsErrors: new Map([['84912345678', { error: -118, message: 'Zalo account not existed' }]]), fallbackToSms: false });
    await t.outbox.enqueue([received()]);
    await t.deliverer.deliverOnce();
    expect(t.sms!.received).toEqual([]);
    expect((await t.outbox.deliveries('dossier-1:1'))[0]).toMatchObject({ status: 'dead', lastError: 'ZNS cannot reach the citizen and no SMS fallback is configured' });
  });

  it('records the SMS gateway\'s error reply as a failed delivery', async () => {
    // given only SMS, and the gateway refuses the brand name
    const t = await setUp({ zns: false, smsCodes: new Map([['84912345678', { code: '104', message: 'Brandname khong ton tai' }]]) });
    await t.outbox.enqueue([received()]);
    // when
    await t.deliverer.deliverOnce();
    // then
    expect((await t.outbox.deliveries('dossier-1:1'))[0]).toMatchObject({ status: 'dead', lastError: 'The SMS gateway refused the message (104: Brandname khong ton tai)' });
    expect(await t.messages.get('dossier-1:1:sms')).toMatchObject({ status: 'failed', error: 'The SMS gateway refused the message (104: Brandname khong ton tai)' });
  });

  it('sends nothing again when a delivery the provider already took is retried', async () => {
    const t = await setUp();
    await t.consumer.deliver({ ...received(), attempt: 1 });
    await t.consumer.deliver({ ...received(), attempt: 2 });
    expect(t.zns!.received).toHaveLength(1);
  });

  it('refuses an SMS text over the brand-name length instead of cutting it, and sends nothing', async () => {
    const t = await setUp({ zns: false, maxLength: 100 });
    await expect(t.consumer.deliver({ ...received(), attempt: 1 })).rejects.toMatchObject({ permanent: true, message: 'The SMS text has 120 characters; the brand-name limit is 100' });
    expect(t.sms!.received).toEqual([]);
  });

  it('sends nothing through a channel the citizen turned off, records that, and uses SMS when only Zalo is off', async () => {
    // given the citizen turned Zalo off on the tracking page
    const t = await setUp();
    await t.messages.choose('dossier-1', { channel: 'zns', optedOut: true, at: AT - 1 });
    // when
    await t.consumer.deliver({ ...received(), attempt: 1 });
    // then
    expect(t.zns!.received).toEqual([]);
    expect(t.sms!.received).toHaveLength(1);
    expect((await t.messages.get('dossier-1:1:zns'))?.status).toBe('optedOut');

    // given then SMS too
    await t.messages.choose('dossier-1', { channel: 'sms', optedOut: true, at: AT });
    // when the next notification comes
    await t.consumer.deliver({ ...received('0912345678', 'result.ready', 2), attempt: 1 });
    // then nothing more reaches either provider
    expect(t.zns!.received).toEqual([]);
    expect(t.sms!.received).toHaveLength(1);
    expect((await t.messages.listByDossier('dossier-1')).filter((record) => record.entryId === 'dossier-1:2').map((record) => [record.channel, record.status])).toEqual([
      ['sms', 'optedOut'],
      ['zns', 'optedOut'],
    ]);
  });

  it('sends nothing to a dossier without a mobile number', async () => {
    const t = await setUp();
    await t.consumer.deliver({ ...received('02439876543'), attempt: 1 });
    expect(t.zns!.received).toEqual([]);
    expect(t.sms!.received).toEqual([]);
  });

  it('leaves citizens\' messages to the province\'s channels when a generic SMS gateway is configured too, so an opt-out cannot be bypassed', async () => {
    // given both the generic gateway (SMS_GATEWAY_URL) and the province's channels
    const t = await setUp();
    const consumers = createOutboxConsumers(parseOutboxConfig({ smsGatewayUrl: 'http://127.0.0.1:9/hook', webhookSecret: 'gateway-secret-0123456789' }), {
      citizenChannels: { config: channelsFor(t.zns, t.sms), messages: t.messages, clock: t.clock },
    });
    // then citizen notifications are taken only by the province's channels; officials' still by the gateway
    const official = createOutboxEntry({ dossierId: 'dossier-1', seq: 9, kind: 'notification.official', payload: { event: 'step.overdue', dossierCode: 'x' }, createdAt: AT });
    expect(consumers.filter((consumer) => consumer.accepts(received())).map((consumer) => consumer.name)).toEqual(['citizen-messages']);
    expect(consumers.filter((consumer) => consumer.accepts(official)).map((consumer) => consumer.name)).toEqual(['sms-gateway']);
  });
});
