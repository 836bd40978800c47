/**
 * Online fees (issue 20 item 3) on the real MongoDB protocol (MONGODB_URI, else the embedded database: a real mongod
 * when one is found, else the bundled emulator), the server on a socket and a stand-in VNPAY-style gateway beside it:
 * the citizen pays from the lookup's token, the gateway's IPN resumes the dossier from status 6; forged, replayed and
 * mismatched callbacks are refused and change nothing; the reconciliation job finds a payment whose IPN was lost;
 * a paid dossier whose processing is stopped gets its fee back through the gateway.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from 'mongoose';
import { connectMongoose } from '../../../server/src/persistence/mongo/connect-mongoose';
import { createMongoStores } from '../../../server/src/persistence/mongo/create-mongo-stores';
import { createMongoOutboxStore } from '../../../server/src/persistence/mongo/mongo-outbox-store';
import { createMongoPaymentOrderStore } from '../../../server/src/persistence/mongo/mongo-payment-order-store';
import { startDatabase, type RunningDatabase } from '../../../server/src/persistence/mongo/start-database';
import { VnpayGateway } from '../../../server/src/payments/vnpay-gateway';
import type { PaymentOrderStore } from '../../../server/src/payments/payment-order-store';
import { createPaymentReconciler } from '../../../server/src/payments/payment-reconciler';
import { createRefusalRefundConsumer, REFUND_CONSUMER } from '../../../server/src/payments/refusal-refund-consumer';
import type { OutboxStore } from '../../../server/src/outbox/outbox-store';
import { fixedCalendarSource } from '../../../server/src/dossiers/timekeeping';
import { createSimulatedClock } from '../../support/test-app';
import type { Stores } from '../../../server/src/stores';
import { APPLICANT, call, createDossierTestApp, receive, type TestApp } from '../dossiers/dossier-fixture';
import { startStandInGateway, type StandInGateway } from './stand-in-gateway';

const MERCHANT = 'LIENTHNG';
const SECRET = 'bi-mat-cua-cong-thanh-toan-0123456789';
const FEE = 500_000;

let database: RunningDatabase | undefined;
let connection: Connection | undefined;

beforeAll(async () => {
  database = await startDatabase({ uri: process.env.MONGODB_URI, logger: { info: () => undefined, warn: () => undefined } });
  console.log(`[payments] mongoose adapter on ${database.backend}`);
  connection = await connectMongoose(database.uri);
}, 90_000);

afterAll(async () => {
  await connection?.close();
  await database?.stop();
}, 60_000);

interface World {
  t: TestApp;
  gateway: StandInGateway;
  payments: PaymentOrderStore;
  outbox: OutboxStore;
  appUrl: string;
  close(): Promise<void>;
}

/** A fresh database, the app on a socket with the adapter pointed at a fresh stand-in gateway. */
async function world(options: { failDossierWrites?: () => boolean } = {}): Promise<World> {
  const db = connection!.useDb(`payments-${randomUUID().slice(0, 8)}`, { useCache: false });
  const mongo = await createMongoStores(db);
  // Optionally, a dossier write that fails inside the unit of work (after the order was written in it).
  const stores: Stores = {
    ...mongo,
    transaction: (work) =>
      mongo.transaction((tx) =>
        work({
          ...tx,
          dossiers: Object.assign(Object.create(tx.dossiers) as Stores['dossiers'], {
            update: async (record: Parameters<Stores['dossiers']['update']>[0]) => {
              if (options.failDossierWrites?.()) throw new Error('the database went away');
              return tx.dossiers.update(record);
            },
          }),
        }),
      ),
  };
  const outbox = await createMongoOutboxStore(db, { consumers: ['test', REFUND_CONSUMER] });
  const payments = await createMongoPaymentOrderStore(db);
  const clock = createSimulatedClock(Date.UTC(2025, 2, 3, 1, 37));
  let appUrl = '';
  const gateway = await startStandInGateway({ merchantCode: MERCHANT, secret: SECRET, ipnUrl: () => `${appUrl}/api/payments/vnpay/ipn`, now: clock.now });
  const adapter = new VnpayGateway({ merchantCode: MERCHANT, secret: SECRET, paymentUrl: gateway.paymentUrl, apiUrl: gateway.apiUrl, clock });
  const t = await createDossierTestApp({ stores, outbox, clock, calendars: fixedCalendarSource(), deploy: true, payments: { orders: payments, gateway: adapter, returnUrl: 'http://127.0.0.1:1/lookup/payment-return' } });
  const server: ServerType = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    t,
    gateway,
    payments,
    outbox,
    appUrl,
    async close() {
      await gateway.close();
      await new Promise((resolve) => server.close(resolve));
      await db.dropDatabase().catch(() => undefined);
    },
  };
}

