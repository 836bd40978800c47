/**
 * The outbox console in a real browser against the whole server (issue 20 item 5): a webhook receiver on 127.0.0.1
 * refuses the first delivery, which the deliverer then marks dead (one attempt allowed); 45 minutes later the
 * dashboard and the console show the alert; the administrator replays the delivery from the console, the deliverer
 * takes it again, the receiver accepts it, and the console shows it delivered. The replay is in the audit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { createOutboxDeliverer, type OutboxDeliverer } from '../../../server/src/outbox/outbox-deliverer';
import { createWebhookConsumer } from '../../../server/src/outbox/webhook-consumer';
import { MemoryOutboxStore } from '../../../server/src/persistence/memory/memory-outbox-store';
import { chromiumAvailable, launchChromium } from '../../support/browser-launch';
import { startWorkspaceApp, workspaceFrontEndBuilt, type WorkspaceTestApp } from '../../support/browser-workspace-app';
import { signInThroughPage } from '../../support/browser-workspace-page';
import { startLocalReceiver, type LocalReceiver } from '../../server/outbox/local-receiver';
import { aProgressEntry } from '../../server/outbox/outbox-fixtures';

const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));
const runnable = chromiumAvailable() && workspaceFrontEndBuilt();
if (!runnable) console.log('skipped: no chromium at /usr/bin/chromium or modeler/dist not built (npm run build:modeler)');

describe.runIf(runnable)('the outbox console in a browser', () => {
  let app: WorkspaceTestApp;
  let receiver: LocalReceiver;
  let deliverer: OutboxDeliverer;
  let browser: Browser;
  let page: Page;
  let consumer: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    // A receiver that fails first and then accepts.
    receiver = await startLocalReceiver();
    let answered = 0;
    receiver.answer = () => (++answered === 1 ? 503 : 200);
    const webhook = createWebhookConsumer({ url: receiver.url, secret: 'webhook-secret-of-the-test' });
    consumer = webhook.name;
    const outbox = new MemoryOutboxStore([consumer]);
    app = await startWorkspaceApp({ outbox });
    deliverer = createOutboxDeliverer({ outbox, consumers: [webhook], clock: app.clock, owner: 'browser-test', backoff: { baseMs: 1_000, maxMs: 60_000, maxAttempts: 1, random: () => 0 } });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'vi-VN' });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 120_000);

  afterAll(async () => {
    await page?.screenshot({ path: `${screenshots}outbox-99-last-state.png` }).catch(() => undefined);
    if (pageErrors.length > 0) console.log('page errors:', pageErrors);
    await browser?.close();
    await app?.close();
    await receiver?.close();
  });

  it('shows a dead delivery with its error and the alert, and delivers it once the administrator replays it', async () => {
    // given a progress record whose delivery the receiver refused, dead after its one attempt, 45 minutes ago
    await app.outbox.enqueue([{ ...aProgressEntry('d1', 1), createdAt: app.clock.now() }]);
    expect(await deliverer.deliverOnce()).toBe(0);
    expect(receiver.received).toHaveLength(1);
    app.clock.advance(45 * 60_000);

    // when the administrator opens the dashboard, then the console
    await page.goto(`${app.url}/dashboard`);
    await signInThroughPage(page, 'admin');
    const card = page.locator('[data-section="outbox"]');
    await card.waitFor();
    expect(await card.locator(`tr[data-consumer="${consumer}"] td`).allTextContents()).toEqual([consumer, '0', '0', '1']);
    expect(await card.locator('[role="alert"]').textContent()).toContain(`Cảnh báo: ${consumer} gửi không thành công liên tục`);
    await page.screenshot({ path: `${screenshots}outbox-01-dashboard-alert-1280.png`, fullPage: true });
    await card.locator('a', { hasText: 'Mở hàng đợi gửi đi' }).click();
    await page.waitForURL(`${app.url}/outbox`);

    // then the console shows the consumer's dead delivery with the receiver's refusal, under the alert banner
    const consumerCard = page.locator(`.ob-consumer[data-consumer="${consumer}"]`);
    await consumerCard.waitFor();
    expect(await consumerCard.locator('[data-count="dead"] dd').textContent()).toBe('1');
    expect(await page.locator('.ob-page > .ob-alert').textContent()).toContain('quá 30 phút');
    const delivery = page.locator('.ob-delivery[data-entry="d1:1"]');
    expect(await delivery.getAttribute('data-state')).toBe('dead');
    expect(await delivery.locator('.ob-badge').textContent()).toBe('Thất bại');
    expect(await delivery.textContent()).toContain('503');
    await page.screenshot({ path: `${screenshots}outbox-02-console-dead-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 360, height: 780 });
    await page.screenshot({ path: `${screenshots}outbox-03-console-dead-360.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 1000 });

    // when the administrator replays it, and the deliverer's next round takes it to the receiver, which accepts now
    await delivery.locator('button', { hasText: 'Gửi lại' }).click();
    await page.locator('.ob-status', { hasText: 'Đã đưa bản tin d1:1 vào hàng đợi để gửi lại' }).waitFor();
    expect(await deliverer.deliverOnce()).toBe(1);
    await page.locator('button', { hasText: 'Làm mới' }).click();

    // then the console shows it delivered, nothing dead, no alert
    await page.locator('.ob-delivery[data-entry="d1:1"][data-state="delivered"]').waitFor();
    expect(await page.locator('.ob-delivery[data-entry="d1:1"] .ob-badge').textContent()).toBe('Đã gửi');
    expect(await consumerCard.locator('[data-count="dead"] dd').textContent()).toBe('0');
    expect(await page.locator('.ob-alert').count()).toBe(0);
    expect(receiver.received.map((request) => request.headers['x-lienthong-delivery'])).toEqual(['d1:1', 'd1:1']);
    await page.screenshot({ path: `${screenshots}outbox-04-console-delivered-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 360, height: 780 });
    await page.screenshot({ path: `${screenshots}outbox-05-console-delivered-360.png`, fullPage: true });

    // and the replay is in the audit of administration, by the administrator, with the delivery before and after
    const audit = await app.call<{ items: { action: string; actorId: string; before: { status: string }; after: { status: string } }[] }>('admin', 'GET', '/api/audit?action=outbox.replayed');
    expect(audit.body.items).toEqual([expect.objectContaining({ action: 'outbox.replayed', actorId: 'u-admin', before: expect.objectContaining({ status: 'dead' }), after: expect.objectContaining({ status: 'pending', attempts: 0 }) })]);
    expect(pageErrors).toEqual([]);
  });
});
