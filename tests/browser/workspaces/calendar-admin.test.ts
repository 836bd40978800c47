/**
 * The calendar administration page in a real browser against the whole server (issue 18): an administrator opens the
 * Department of Finance's calendar for March 2025, reads the lunar date under each day, marks Tuesday 4/3 a local
 * closure and saves it; the server stores it and re-examines the dossier whose review step Finance holds. The year's
 * national holidays are listed, and a proposed year is confirmed from the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { localDayFromDate, toLunarDate } from '../../../engine/src/time/index';
import { chromiumAvailable, launchChromium } from '../../support/browser-launch';
import { startWorkspaceApp, workspaceFrontEndBuilt, type WorkspaceTestApp } from '../../support/browser-workspace-app';
import { signInThroughPage } from '../../support/browser-workspace-page';

const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));
const fixtureXml = readFileSync(fileURLToPath(new URL('../../fixtures/server/two-agency-procedure.bpmn', import.meta.url)), 'utf8');
const runnable = chromiumAvailable() && workspaceFrontEndBuilt();
if (!runnable) console.log('skipped: no chromium at /usr/bin/chromium or modeler/dist not built (npm run build:modeler)');

describe.runIf(runnable)('the calendar administration page in a browser', () => {
  let app: WorkspaceTestApp;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    app = await startWorkspaceApp();
    // a dossier received Monday 3/3/2025 08:37 whose review step the Department of Finance holds
    expect((await app.call('analyst', 'POST', '/api/procedures', { key: 'thu-lien-thong', xml: fixtureXml })).status).toBe(201);
    const received = await app.call<{ id: string }>('official.motcua', 'POST', '/api/dossiers', {
      procedureKey: 'thu-lien-thong',
      applicant: { name: 'Trần Văn Dân', idNumber: '001085012345', phone: '0912345678', address: 'Số 1 Tràng Tiền, Hà Nội' },
      form: { businessName: 'Công ty TNHH Sen Vàng', capital: 1_000_000_000 },
      documents: [{ name: 'Giấy đề nghị', copyType: 'original', quantity: 1 }],
    });
    const inbox = await app.call<{ items: { id: string; dossierId: string }[] }>('official.motcua', 'GET', '/api/inbox?scope=department');
    const counterStep = inbox.body.items.find((item) => item.dossierId === received.body.id)!;
    expect((await app.call('official.motcua', 'POST', `/api/steps/${counterStep.id}/complete`, {})).status).toBe(200);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 120_000);

  afterAll(async () => {
    await page?.screenshot({ path: `${screenshots}calendar-99-last-state.png`, fullPage: true }).catch(() => undefined);
    if (pageErrors.length > 0) console.log('page errors:', pageErrors);
    await browser?.close();
    await app?.close();
  });

  const day = (date: string) => page.locator(`.ui-month-day[data-date="${date}"]`);

  it('lets an administrator mark a closure day of the Department of Finance in the month view and saves it', async () => {
    // given an administrator on the calendar page for March 2025
    await page.goto(`${app.url}/calendars?month=2025-03`);
    await signInThroughPage(page, 'admin');
    await page.locator('select[name="scope"]').selectOption('so-tai-chinh');
    // then each day shows its lunar date under it (Vietnamese calendar), and Sunday 2/3 is a weekly rest day
    const lunar = toLunarDate(localDayFromDate(2025, 3, 4));
    await expect.poll(() => day('2025-03-04').locator('.ui-month-lunar').textContent()).toBe(`${lunar.day}/${lunar.month}`);
    expect(await day('2025-03-02').getAttribute('data-kind')).toBe('weekend');
    expect(await page.locator('.ui-month th').allTextContents()).toEqual(['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN']);

    // when the administrator marks Tuesday 4/3 as a local closure and saves, with a reason
    await day('2025-03-04').click();
    await page.locator('input[name="mark"][value="localClosure"]').check();
    await page.locator('input[name="dayReason"]').fill('Kiểm kê tài sản');
    await page.getByRole('button', { name: 'Áp dụng' }).click();
    expect(await day('2025-03-04').getAttribute('data-kind')).toBe('localClosure');
    await expect.poll(() => page.locator('.ws-calendar-unsaved').textContent()).toBe('Có 1 ngày thay đổi chưa lưu.');
    await page.screenshot({ path: `${screenshots}calendar-1280-01-closure-marked.png`, fullPage: true });
    await page.locator('input[name="saveReason"]').fill('Thông báo kiểm kê của Sở Tài chính');
    await page.getByRole('button', { name: 'Lưu lịch' }).click();

    // then the page says it is saved and how many open dossiers the server looked at (the one Finance holds)
    await expect.poll(() => page.locator('.ws-calendar-ok').textContent()).toMatch(/^Đã lưu lịch của Sở Tài chính\. Đã xem lại 1 hồ sơ đang xử lý; \d hồ sơ có hạn thay đổi\.$/);
    // and the server keeps the closure on Finance's own layer
    const stored = await app.calendarStore.get('so-tai-chinh');
    expect(stored?.layer).toMatchObject({ level: 'agency', years: [{ year: 2025, status: 'official',
      days: [{ date: '2025-03-04', kind: 'localClosure', reason: { vi: 'Kiểm kê tài sản' } }] }] });
    // and after a reload the month shows it, as Finance's own day
    await page.reload();
    await page.locator('select[name="scope"]').selectOption('so-tai-chinh');
    await expect.poll(() => day('2025-03-04').getAttribute('data-kind')).toBe('localClosure');
    expect(await day('2025-03-04').getAttribute('data-source')).toBe('own');
    await page.screenshot({ path: `${screenshots}calendar-1280-02-saved.png`, fullPage: true });
  });

  it('lists the year\'s national holidays and confirms a proposed year', async () => {
    // given the page on January 2027, a year nobody has confirmed (the holidays are computed proposals)
    await page.goto(`${app.url}/calendars?month=2027-01`);
    const national = page.locator('.ws-calendar-national');
    await expect.poll(() => national.locator('p').textContent()).toContain('Lịch đề xuất');
    expect(await national.locator('li').allTextContents()).toContain('1/1/2027 — Tết Dương lịch (1/1)');
    // when the administrator confirms it
    await national.getByRole('button', { name: 'Xác nhận lịch nghỉ lễ quốc gia năm 2027' }).click();
    // then it is stored as the official national year and shown as such
    await expect.poll(() => national.locator('p').textContent()).toBe('Lịch chính thức.');
    expect((await app.calendars.current()).calendar.yearStatus(2027)).toBe('official');
  });

  it('fits the month on a 360 px phone', async () => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`${app.url}/calendars?month=2025-03`);
    await page.locator('select[name="scope"]').selectOption('so-tai-chinh');
    await day('2025-03-04').click();
    const width = await page.locator('.ui-month').evaluate((table) => table.getBoundingClientRect().right);
    expect(width).toBeLessThanOrEqual(360);
    await page.screenshot({ path: `${screenshots}calendar-360-01-month.png`, fullPage: true });
  });
});