/** A dossier received at the counter and asked to pay FEE (status 6), with the citizen's token from the lookup. */
async function awaitingFees(w: World): Promise<{ id: string; code: string; token: string }> {
  const dossier = await receive(w.t);
  const asked = await call(w.t, 'official.motcua', 'POST', `/api/dossiers/${dossier.id}/fee-requests`, { amount: FEE, reason: 'Lệ phí đăng ký' });
  expect(asked.body.status, JSON.stringify(asked.body)).toBe(6);
  const lookup = await call<{ status: number; citizenToken?: { token: string } }>(w.t, undefined, 'GET', `/api/lookup?code=${encodeURIComponent(dossier.dossierCode)}&idNumber=${APPLICANT.idNumber}`);
  expect(lookup.body.status).toBe(6);
  return { id: dossier.id, code: dossier.dossierCode, token: lookup.body.citizenToken!.token };
}

interface Started {
  orderId: string;
  amount: number;
  redirectUrl: string;
}

async function startPaying(w: World, dossier: { id: string; token: string }): Promise<Started> {
  const started = await call<Started>(w.t, undefined, 'POST', `/api/citizen/dossiers/${dossier.id}/payments`, undefined, { 'x-citizen-token': dossier.token });
  expect(started.status).toBe(201);
  // the citizen's browser opens the gateway's page
  const page = await fetch(started.body.redirectUrl);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('500.000 đ');
  return started.body;
}

/** The citizen presses "Thanh toán" on the gateway's page: the gateway notifies us, then redirects the browser. */
async function payAtGateway(w: World, orderId: string, choice: 'pay' | 'cancel' = 'pay'): Promise<URL> {
  const response = await fetch(`${w.gateway.url}/paymentv2/pay`, { method: 'POST', body: new URLSearchParams({ txnRef: orderId, choice }), redirect: 'manual' });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location')!);
}

async function snapshot(w: World, dossierId: string) {
  return {
    dossier: await w.t.stores.dossiers.get(dossierId),
    progress: await w.t.stores.progress.listByDossier(dossierId),
    audit: await w.t.stores.audit.listByDossier(dossierId),
    orders: await w.payments.listByDossier(dossierId),
    outbox: await w.outbox.listByDossier(dossierId),
  };
}

const ipn = (w: World, params: Record<string, string>) => w.gateway.sendIpn(params);
const returnOf = (w: World, params: Record<string, string>) => call(w.t, undefined, 'GET', `/api/payments/return?${new URLSearchParams(params)}`);

