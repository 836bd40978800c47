/**
 * The audit of administration in a real browser (issue 18 item 4): after an administrator creates an agency and then
 * adds a department to it, the audit page lists both changes newest first with what changed, and filters by action.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../../support/browser-launch';
import { startWorkspaceApp, workspaceFrontEndBuilt, type WorkspaceTestApp } from '../../support/browser-workspace-app';
import { signInThroughPage } from '../../support/browser-workspace-page';

const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));
const runnable = chromiumAvailable() && workspaceFrontEndBuilt();
if (!runnable) console.log('skipped: no chromium at /usr/bin/chromium or modeler/dist not built (npm run build:modeler)');

describe.runIf(runnable)('the audit of administration in a browser', () => {
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
  }, 120_000);

  afterAll(async () => {
    if (pageErrors.length > 0) console.log('page errors:', pageErrors);
    await browser?.close();
    await app?.close();
  });

  it('lists each change with what changed, newest first, and narrows to one action', async () => {
    // given an agency created, then given a department an hour later
    const agency = { name: 'Phòng Văn hóa xã', kind: 'department', departments: [] as { id: string; name: string }[] };
    expect((await app.call('admin', 'PUT', '/api/agencies/van-hoa-xa', agency)).status).toBe(200);
    app.clock.advance(3_600_000);
    expect((await app.call('admin', 'PUT', '/api/agencies/van-hoa-xa', { ...agency, departments: [{ id: 'thu-vien', name: 'Thư viện' }] })).status).toBe(200);

    // when the administrator opens the audit
    await page.goto(`${app.url}/audit`);
    await signInThroughPage(page, 'admin');
    const records = page.locator('.au-record');
    await records.first().waitFor();

    // then the department's addition comes first, with the departments before and after, by the administrator
    expect(await records.count()).toBe(2);
    expect(await records.nth(0).locator('strong').textContent()).toBe('Sửa cơ quan');
    expect(await records.nth(0).locator('.au-changes').textContent()).toContain('departments: [] → [{"id":"thu-vien","name":"Thư viện"}]');
    expect(await records.nth(0).locator('.au-meta').textContent()).toContain('Quản trị hệ thống');
    expect(await records.nth(1).locator('strong').textContent()).toBe('Tạo cơ quan');
    await page.screenshot({ path: `${screenshots}audit-01-records-1280.png`, fullPage: true });

    // when narrowed to creations on 3/3/2025
    await page.locator('select[name="action"]').selectOption('agency.created');
    await page.locator('input[name="from"]').fill('03/03/2025');
    await page.locator('input[name="to"]').fill('3/3/2025');
    await page.locator('.ws-filters button[type="submit"]').click();
    await page.locator('.au-record[data-action="agency.changed"]').waitFor({ state: 'detached' });

    // then only the creation is left
    expect(await page.locator('.au-record').count()).toBe(1);
    await page.setViewportSize({ width: 360, height: 780 });
    await page.screenshot({ path: `${screenshots}audit-02-filtered-360.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
