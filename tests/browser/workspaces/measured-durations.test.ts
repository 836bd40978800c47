/**
 * The measured durations and the forecast in a real browser against the whole server (issue 19), after two weeks of
 * business registrations (some reviews a week late at the Department of Finance) and a working Monday, the clock
 * injected at Monday 3/3/2025 14:37: a supervisor sees each step's median and p90 working days with its sample size on
 * the heatmap, the slowest three outlined as the legend says, and downloads them as the server's CSV; then on the
 * dashboard runs "what if arrivals double next month" with one official at the Department of Finance and sees the
 * predicted on-time share at ×2 no higher than at ×1, each with its interval, beside the measured rate, called a forecast.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../../support/browser-launch';
import { startWorkspaceApp, workspaceFrontEndBuilt, type WorkspaceTestApp } from '../../support/browser-workspace-app';
import { signInThroughPage } from '../../support/browser-workspace-page';
import { seedWorkingDay, SEED_PROCEDURE_KEY } from '../../support/browser-workspace-seed';

const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));
const runnable = chromiumAvailable() && workspaceFrontEndBuilt();
if (!runnable) console.log('skipped: no chromium at /usr/bin/chromium or modeler/dist not built (npm run build:modeler)');

const days = (value: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(value);
const percent = (ratio: number | null) => (ratio === null ? '—' : new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 }).format(ratio));

type Durations = { period: { from: string; to: string }; rows: unknown[]; steps: { elementId: string; count: number; p50WorkingDays?: number; p90WorkingDays?: number; waiting: { sampleSize: number }; slowestRank?: number }[] };
type Figures = { onTimeShare: number; ci95: { low: number; high: number }; received: number; mostResponsibleAgencyId?: string };
type Forecast = { period: { from: string; to: string }; measured: { onTimeRate: number | null } | null; baseline: Figures; scenario: Figures };

describe.runIf(runnable)('measured durations on the heatmap and the forecast on the dashboard, in a browser', () => {
  let app: WorkspaceTestApp;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    app = await startWorkspaceApp();
    await seedWorkingDay(app, { history: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, locale: 'vi-VN', acceptDownloads: true });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 180_000);

  afterAll(async () => {
    await page?.screenshot({ path: `${screenshots}workspaces-durations-99-last-state.png`, fullPage: true }).catch(() => undefined);
    if (pageErrors.length > 0) console.log('page errors:', pageErrors);
    await browser?.close();
    await app?.close();
  });

  it('shows each step\'s median and p90 working days with its sample size, the slowest outlined, and downloads them as CSV', async () => {
    // given a supervisor of the province on the heatmap of the business registration procedure
    await page.goto(`${app.url}/heatmap?procedureKey=${SEED_PROCEDURE_KEY}&version=1`);
    await signInThroughPage(page, 'supervisor');
    await page.locator(`.ws-heat-canvas[data-durations="${SEED_PROCEDURE_KEY}@1"]`).waitFor();

    // then each measured step shows the API's median and p90 in working days and how many completed steps they rest on
    const api = (await app.call<Durations>('supervisor', 'GET', `/api/simulation/durations?procedureKey=${SEED_PROCEDURE_KEY}&version=1`)).body;
    const measured = api.steps.filter((step) => step.count > 0);
    expect(measured.map((step) => step.elementId)).toEqual(expect.arrayContaining(['task-receive', 'task-review', 'task-head', 'task-return']));
    // and the history's officials claimed their steps: each step's wait for an official is measured apart from its work
    for (const step of measured) expect(step.waiting.sampleSize).toBeGreaterThan(0);
    for (const step of measured) {
      const badge = page.locator(`.ws-dur-badge[data-element-id="${step.elementId}"]`);
      expect(await badge.locator('.ws-dur-figures').textContent()).toBe(`Trung vị ${days(step.p50WorkingDays!)} · P90 ${days(step.p90WorkingDays!)} ngày`);
      expect(await badge.locator('.ws-dur-sample').textContent()).toBe(`n = ${step.count}`);
    }
    // and the review, a third of which waited a week in the first week, is the slowest by p90
    expect(api.steps.find((step) => step.slowestRank === 1)!.elementId).toBe('task-review');
    // and the three slowest are outlined and numbered, as the legend states
    const ranked = api.steps.filter((step) => step.slowestRank !== undefined);
    expect(ranked).toHaveLength(3);
    for (const step of ranked) {
      expect(await page.locator(`.ws-dur-badge[data-element-id="${step.elementId}"] .ws-dur-rank`).textContent()).toBe(`Chậm #${step.slowestRank}`);
      expect(await page.locator(`.ws-dur-outline[data-element-id="${step.elementId}"]`).count()).toBe(1);
    }
    expect(await page.locator('.ws-dur-outline').count()).toBe(3);
    expect(await page.locator('.ws-dur-legend').textContent()).toContain('Viền đỏ: 3 bước có P90 dài nhất');
    // and a step nobody completed yet says so instead of a figure
    expect(await page.locator('.ws-dur-badge[data-element-id="task-return-refusal"]').textContent()).toBe('chưa có số liệu');
    await page.screenshot({ path: `${screenshots}workspaces-20-heatmap-durations.png` });

    // when the supervisor downloads the durations
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.ws-csv[data-table="durations"]').click()]);
    // then it is the server's CSV of the same figures, with the byte order mark Excel needs and Vietnamese headers
    const text = readFileSync(await download.path(), 'utf8');
    const csv = await app.call<string>('supervisor', 'GET', `/api/simulation/durations?procedureKey=${SEED_PROCEDURE_KEY}&version=1&from=${api.period.from}&to=${api.period.to}&format=csv`);
    expect(text).toBe(`\ufeff${csv.body}`);
    expect(text.split('\r\n')[0]).toBe('\ufeffPhiên bản,Mã bước,Tên bước,Cơ quan,Phòng ban,Số lần hoàn thành (cỡ mẫu),Trung vị (ngày làm việc),P90 (ngày làm việc),Chờ nhận xử lý: trung vị (ngày làm việc),Chờ nhận xử lý: P90 (ngày làm việc),Số lần chờ nhận đo được,Số lần không ghi thời điểm nhận (tính cả vào xử lý),Phân phối dùng để mô phỏng,Tỷ lệ yêu cầu bổ sung (%),Tỷ lệ trả lại (%),Hạng chậm nhất (theo P90)');
    expect(text.trimEnd().split('\r\n')).toHaveLength(api.rows.length + 1);
    expect(text).toContain('Sở Tài chính');
    expect(download.suggestedFilename()).toBe(`thoi-gian-xu-ly-${SEED_PROCEDURE_KEY}-v1.csv`);
  }, 120_000);

  it('runs "what if arrivals double next month" from the dashboard and shows a predicted on-time share no higher than at today\'s arrivals', async () => {
    // given the supervisor on the dashboard's forecast
    await page.goto(`${app.url}/dashboard`);
    const panel = page.locator('[data-section="forecast"]');
    await panel.waitFor();

    // when they choose the procedure, ×2 arrivals, next month (left empty) and one official at the Department of Finance
    await panel.locator('select[name="forecastProcedure"]').selectOption(SEED_PROCEDURE_KEY);
    await panel.locator('input[name="arrivalFactor"]').fill('2');
    await panel.locator('.ws-fc-details summary').click();
    await panel.locator('input[name="staffing.so-tai-chinh"]').fill('1');
    await panel.locator('button[type="submit"]').click();
    await panel.locator('.ws-fc-answer').waitFor({ timeout: 60_000 });

    // then the page shows the server's forecast for April 2025 (next month on the server's clock)
    const api = (await app.call<Forecast>('supervisor', 'POST', '/api/simulation/forecasts', { procedureKey: SEED_PROCEDURE_KEY, arrivalFactor: 2, staffing: { 'so-tai-chinh': 1 } })).body;
    expect(api.period).toEqual({ from: '2025-04-01', to: '2025-04-30' });
    const value = (kind: string) => panel.locator(`.ws-fc-${kind} .ws-figure-value`).textContent();
    expect(await value('baseline')).toBe(percent(api.baseline.onTimeShare));
    expect(await value('scenario')).toBe(percent(api.scenario.onTimeShare));
    expect(await value('measured')).toBe(percent(api.measured!.onTimeRate));
    expect(await panel.locator('.ws-fc-scenario .ws-figure-note').textContent()).toContain(`khoảng tin cậy 95%: ${percent(api.scenario.ci95.low)} – ${percent(api.scenario.ci95.high)}`);
    // and at twice the arrivals fewer dossiers are predicted on time (or as many, which the page would say)
    expect(api.scenario.received).toBeGreaterThan(api.baseline.received);
    expect(api.scenario.onTimeShare).toBeLessThanOrEqual(api.baseline.onTimeShare);
    const comparison = await panel.locator('.ws-fc-answer').getAttribute('data-comparison');
    expect(['lower', 'lowerWithinNoise', 'equal']).toContain(comparison);
    expect(await panel.locator('.ws-fc-comparison').textContent()).toMatch(/^Với lượng hồ sơ ×2, tỷ lệ đúng hạn dự báo (thấp hơn|bằng)/);
    // and it is called a forecast, not a measurement, and names the agency most responsible for lateness
    expect(await panel.locator('.ws-fc-disclaimer').textContent()).toContain('Đây là DỰ BÁO từ mô phỏng, không phải số liệu thực tế');
    expect(await panel.locator('.ws-fc-responsible').getAttribute('data-agency-id')).toBe(api.scenario.mostResponsibleAgencyId);
    expect(await panel.locator('.ws-fc-responsible').textContent()).toContain('Sở Tài chính');
    // and how busy the Department of Finance's unit is with its one official
    expect(await panel.locator('.ws-fc-units tr[data-unit="so-tai-chinh"] td').nth(1).textContent()).toBe('1');
    await panel.screenshot({ path: `${screenshots}workspaces-21-dashboard-forecast.png` });

    // and on a phone the forecast fits the width, its units table scrolling inside its own box
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const table = panel.locator('.ws-fc-scroll');
    expect(await table.evaluate((box) => getComputedStyle(box).overflowX)).toBe('auto');
    await panel.locator('.ws-fc-answer').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${screenshots}workspaces-22-dashboard-forecast-360.png`, fullPage: true });
    await page.setViewportSize({ width: 1600, height: 1000 });
  }, 120_000);

  it('refuses a multiplier over ×5 with the reason in Vietnamese', async () => {
    // when the supervisor types ×8 (the field's own limit bypassed, as a hand-made request would)
    const panel = page.locator('[data-section="forecast"]');
    await panel.locator('input[name="arrivalFactor"]').evaluate((input) => input.removeAttribute('max'));
    await panel.locator('input[name="arrivalFactor"]').fill('8');
    await panel.locator('button[type="submit"]').click();
    // then the server's problem is shown in Vietnamese
    await expect.poll(() => panel.locator('.ws-fc-result .ws-error').textContent()).toContain('kịch bản dự báo nằm ngoài giới hạn');
  });
});