describe('online fees through a VNPAY-style gateway', () => {
  it('resumes the dossier from status 6 on the verified IPN alone, naming the gateway transaction in the progress record and the audit', { timeout: 120_000 }, async () => {
    const w = await world();
    try {
      // given a dossier waiting for its fee and the citizen on the gateway's page
      const dossier = await awaitingFees(w);
      const started = await startPaying(w, dossier);
      expect(started.amount).toBe(FEE);
      const asked = new URL(started.redirectUrl).searchParams;
      expect(asked.get('vnp_Amount')).toBe(String(FEE * 100));
      expect(asked.get('vnp_TmnCode')).toBe(MERCHANT);

      // when the citizen pays: the gateway's IPN reaches the server before the browser comes back
      const back = await payAtGateway(w, started.orderId);
      const transactionNo = w.gateway.orders.get(started.orderId)!.transactionNo!;

      // then the IPN was confirmed and the dossier is back in process (4), before any return page was shown
      expect(w.gateway.ipnAnswers.at(-1)!.answer).toEqual({ RspCode: '00', Message: 'Confirm Success' });
      const after = await snapshot(w, dossier.id);
      expect(after.dossier!.status).toBe(4);
      const progress = after.progress.at(-1)!;
      expect(progress).toMatchObject({ status: 4, previousStatus: 6, action: 'fees.paid', actorId: 'gateway:vnpay' });
      expect(progress.note).toContain(transactionNo);
      expect(after.audit.find((record) => record.action === 'fees.paid')!.details).toMatchObject({ amount: FEE, note: expect.stringContaining(transactionNo) });
      expect(after.orders).toMatchObject([{ id: started.orderId, status: 'paid', applied: true, transaction: { transactionNo, via: 'ipn', responseCode: '00' } }]);

      // and the return page, loaded with what the gateway sent the browser back with, shows it paid and changes nothing
      expect(`${back.origin}${back.pathname}`).toBe('http://127.0.0.1:1/lookup/payment-return');
      const shown = await returnOf(w, Object.fromEntries(back.searchParams));
      expect(shown.status).toBe(200);
      expect(shown.body).toMatchObject({ outcome: 'paid', dossierCode: dossier.code, amount: FEE, transactionNo, gateway: 'VNPAY' });
      expect(await snapshot(w, dossier.id)).toEqual(after);

      // and the officials of the dossier see the order, the transaction and how it reached us; another agency's do not
      const seen = await call<{ items: unknown[] }>(w.t, 'official.motcua', 'GET', `/api/dossiers/${dossier.id}/payments`);
      expect(seen.body.items).toMatchObject([{ orderId: started.orderId, amount: FEE, outcome: 'paid', transactionNo, via: 'ipn', applied: true }]);
      expect((await call(w.t, 'official.hotich', 'GET', `/api/dossiers/${dossier.id}/payments`)).status).toBe(403);
      expect((await call(w.t, undefined, 'GET', `/api/dossiers/${dossier.id}/payments`)).status).toBe(401);
    } finally {
      await w.close();
    }
  });

  it('refuses forged, mismatched and replayed callbacks with the gateway\'s codes and RFC 9457 problems, changing nothing in the store', { timeout: 120_000 }, async () => {
    const w = await world();
    try {
      // given a dossier whose citizen has opened the gateway's page and paid there, the IPN not yet delivered
      const dossier = await awaitingFees(w);
      const started = await startPaying(w, dossier);
      w.gateway.payQuietly(started.orderId);
      const before = await snapshot(w, dossier.id);
      const genuine = w.gateway.callbackParams(started.orderId);

      // when forged callbacks arrive: another key, a field changed after signing, another merchant, no signature
      const forged = [
        w.gateway.callbackParams(started.orderId, {}, { secret: 'khoa-gia-mao-0123456789' }),
        { ...genuine, vnp_Amount: String(FEE * 100 * 2) },
        { ...genuine, vnp_ResponseCode: '00', vnp_TxnRef: `${started.orderId}x` },
        w.gateway.callbackParams(started.orderId, { vnp_TmnCode: 'KHACMERC' }),
        Object.fromEntries(Object.entries(genuine).filter(([name]) => name !== 'vnp_SecureHash')),
      ];
      for (const params of forged) {
        // then the IPN answers 97 and the return page a problem
        expect(await ipn(w, params)).toEqual({ RspCode: '97', Message: 'Invalid Checksum' });
        const refused = await returnOf(w, params);
        expect(refused.status).toBe(400);
        expect(refused.body).toMatchObject({ status: 400, code: 'PAYMENT_SIGNATURE_INVALID', title: 'Chữ ký của cổng thanh toán không hợp lệ' });
      }
      // when correctly signed callbacks name another amount or an order we never made
      const wrongAmount = w.gateway.callbackParams(started.orderId, { vnp_Amount: String((FEE - 1) * 100) });
      const wrongOrder = w.gateway.callbackParams('khongcodon0001', { vnp_Amount: String(FEE * 100) });
      expect(await ipn(w, wrongAmount)).toEqual({ RspCode: '04', Message: 'Invalid amount' });
      expect(await ipn(w, wrongOrder)).toEqual({ RspCode: '01', Message: 'Order not found' });
      const mismatched = await w.t.app.request(`/api/payments/return?${new URLSearchParams(wrongAmount)}`);
      expect(mismatched.status).toBe(422);
      expect(mismatched.headers.get('content-type')).toContain('application/problem+json');
      expect(await mismatched.json()).toMatchObject({ code: 'PAYMENT_AMOUNT_MISMATCH' });
      expect((await returnOf(w, wrongOrder)).body).toMatchObject({ status: 404, code: 'PAYMENT_ORDER_NOT_FOUND' });
      // then nothing changed: the dossier, its progress, audit, outbox and the order are as they were
      expect(await snapshot(w, dossier.id)).toEqual(before);

      // when the genuine IPN comes, and then again (a replay), and again through the return URL
      expect(await ipn(w, genuine)).toEqual({ RspCode: '00', Message: 'Confirm Success' });
      const paid = await snapshot(w, dossier.id);
      expect(paid.dossier!.status).toBe(4);
      expect(await ipn(w, genuine)).toEqual({ RspCode: '02', Message: 'Order already confirmed' });
      expect((await returnOf(w, genuine)).body).toMatchObject({ outcome: 'paid' });
      // then the replays changed nothing: the dossier was resumed once, with one progress record of the payment
      expect(await snapshot(w, dossier.id)).toEqual(paid);
      expect(paid.progress.filter((entry) => entry.action === 'fees.paid')).toHaveLength(1);
    } finally {
      await w.close();
    }
  });

  it('leaves the order pending and the dossier waiting when the unit of work fails after writing the order, and pays on the gateway\'s next IPN', { timeout: 120_000 }, async () => {
    let failing = false;
    const w = await world({ failDossierWrites: () => failing });
    try {
      // given a citizen who paid at the gateway
      const dossier = await awaitingFees(w);
      const started = await startPaying(w, dossier);
      w.gateway.payQuietly(started.orderId);
      const before = await snapshot(w, dossier.id);
      // when the IPN's unit of work fails at the dossier's write, after the order was marked paid in it
      failing = true;
      expect(await ipn(w, w.gateway.callbackParams(started.orderId))).toEqual({ RspCode: '99', Message: 'Unknown error' });
      // then the order's change rolled back with it: still pending, nothing else written
      expect(await snapshot(w, dossier.id)).toEqual(before);
      // and the gateway's next attempt pays it
      failing = false;
      expect(await ipn(w, w.gateway.callbackParams(started.orderId))).toEqual({ RspCode: '00', Message: 'Confirm Success' });
      expect((await snapshot(w, dossier.id)).orders[0]).toMatchObject({ status: 'paid', applied: true });
    } finally {
      await w.close();
    }
  });

  it('finds a payment whose IPN was lost once the order has been pending for the set time, and closes an order the citizen never paid', { timeout: 120_000 }, async () => {
    const w = await world();
    try {
      // given two dossiers waiting for fees: the first citizen paid but the gateway's IPN was lost, the second left
      const paidButLost = await awaitingFees(w);
      const lost = await startPaying(w, paidButLost);
      const transactionNo = w.gateway.payQuietly(lost.orderId).transactionNo!;
      const neverPaid = await awaitingFees(w);
      const abandoned = await startPaying(w, neverPaid);
      const deps = { ...w.t, newId: randomUUID, outbox: w.outbox, payments: w.payments, gateway: new VnpayGateway({ merchantCode: MERCHANT, secret: SECRET, paymentUrl: w.gateway.paymentUrl, apiUrl: w.gateway.apiUrl, clock: w.t.clock }) };
      const reconciler = createPaymentReconciler({ ...deps, pendingForMs: 15 * 60_000 });

      // when the job runs before the orders have waited 15 minutes, nothing is asked
      w.t.clock.advance(10 * 60_000);
      expect(await reconciler.runOnce()).toMatchObject({ checked: 0, paid: 0 });
      expect((await w.t.stores.dossiers.get(paidButLost.id))!.status).toBe(6);

      // when it runs after 16 minutes
      w.t.clock.advance(6 * 60_000);
      expect(await reconciler.runOnce()).toMatchObject({ checked: 2, paid: 1, expired: 0, errors: 0 });
      // then the paid dossier resumed, its progress naming the gateway's transaction, as its IPN would have
      const resumed = await snapshot(w, paidButLost.id);
      expect(resumed.dossier!.status).toBe(4);
      expect(resumed.progress.at(-1)!.note).toContain(transactionNo);
      expect(resumed.orders[0]).toMatchObject({ status: 'paid', transaction: { via: 'reconciliation', transactionNo } });
      expect((await w.payments.get(abandoned.orderId))!.status).toBe('pending');

      // when the lost IPN finally arrives, it is a replay
      expect(await ipn(w, w.gateway.callbackParams(lost.orderId))).toEqual({ RspCode: '02', Message: 'Order already confirmed' });
      // and once the abandoned order's window at the gateway has passed, it is closed and the dossier still waits
      w.t.clock.advance(30 * 60_000);
      expect(await reconciler.runOnce()).toMatchObject({ checked: 1, expired: 1 });
      expect((await w.payments.get(abandoned.orderId))!.status).toBe('expired');
      expect((await w.t.stores.dossiers.get(neverPaid.id))!.status).toBe(6);
      expect(await snapshot(w, paidButLost.id)).toEqual(resumed);
      // and if the gateway then says that order was paid after all, the money is not kept without effect: it pays the fee
      w.gateway.payQuietly(abandoned.orderId);
      expect(await ipn(w, w.gateway.callbackParams(abandoned.orderId))).toEqual({ RspCode: '00', Message: 'Confirm Success' });
      expect((await w.t.stores.dossiers.get(neverPaid.id))!.status).toBe(4);
      expect(await w.payments.get(abandoned.orderId)).toMatchObject({ status: 'paid', applied: true });
    } finally {
      await w.close();
    }
  });

  it('asks the gateway to refund a paid fee when the dossier\'s processing is stopped, once, and refunds a payment that came after the official recorded the fee by hand', { timeout: 120_000 }, async () => {
    const w = await world();
    try {
      const gateway = new VnpayGateway({ merchantCode: MERCHANT, secret: SECRET, paymentUrl: w.gateway.paymentUrl, apiUrl: w.gateway.apiUrl, clock: w.t.clock });
      const consumer = createRefusalRefundConsumer({ payments: w.payments, gateway, clock: w.t.clock });
      // given a dossier whose fee was paid online
      const dossier = await awaitingFees(w);
      const started = await startPaying(w, dossier);
      await payAtGateway(w, started.orderId);
      const transactionNo = w.gateway.orders.get(started.orderId)!.transactionNo!;

      // when an official stops its processing (status 8, not eligible) and the outbox delivers the status change
      const stopped = await call(w.t, 'official.motcua', 'POST', `/api/dossiers/${dossier.id}/stop`, { reason: 'Không đủ điều kiện' });
      expect(stopped.body.status).toBe(8);
      const entries = (await w.outbox.listByDossier(dossier.id)).filter((entry) => consumer.accepts(entry));
      expect(entries).toHaveLength(1);
      for (const entry of entries) await consumer.deliver({ ...entry, attempt: 1 });
      // then the gateway was asked once for the whole amount of that transaction, and the order records it
      expect(w.gateway.refunds).toEqual([{ txnRef: started.orderId, amountMinor: FEE * 100, transactionNo, createBy: 'lien-thong' }]);
      expect(await w.payments.get(started.orderId)).toMatchObject({ status: 'paid', refund: { status: 'refunded', attempts: 1, reason: expect.stringContaining('dừng xử lý') } });
      // and delivering the entry again (at least once) asks nothing more
      for (const entry of entries) await consumer.deliver({ ...entry, attempt: 2 });
      expect(w.gateway.refunds).toHaveLength(1);

      // given another dossier whose fee the official records by hand while the citizen is on the gateway's page
      const other = await awaitingFees(w);
      const late = await startPaying(w, other);
      expect((await call(w.t, 'official.motcua', 'POST', `/api/dossiers/${other.id}/fee-payments`, { amount: FEE, note: 'Nộp tại quầy' })).body.status).toBe(4);
      const before = await snapshot(w, other.id);
      // when the citizen pays anyway
      await payAtGateway(w, late.orderId);
      // then the IPN is confirmed, the dossier is left as it was, and the money is given back
      expect(w.gateway.ipnAnswers.at(-1)!.answer).toMatchObject({ RspCode: '00' });
      const after = await snapshot(w, other.id);
      expect(after.dossier).toEqual(before.dossier);
      expect(after.progress).toEqual(before.progress);
      expect(after.orders[0]).toMatchObject({ status: 'paid', applied: false, refund: { status: 'refunded' } });
      expect(w.gateway.refunds.map((refund) => refund.txnRef)).toEqual([started.orderId, late.orderId]);
    } finally {
      await w.close();
    }
  });

  it('lets the citizen pay only while the dossier waits for fees, and only with the dossier\'s own token', { timeout: 120_000 }, async () => {
    const w = await world();
    try {
      const dossier = await awaitingFees(w);
      const other = await awaitingFees(w);
      // a token of another dossier, or none, is refused before anything is created
      expect((await call(w.t, undefined, 'POST', `/api/citizen/dossiers/${dossier.id}/payments`, undefined, { 'x-citizen-token': other.token })).status).toBe(401);
      expect((await call(w.t, undefined, 'POST', `/api/citizen/dossiers/${dossier.id}/payments`)).status).toBe(401);
      expect(await w.payments.listByDossier(dossier.id)).toEqual([]);
      // the fee awaited is shown, and clicking twice uses one order
      const due = await call<{ fee: { amount: number; reason: string } }>(w.t, undefined, 'GET', `/api/citizen/dossiers/${dossier.id}/payments`, undefined, { 'x-citizen-token': dossier.token });
      expect(due.body.fee).toMatchObject({ amount: FEE, reason: 'Lệ phí đăng ký' });
      const first = await startPaying(w, dossier);
      const second = await startPaying(w, dossier);
      expect(second.orderId).toBe(first.orderId);
      // once paid, the dossier no longer takes a payment
      await payAtGateway(w, first.orderId);
      const again = await call(w.t, undefined, 'POST', `/api/citizen/dossiers/${dossier.id}/payments`, undefined, { 'x-citizen-token': dossier.token });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'FEES_NOT_AWAITED' });
    } finally {
      await w.close();
    }
  });
});
