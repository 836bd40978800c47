/**
 * The supervisors' dashboard in a real browser against the whole server, after two weeks of business registrations
 * (some reviews late at the Department of Finance) and a working Monday: every figure, the on-time rate's parts, table
 * row and drill-down list on the page is the API's, read from both sides; each table's CSV is the server's export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../../support/browser-launch';
import { startWorkspaceApp, workspaceFrontEndBuilt, type WorkspaceTestApp } from '../../support/browser-workspace-app';
import { signInThroughPage } from '../../support/browser-workspace-page';
import { seedWorkingDay } from '../../support/browser-workspace-seed';

const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));
const runnable = chromiumAvailable() && workspaceFrontEndBuilt();
if (!runnable) console.log('skipped: no chromium at /usr/bin/chromium or modeler/dist not built (npm run build:modeler)');

const PERIOD = 'from=2025-02-17&to=2025-03-03';
const percent = (ratio: number | null) => (ratio === null ? '—' : new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 }).format(ratio));
const number = (value: number | null, digits = 1) => (value === null ? '—' : new Intl.NumberFormat('vi-VN', { maximumFractionDigits: digits }).format(value));

interface Figures {
  received: number;
  processed: number;
  finishedEarly: number;
  finishedOnTime: number;
  finishedOverdue: number;
  inProcessOverdue: number;
  inProcessInTime: number;
  pausedInTime: number;
  pausedOverdue: number;
  finished: number;
  inProcess: number;
  onTime: number;
  orphanedSteps: number;
  nearlyDueSteps: number;
  overdueSteps: number;
  onTimeRate: number | null;
  averageProcessingDays: number | null;
  onlineRate: number | null;
}

describe.runIf(runnable)('the supervisors dashboard in a browser', () => {
  let app: WorkspaceTestApp;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    app = await startWorkspaceApp();
    await seedWorkingDay(app, { history: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 1800 }, locale: 'vi-VN', acceptDownloads: true });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 120_000);

  afterAll(async () => {
    await page?.screenshot({ path: `${screenshots}workspaces-dashboard-99-last-state.png` }).catch(() => undefined);
    if (pageErrors.length > 0) console.log('page errors:', pageErrors);
    await browser?.close();
    await app?.close();
  });

  const figure = (name: string) => page.locator(`.ws-figure[data-figure="${name}"] .ws-figure-value`).textContent();

  it('shows the period’s on-time rate, average time, online rate and nearly-due and overdue counts as the API computes them', async () => {
    // given a supervisor of the province on the dashboard for 17/2–3/3/2025
    await page.goto(`${app.url}/dashboard?${PERIOD}`);
    await signInThroughPage(page, 'supervisor');
    await page.locator('.ws-cards[aria-busy="false"]').waitFor();

    // then each card shows the API's figure
    const summary = (await app.call<Figures>('supervisor', 'GET', `/api/stats/summary?${PERIOD}`)).body;
    expect(summary.finishedOverdue).toBeGreaterThan(0);
    expect(await figure('onTimeRate')).toBe(percent(summary.onTimeRate));
    expect(await figure('averageProcessingDays')).toBe(number(summary.averageProcessingDays));
    expect(await figure('onlineRate')).toBe(percent(summary.onlineRate));
    expect(await figure('received')).toBe(number(summary.received, 0));
    expect(await figure('nearlyDueSteps')).toBe(String(summary.nearlyDueSteps));
    expect(await figure('overdueSteps')).toBe(String(summary.overdueSteps));
    expect(await figure('orphanedSteps')).toBe(String(summary.orphanedSteps));
    expect(await page.locator('input[name="from"]').inputValue()).toBe('17/02/2025');

    // and the rate is shown with its parts, which add up to the denominator the card names
    const part = (name: string) => page.locator(`.ws-figure[data-figure="onTimeRate"] li[data-part="${name}"] .ws-part-value`).textContent();
    expect(await part('finishedEarly')).toBe(number(summary.finishedEarly, 0));
    expect(await part('finishedOnTime')).toBe(number(summary.finishedOnTime, 0));
    expect(await part('inProcessInTime')).toBe(number(summary.inProcessInTime + summary.pausedInTime, 0));
    expect(await part('finishedOverdue')).toBe(number(summary.finishedOverdue, 0));
    expect(await part('inProcessOverdue')).toBe(number(summary.inProcessOverdue + summary.pausedOverdue, 0));
    expect(summary.finishedEarly + summary.finishedOnTime + summary.inProcessInTime + summary.pausedInTime + summary.finishedOverdue + summary.inProcessOverdue + summary.pausedOverdue).toBe(summary.processed);
    const rateCard = await page.locator('.ws-figure[data-figure="onTimeRate"]').textContent();
    expect(rateCard).toContain(`${number(summary.onTime, 0)} hồ sơ đúng hạn ÷ ${number(summary.processed, 0)} hồ sơ tiếp nhận hoặc đang xử lý trong kỳ`);
    expect(await page.locator('.ws-figure[data-figure="received"]').textContent()).toContain(`${number(summary.finished, 0)} đã hoàn thành, ${number(summary.inProcess, 0)} chưa hoàn thành cuối kỳ`);
  });

  it('recomputes the figures for another period and agency chosen on the page', async () => {
    // when the supervisor narrows the view to the Department of Finance from 24/2
    await page.locator('input[name="from"]').fill('24/02/2025');
    await page.locator('select[name="agencyId"]').selectOption('so-tai-chinh');
    await page.getByRole('button', { name: 'Xem số liệu' }).click();

    // then the cards show the API's figures for that period and agency
    const narrowed = (await app.call<Figures>('supervisor', 'GET', '/api/stats/summary?from=2025-02-24&to=2025-03-03&agencyId=so-tai-chinh')).body;
    await expect.poll(() => figure('received')).toBe(number(narrowed.received, 0));
    expect(await figure('onTimeRate')).toBe(percent(narrowed.onTimeRate));
    expect(await figure('overdueSteps')).toBe(String(narrowed.overdueSteps));
    await page.locator('.ws-breakdown tbody tr').first().waitFor();
    expect(await page.locator('.ws-breakdown tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.key))).toEqual(['so-tai-chinh']);

    // and back to the whole province for the rest
    await page.locator('input[name="from"]').fill('17/02/2025');
    await page.locator('select[name="agencyId"]').selectOption('');
    await page.getByRole('button', { name: 'Xem số liệu' }).click();
    await expect.poll(() => page.locator('.ws-breakdown tbody tr').count()).toBeGreaterThan(1);
  });

  it('lists the figures per agency as the API does, and drills down from a row to its late steps and dossiers', async () => {
    // then the breakdown by agency has the API's rows and numbers
    const rows = (await app.call<{ rows: (Figures & { key: string; label: string })[] }>('supervisor', 'GET', `/api/stats/breakdown?by=agency&${PERIOD}`)).body.rows;
    await page.locator('.ws-breakdown tbody tr').first().waitFor();
    expect(await page.locator('.ws-breakdown tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.key))).toEqual(rows.map((row) => row.key));
    for (const row of rows) {
      const cells = await page.locator(`.ws-breakdown tr[data-key="${row.key}"] td`).allTextContents();
      expect(cells).toEqual([
        row.label,
        number(row.received, 0),
        number(row.processed, 0),
        number(row.finishedEarly + row.finishedOnTime, 0),
        number(row.inProcessInTime + row.pausedInTime, 0),
        number(row.finishedOverdue, 0),
        number(row.inProcessOverdue + row.pausedOverdue, 0),
        number(row.nearlyDueSteps, 0),
        number(row.overdueSteps, 0),
        percent(row.onTimeRate),
        number(row.averageProcessingDays),
      ]);
    }

    // and the delay attribution names the Department of Finance, as the API does
    const delays = (await app.call<{ rows: { agencyId: string; dossiersDelayed: number }[] }>('supervisor', 'GET', `/api/stats/delays?${PERIOD}`)).body.rows;
    expect(delays.map((row) => row.agencyId)).toContain('so-tai-chinh');
    for (const row of delays) {
      expect(await page.locator(`.ws-delays tr[data-key="${row.agencyId}"] td`).nth(1).textContent()).toBe(String(row.dossiersDelayed));
    }
    // and the trend chart is drawn
    expect(await page.locator('[data-section="trend"] canvas').evaluate((canvas) => (canvas as HTMLCanvasElement).width)).toBeGreaterThan(0);
    await page.screenshot({ path: `${screenshots}workspaces-30-dashboard.png` });

    // when the supervisor clicks the one-stop centre's row
    await page.locator('.ws-breakdown tr[data-key="ttpvhcc"]').click();
    await page.locator('.ws-drill-panel').waitFor();

    // then the overdue and nearly-due steps of that agency are listed as the API lists them
    const overdue = (await app.call<{ items: { dossierCode: string }[] }>('supervisor', 'GET', `/api/stats/steps?mark=overdue&agencyId=ttpvhcc&${PERIOD}`)).body.items;
    const nearlyDue = (await app.call<{ items: { dossierCode: string }[] }>('supervisor', 'GET', `/api/stats/steps?mark=nearlyDue&agencyId=ttpvhcc&${PERIOD}`)).body.items;
    const codes = (table: number) => page.locator('.ws-drill-part').nth(table).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.dossierCode));
    expect(await page.locator('.ws-drill-title').textContent()).toBe('Chi tiết: Trung tâm Phục vụ hành chính công tỉnh Demo');
    expect(await codes(0)).toEqual(overdue.map((item) => item.dossierCode));
    expect(await codes(1)).toEqual(nearlyDue.map((item) => item.dossierCode));
    expect(overdue.length + nearlyDue.length).toBeGreaterThan(0);
    await page.locator('.ws-drill-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${screenshots}workspaces-31-dashboard-drill-down.png` });

    // and a dossier code opens that dossier's page
    await page.locator('.ws-drill-part').nth(0).locator('tbody tr a').first().click();
    await page.locator('.ws-dossier-head').waitFor();
    expect(await page.locator('.ws-dossier-head h2').textContent()).toBe(`Hồ sơ ${overdue[0]!.dossierCode}`);
    // where the supervisor reads, and is told the unit's officials act
    expect(await page.locator('[data-section="actions"]').textContent()).toContain('Bạn xem hồ sơ này để giám sát');
  });

  it('downloads each table as the server’s CSV', async () => {
    // given the dashboard again, by department
    await page.goto(`${app.url}/dashboard?${PERIOD}`);
    await page.locator('.ws-breakdown tbody tr').first().waitFor();
    await page.locator('.ws-tab[data-by="department"]').click();
    await page.locator('.ws-breakdown tr[data-key="phong-dkkd"]').waitFor();

    // when the supervisor downloads the breakdown's CSV
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-section="breakdown"] .ws-csv').click()]);

    // then it is the server's CSV of the same query, with Vietnamese headers and the byte-order mark Excel needs
    const saved = await download.path();
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(saved, 'utf8');
    const api = await app.call<string>('supervisor', 'GET', `/api/stats/breakdown?by=department&${PERIOD}&format=csv`);
    expect(text).toBe(`\ufeff${api.body}`);
    expect(text).toContain('Tỷ lệ đúng hạn (%)');
    expect(download.suggestedFilename()).toBe('theo-department.csv');
  });
});
