/**
 * Retiring a procedure from the modeler's list in a real browser (issue 18): the analyst opens a deployed procedure,
 * presses "Ngừng áp dụng", writes the reason and confirms; the list marks it "Đã ngừng áp dụng" with the day, who and
 * why, and the counter's catalogue no longer offers it; "Khôi phục áp dụng" puts it back. Screenshot:
 * tests/browser/screenshots/procedure-retired.png.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../support/browser-launch';
import { startWorkspaceApp, workspaceFrontEndBuilt, type WorkspaceTestApp } from '../support/browser-workspace-app';
import { seedWorkingDay } from '../support/browser-workspace-seed';

const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
const runnable = chromiumAvailable() && workspaceFrontEndBuilt();
if (!runnable) console.log('skipped: no chromium at /usr/bin/chromium or modeler/dist not built (npm run build:modeler)');

const REASON = 'Bãi bỏ theo Quyết định số 123/QĐ-UBND';

describe.runIf(runnable)('retiring a procedure from the modeler’s list', () => {
  let app: WorkspaceTestApp;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    app = await startWorkspaceApp();
    await seedWorkingDay(app);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('retires the procedure with a reason, marks it in the list, takes it out of the catalogue, and restores it', { timeout: 120_000 }, async () => {
    // given the analyst in the modeler, with the deployed procedures listed
    const [procedure] = (await app.call<{ key: string; name: string }[]>('analyst', 'GET', '/api/procedures')).body;
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN' })).newPage();
    await page.goto(`${app.url}/sign-in`);
    await page.locator('form.sign-in input[name="username"]').fill('analyst');
    await page.locator('form.sign-in input[name="password"]').fill('analyst');
    await page.locator('form.sign-in button[type="submit"]').click();
    await page.locator('.app-user-name').waitFor({ state: 'attached' });
    await page.goto(`${app.url}/modeler`);
    await page.locator('.modeler[data-ready="true"]').waitFor();
    const item = page.locator(`.procedure-item[data-key="${procedure!.key}"]`);

    // when they open the procedure, press "Ngừng áp dụng", write the reason and confirm
    await item.locator('.procedure-toggle').click();
    await item.getByRole('button', { name: 'Ngừng áp dụng', exact: true }).click();
    await item.locator('textarea[name="reason"]').fill(REASON);
    await item.getByRole('button', { name: 'Xác nhận ngừng áp dụng' }).click();

    // then the list marks it retired, with who and why, and the catalogue no longer offers it
    const retired = page.locator(`.procedure-item.is-retired[data-key="${procedure!.key}"]`);
    await retired.waitFor();
    expect(await retired.locator('.procedure-retired-badge').textContent()).toBe('Đã ngừng áp dụng');
    await retired.locator('.procedure-toggle').click();
    const note = await retired.locator('.procedure-retired-note').textContent();
    expect(note).toContain('bởi Nguyễn Thị Phân Tích');
    expect(note).toContain(REASON);
    const catalogue = async () => (await app.call<{ items: { key: string }[] }>(undefined, 'GET', '/api/catalogue')).body.items.map((entry) => entry.key);
    expect(await catalogue()).not.toContain(procedure!.key);
    await page.screenshot({ path: `${screenshots}procedure-retired.png` });

    // when they put it back in use
    await retired.getByRole('button', { name: 'Khôi phục áp dụng' }).click();
    // then it is unmarked and offered again
    await page.locator(`.procedure-item:not(.is-retired)[data-key="${procedure!.key}"]`).waitFor();
    expect(await catalogue()).toContain(procedure!.key);
  });
});
