/**
 * Retention of closed dossiers in a real browser (issue 18 item 6): eleven years after two weeks of finished dossiers,
 * the administrator reads the dry run on /retention (the default 10 years, archived; how many are due, the oldest,
 * the attachments' bytes), runs it with a confirmation, and then an official opening one of those dossiers reads that
 * its personal data was removed, as does the citizen looking it up; at 1280 px and at 360 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../../support/browser-launch';
import { startWorkspaceApp, workspaceFrontEndBuilt, type WorkspaceTestApp } from '../../support/browser-workspace-app';
import { signInThroughPage, signOutThroughStorage } from '../../support/browser-workspace-page';
import { seedWorkingDay, SEED_PROCEDURE_KEY } from '../../support/browser-workspace-seed';

const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));
const runnable = chromiumAvailable() && workspaceFrontEndBuilt();
if (!runnable) console.log('skipped: no chromium at /usr/bin/chromium or modeler/dist not built (npm run build:modeler)');

interface Listed {
  items: { id: string; dossierCode: string; status: number; applicant: { name: string; idNumber: string } }[];
}

describe.runIf(runnable)('retention of closed dossiers in a browser', () => {
  let app: WorkspaceTestApp;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    app = await startWorkspaceApp();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('dialog', (dialog) => void dialog.accept());
  }, 120_000);

  afterAll(async () => {
    if (pageErrors.length > 0) console.log('page errors:', pageErrors);
    await browser?.close();
    await app?.close();
  });

  it('shows the dry run, removes the personal data on confirmation, and says so to the official and the citizen', { timeout: 180_000 }, async () => {
    // given two weeks of dossiers finished in February 2025, one of them with a 30 kB scan
    await seedWorkingDay(app, { history: true });
    const finished = (await app.call<Listed>('official.motcua', 'GET', '/api/dossiers?status=9&limit=100')).body.items;
    expect(finished.length).toBeGreaterThan(10);
    const scanned = finished[0]!;
    expect((await app.upload('official.motcua', scanned.id, 'giay-to.pdf', new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(30_000 - 9, 0x41)])))).status).toBe(201);
    // and eleven years later
    app.clock.set(Date.UTC(2036, 2, 4, 2, 0));

    // when the administrator opens the retention page from the audit of administration
    await page.goto(`${app.url}/audit`);
    await signInThroughPage(page, 'admin');
    await page.getByRole('link', { name: 'Thời hạn lưu trữ' }).click();
    await page.waitForURL(/\/retention$/);
    const card = page.locator(`.re-procedure[data-key="${SEED_PROCEDURE_KEY}"]`);
    await card.waitFor();

    // then the dry run shows the default period, the finished dossiers due, the oldest and the scan's size
    expect(await card.locator('input[name="years"]').inputValue()).toBe('10');
    expect(await card.locator('select[name="mode"]').inputValue()).toBe('archive');
    expect(await card.locator('.re-count').textContent()).toBe(String(finished.length));
    expect(await card.locator('.re-due').textContent()).toContain('1 tệp, 30 kB');
    expect(await page.locator('.re-total').textContent()).toBe(`Tổng cộng ${finished.length} hồ sơ đến hạn.`);
    await page.screenshot({ path: `${screenshots}retention-01-dry-run-1280.png`, fullPage: true });
    // and nothing was removed by reading it
    expect((await app.call<{ applicant: { name: string } }>('official.motcua', 'GET', `/api/dossiers/${scanned.id}`)).body.applicant.name).toBe(scanned.applicant.name);

    // when the administrator runs it and confirms
    await page.getByRole('button', { name: 'Xoá dữ liệu cá nhân các hồ sơ đến hạn' }).click();
    await page.locator('.re-progress', { hasText: 'Không còn hồ sơ nào đến hạn' }).waitFor();

    // then every due dossier is listed with its archive's hash, and the dry run has nothing left
    expect(await page.locator('.re-expired li').count()).toBe(finished.length);
    expect(await page.locator('.re-expired').textContent()).toContain('lưu trữ, SHA-256');
    await page.locator('.re-total', { hasText: 'Tổng cộng 0 hồ sơ đến hạn.' }).waitFor();
    await page.setViewportSize({ width: 360, height: 780 });
    await page.screenshot({ path: `${screenshots}retention-02-run-360.png`, fullPage: true });

    // when an official opens the scanned dossier
    await signOutThroughStorage(page);
    await page.goto(`${app.url}/inbox/dossiers/${encodeURIComponent(scanned.id)}`);
    await signInThroughPage(page, 'official.motcua');
    const notice = page.locator('.off-dossier-side .ws-retention-expired');
    await notice.waitFor();

    // then the page opens and says the personal data was removed, with no applicant's name left
    expect(await notice.textContent()).toContain('Hồ sơ đã hết thời hạn lưu trữ, dữ liệu cá nhân đã được xoá');
    expect(await page.locator('body').textContent()).not.toContain(scanned.applicant.name);
    await notice.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${screenshots}retention-03-dossier-360.png` });

    // when the citizen looks it up by its code and ID number
    await signOutThroughStorage(page);
    await page.goto(`${app.url}/lookup`);
    await page.locator('input[name="code"]').fill(scanned.dossierCode);
    await page.locator('input[name="idNumber"]').fill(scanned.applicant.idNumber);
    await page.getByRole('button', { name: 'Tra cứu' }).click();

    // then they read the same
    const expired = page.locator('.ws-retention-expired');
    await expired.waitFor();
    expect(await expired.textContent()).toBe('Hồ sơ đã hết thời hạn lưu trữ, dữ liệu cá nhân đã được xoá.');
    await page.screenshot({ path: `${screenshots}retention-04-lookup-360.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
