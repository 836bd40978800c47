/**
 * Online fees in a real browser against the whole server and a stand-in VNPAY-style gateway: the citizen looks the
 * dossier up (status 6), sees the fee and "Nộp phí trực tuyến", is sent to the gateway's page, pays, and comes back
 * to a Vietnamese return page saying the fee is paid, the dossier having resumed on the gateway's IPN. A return
 * address with a forged signature says so and changes nothing. Screenshots at 360 px wide.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../../support/browser-launch';
import { startWorkspaceApp, workspaceFrontEndBuilt, type WorkspaceTestApp } from '../../support/browser-workspace-app';
import { seedWorkingDay, type WorkspaceSeed } from '../../support/browser-workspace-seed';
import { MemoryPaymentOrderStore } from '../../../server/src/persistence/memory/memory-payment-order-store';
import { VnpayGateway } from '../../../server/src/payments/vnpay-gateway';
import { createSimulatedClock } from '../../support/test-app';
import { startStandInGateway, type StandInGateway } from '../../server/payments/stand-in-gateway';

const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));
const runnable = chromiumAvailable() && workspaceFrontEndBuilt();
if (!runnable) console.log('skipped: no chromium at /usr/bin/chromium or modeler/dist not built (npm run build:modeler)');

const MERCHANT = 'LIENTHNG';
const SECRET = 'bi-mat-cua-cong-thanh-toan-0123456789';

describe.runIf(runnable)('paying a dossier\'s fee online in a browser', () => {
  let app: WorkspaceTestApp;
  let gateway: StandInGateway;
  let seed: WorkspaceSeed;
  let browser: Browser;
  let page: Page;
  const orders = new MemoryPaymentOrderStore();

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    const clock = createSimulatedClock(Date.UTC(2025, 2, 3, 1, 37));
    let appUrl = '';
    gateway = await startStandInGateway({ merchantCode: MERCHANT, secret: SECRET, ipnUrl: () => `${appUrl}/api/payments/vnpay/ipn`, now: clock.now });
    const adapter = new VnpayGateway({ merchantCode: MERCHANT, secret: SECRET, paymentUrl: gateway.paymentUrl, apiUrl: gateway.apiUrl, clock });
    app = await startWorkspaceApp({ clock, payments: { orders, gateway: adapter } });
    appUrl = app.url;
    seed = await seedWorkingDay(app);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 360, height: 780 }, locale: 'vi-VN' });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await gateway?.close();
  });

  it('takes the citizen from "Nộp phí trực tuyến" to the gateway and back to a return page saying the fee is paid, the dossier resumed', async () => {
    // given a dossier at the Department of Finance asked to pay 1.200.000 đồng
    const dossier = seed.atFinance;
    const asked = await app.call<{ status: number }>('official.motcua', 'POST', `/api/dossiers/${dossier.id}/fee-requests`, { amount: 1_200_000, reason: 'Phí thẩm định hồ sơ' });
    expect(asked.body.status).toBe(6);

    // when the citizen looks it up on a phone
    await page.goto(`${app.url}/lookup`);
    await page.locator('input[name="code"]').fill(dossier.dossierCode);
    await page.locator('input[name="idNumber"]').fill(dossier.applicant.idNumber);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    // then the fee is shown with the button
    const fee = page.locator('.portal-fee');
    await fee.waitFor();
    expect(await fee.textContent()).toContain('1.200.000 đồng');
    expect(await fee.textContent()).toContain('Phí thẩm định hồ sơ');
    await fee.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${screenshots}workspaces-40-online-fee.png`, fullPage: true });

    // when they press "Nộp phí trực tuyến", they are on the gateway's page
    await page.getByRole('button', { name: 'Nộp phí trực tuyến' }).click();
    await page.waitForURL(`${gateway.url}/**`);
    expect(await page.locator('#amount').textContent()).toBe('1.200.000 đ');
    // and when they pay there, the gateway notifies the server and sends them back
    await page.getByRole('button', { name: 'Thanh toán' }).click();
    await page.waitForURL(`${app.url}/lookup/payment-return?**`);
    const outcome = page.locator('.portal-payment-outcome');
    await outcome.waitFor();

    // then the return page says it in Vietnamese, with the dossier code and the gateway's transaction
    const transactionNo = [...gateway.orders.values()][0]!.transactionNo!;
    expect(await outcome.textContent()).toContain('Ông/Bà đã nộp phí thành công. Hồ sơ được tiếp tục xử lý.');
    expect(await outcome.textContent()).toContain(dossier.dossierCode);
    expect(await outcome.textContent()).toContain(`VNPAY ${transactionNo}`);
    await page.screenshot({ path: `${screenshots}workspaces-41-payment-return.png`, fullPage: true });
    // and the dossier resumed (4) on the IPN, which came before the browser returned
    expect(gateway.ipnAnswers.map((sent) => sent.answer)).toEqual([{ RspCode: '00', Message: 'Confirm Success' }]);
    const lookup = await app.call<{ status: number }>(undefined, 'GET', `/api/lookup?code=${dossier.dossierCode}&idNumber=${dossier.applicant.idNumber}`);
    expect(lookup.body.status).toBe(4);

    // when the citizen follows the link back, the dossier is in process and no fee is asked any more
    await page.getByRole('link', { name: 'Xem hồ sơ' }).click();
    await page.locator('input[name="idNumber"]').fill(dossier.applicant.idNumber);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.locator('.ws-lookup-status').waitFor();
    expect(await page.locator('.ws-lookup-status').textContent()).toBe('Tình trạng: Đang xử lý');
    expect(await page.locator('.portal-fee').count()).toBe(0);
  });

  it('says a return address with a forged signature is not valid, and marks nothing paid', async () => {
    // given the parameters of a genuine return with the amount changed after signing
    const [order] = [...gateway.orders.values()];
    const forged = { ...gateway.callbackParams(order!.txnRef), vnp_Amount: '100' };
    const before = await orders.listByDossier(seed.atFinance.id);
    // when a browser opens the return page with them
    await page.goto(`${app.url}/lookup/payment-return?${new URLSearchParams(forged)}`);
    const refused = page.locator('.portal-banner-error');
    await refused.waitFor();
    // then the page says the result is not valid and the orders are as they were
    expect(await refused.textContent()).toBe('Kết quả thanh toán này không hợp lệ (không có chữ ký đúng của cổng thanh toán). Hồ sơ không thay đổi.');
    expect(await orders.listByDossier(seed.atFinance.id)).toEqual(before);
    await page.screenshot({ path: `${screenshots}workspaces-42-payment-return-forged.png`, fullPage: true });
  });
});
