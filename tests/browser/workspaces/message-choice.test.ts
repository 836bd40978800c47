/**
 * The tracking page's message choice in a real browser at 360 px (issue 20 item 6): a citizen who looked up their
 * dossier sees the province's channels (Zalo, SMS) with the masked number they go to, turns Zalo off, and from then
 * on the dossier's messages reach the stand-in Zalo API no more while the SMS gateway still gets them; the choice
 * is still there at the next lookup. The official at the counter then reads on the dossier page what became of each
 * message, the gateway's signed delivery report included.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createCitizenMessageConsumer } from '../../../server/src/outbox/citizen-message-consumer';
import { createOutboxDeliverer } from '../../../server/src/outbox/outbox-deliverer';
import { MemoryCitizenMessageStore } from '../../../server/src/persistence/memory/memory-citizen-message-store';
import { MemoryOutboxStore } from '../../../server/src/persistence/memory/memory-outbox-store';
import { chromiumAvailable, launchChromium } from '../../support/browser-launch';
import { startWorkspaceApp, workspaceFrontEndBuilt, type WorkspaceTestApp } from '../../support/browser-workspace-app';
import { signInThroughPage } from '../../support/browser-workspace-page';
import { seedWorkingDay, type WorkspaceSeed } from '../../support/browser-workspace-seed';
import { channelsFor, startSmsStandIn, startZnsStandIn, type StandIn } from '../../server/messages/channel-stand-ins';

const runnable = chromiumAvailable() && workspaceFrontEndBuilt();
if (!runnable) console.log('skipped: no chromium at /usr/bin/chromium or modeler/dist not built (npm run build:modeler)');

describe.runIf(runnable)('the tracking page\'s message choice in a browser', () => {
  let app: WorkspaceTestApp;
  let seed: WorkspaceSeed;
  let browser: Browser;
  let page: Page;
  let zns: StandIn;
  let sms: StandIn;
  const messages = new MemoryCitizenMessageStore();
  const outbox = new MemoryOutboxStore(['citizen-messages']);

  beforeAll(async () => {
    zns = await startZnsStandIn();
    sms = await startSmsStandIn();
    app = await startWorkspaceApp({ outbox, citizenChannels: channelsFor(zns, sms), citizenMessages: messages });
    seed = await seedWorkingDay(app);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await zns?.close();
    await sms?.close();
  });

  const lookUp = async (code: string, idNumber: string) => {
    await page.goto(`${app.url}/lookup`);
    await page.locator('input[name="code"]').fill(code);
    await page.locator('input[name="idNumber"]').fill(idNumber);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.locator('.lookup-notifications').waitFor();
  };

  it('turns Zalo off for the dossier on a phone, after which its messages go by SMS only, and keeps the choice', async () => {
    // given a dossier the citizen looks up on a 360 px phone
    const dossier = seed.atFinance;
    await lookUp(dossier.dossierCode, dossier.applicant.idNumber);
    const card = page.locator('.lookup-notifications');
    expect(await card.locator('h3').textContent()).toBe('Nhận tin nhắn về hồ sơ');
    expect(await card.locator('p').first().textContent()).toBe('Tin nhắn về hồ sơ này được gửi đến số 0******678.');
    const zalo = card.getByRole('switch', { name: 'Tin nhắn Zalo' });
    expect(await zalo.isChecked()).toBe(true);
    expect(await card.getByRole('switch', { name: 'Tin nhắn SMS' }).isChecked()).toBe(true);

    // when they turn Zalo off
    await zalo.uncheck();
    await card.getByText('Đã lưu lựa chọn của Ông/Bà.').waitFor();

    // then the switch says so, the page fits the phone, and the server recorded the choice for this dossier only
    expect(await card.locator('[data-channel="zns"] .lookup-channel-state').textContent()).toBe('Đã tắt');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/msg-lookup-choice-360.png', fullPage: true });
    expect(await messages.optedOut(dossier.id)).toEqual(['zns']);
    expect(await messages.optedOut(seed.overdue.id)).toEqual([]);

    // and when the outbox delivers the dossier's notifications, Zalo gets none of them and the SMS gateway does
    const consumer = createCitizenMessageConsumer({ config: channelsFor(zns, sms), messages, clock: app.clock });
    const deliverer = createOutboxDeliverer({ outbox, consumers: [consumer], clock: app.clock, owner: 'browser-test' });
    while ((await deliverer.deliverOnce()) > 0);
    const ofDossier = (requests: StandIn['received'], field: string) => requests.filter((request) => String(request.body[field]).startsWith(`${dossier.id}:`));
    expect(ofDossier(zns.received, 'tracking_id')).toEqual([]);
    expect(ofDossier(sms.received, 'requestId').length).toBeGreaterThan(0);
    // (the other dossiers of the day, whose citizens left Zalo on, did reach it)
    expect(zns.received.length).toBeGreaterThan(0);

    // and the next lookup shows the choice as it was left
    await lookUp(dossier.dossierCode, dossier.applicant.idNumber);
    expect(await page.locator('.lookup-notifications').getByRole('switch', { name: 'Tin nhắn Zalo' }).isChecked()).toBe(false);
  });

  it('shows the official on the dossier page each message, its channel and its receipt', async () => {
    // given the gateway's signed report that the dossier's SMS reached the phone
    const dossier = seed.atFinance;
    const sent = (await messages.listByDossier(dossier.id)).find((message) => message.channel === 'sms' && message.status === 'sent')!;
    const report = JSON.stringify({ requestId: sent.id, messageId: sent.providerMessageId, status: 'delivered' });
    const signature = `sha256=${createHmac('sha256', 'sms-receipt-secret-0123456789').update(report).digest('hex')}`;
    const answer = await fetch(`${app.url}/api/message-receipts/sms`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': signature }, body: report });
    expect(await answer.json()).toEqual({ outcome: 'recorded' });
    // when the counter's official opens the dossier on a phone
    await page.goto(`${app.url}/inbox/dossiers/${encodeURIComponent(dossier.id)}`);
    await signInThroughPage(page, 'official.motcua');
    const card = page.locator('[data-section="messages"]');
    await card.waitFor();
    // then each message says what it was about, its channel and what became of it
    const received = card.locator('tr[data-channel="sms"]').first();
    expect(await received.textContent()).toContain('Đã tiếp nhận hồ sơTin nhắn SMS (thay cho Zalo)Đã đến máy');
    expect(await card.locator('tr[data-channel="zns"]').first().textContent()).toContain('Không gửi (công dân đã tắt kênh)');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/msg-dossier-messages-360.png' });
  });
});
