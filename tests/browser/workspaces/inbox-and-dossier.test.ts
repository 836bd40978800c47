/**
 * The official's inbox and dossier page in a real browser (Debian Chromium via playwright-core) against the whole
 * server: an official of the one-stop counter sees only their unit's steps, most urgent first with readable badges,
 * opens a dossier, completes its step and sees it leave the inbox. Screenshots go to tests/browser/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../../support/browser-launch';
import { startWorkspaceApp, workspaceFrontEndBuilt, type WorkspaceTestApp } from '../../support/browser-workspace-app';
import { signInThroughPage, signOutThroughStorage } from '../../support/browser-workspace-page';
import { completeOpenStep, seedWorkingDay, type WorkspaceSeed } from '../../support/browser-workspace-seed';

const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));
const runnable = chromiumAvailable() && workspaceFrontEndBuilt();
if (!runnable) console.log('skipped: no chromium at /usr/bin/chromium or modeler/dist not built (npm run build:modeler)');

describe.runIf(runnable)('the official inbox and dossier page in a browser', () => {
  let app: WorkspaceTestApp;
  let seed: WorkspaceSeed;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    app = await startWorkspaceApp();
    seed = await seedWorkingDay(app);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 960 }, locale: 'vi-VN', acceptDownloads: true });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await page?.screenshot({ path: `${screenshots}workspaces-inbox-99-last-state.png`, fullPage: true }).catch(() => undefined);
    if (pageErrors.length > 0) console.log('page errors:', pageErrors);
    await browser?.close();
    await app?.close();
  });

  const rowCodes = () => page.locator('.ws-inbox-table tbody tr').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.dossierCode));

  it('shows an official of the one-stop counter only their unit’s steps, overdue first, with badges and the working time left', async () => {
    // given a working Monday at 14:37 with four dossiers at the counter and one handed on to the Department of Finance
    // when the counter's official signs in to the inbox
    await page.goto(`${app.url}/inbox`);
    await signInThroughPage(page, 'official.motcua');
    await page.locator('.ws-inbox-table').waitFor();

    // then the unit's tab lists the counter's four steps, most urgent first, and not the step of the other agency
    expect(await page.locator('.ws-tab[aria-selected="true"]').textContent()).toBe('Của phòng');
    expect(await rowCodes()).toEqual([seed.overdue.dossierCode, seed.nearlyDue.dossierCode, seed.inTime[0]!.dossierCode, seed.inTime[1]!.dossierCode]);
    expect(await rowCodes()).not.toContain(seed.atFinance.dossierCode);
    // and each step says how urgent it is, in words
    const first = page.locator(`tr[data-dossier-code="${seed.overdue.dossierCode}"]`);
    expect(await first.locator('.ws-badge').textContent()).toBe('Quá hạn');
    expect(await first.locator('.ws-remaining').textContent()).toBe('quá hạn 30 phút làm việc');
    const second = page.locator(`tr[data-dossier-code="${seed.nearlyDue.dossierCode}"]`);
    expect(await second.locator('.ws-badge').textContent()).toBe('Sắp đến hạn');
    expect(await second.locator('.ws-remaining').textContent()).toBe('còn 23 phút làm việc');
    const third = page.locator(`tr[data-dossier-code="${seed.inTime[0]!.dossierCode}"]`);
    expect(await third.locator('.ws-badge').textContent()).toBe('Trong hạn');
    expect(await third.locator('.ws-remaining').textContent()).toBe('còn 2 giờ làm việc');
    expect(await page.locator('.ws-inbox-summary').textContent()).toContain('1 quá hạn');
    await page.screenshot({ path: `${screenshots}workspaces-01-inbox.png` });
  });

  it('counts every waiting step when they fill more than a page, and reaches the next page', async () => {
    // given pages of two steps instead of the server's hundred (the inbox's own requests rewritten), so the counter's
    // four steps fill two pages
    await page.route('**/api/inbox?*', (route) => route.continue({ url: route.request().url().replace('limit=100', 'limit=2') }));
    try {
      // when the official opens the unit's tab
      await page.locator('.ws-tab[data-scope="department"]').click();
      await expect.poll(rowCodes).toEqual([seed.overdue.dossierCode, seed.nearlyDue.dossierCode]);

      // then the chips count all four steps, not the page's two, and the pager says where they are
      expect(await page.locator('.ws-inbox-summary').textContent()).toBe('4 bước đang chờ1 quá hạn1 sắp đến hạn');
      expect(await page.locator('.ws-pager-range').textContent()).toBe('Bước 1–2 trên tổng số 4');
      expect(await page.locator('.ws-pager [data-page="previous"]').isDisabled()).toBe(true);

      // when they go to the next page
      await page.getByRole('button', { name: 'Trang sau →' }).click();

      // then the two steps in time are listed, and the chips still count the whole unit
      await expect.poll(rowCodes).toEqual([seed.inTime[0]!.dossierCode, seed.inTime[1]!.dossierCode]);
      expect(await page.locator('.ws-pager-range').textContent()).toBe('Bước 3–4 trên tổng số 4');
      expect(await page.locator('.ws-pager [data-page="next"]').isDisabled()).toBe(true);
      expect(await page.locator('.ws-inbox-summary').textContent()).toBe('4 bước đang chờ1 quá hạn1 sắp đến hạn');
      await page.screenshot({ path: `${screenshots}workspaces-01b-inbox-second-page.png` });
    } finally {
      await page.unroute('**/api/inbox?*');
    }
    // and with the whole list on one page the pager is gone
    await page.locator('.ws-tab[data-scope="department"]').click();
    await expect.poll(rowCodes).toHaveLength(4);
    expect(await page.locator('.ws-pager').textContent()).toBe('');
  });

  it('moves a claimed step into “my” tab', async () => {
    // given the official's own tab is empty
    await page.locator('.ws-tab[data-scope="mine"]').click();
    await page.locator('.ws-inbox-list .ws-empty').waitFor();
    expect(await page.locator('.ws-inbox-list').textContent()).toContain('Không có hồ sơ nào cần xử lý.');

    // when they claim the overdue step from the unit's tab
    await page.locator('.ws-tab[data-scope="department"]').click();
    const row = page.locator(`tr[data-dossier-code="${seed.overdue.dossierCode}"]`);
    await row.getByRole('button', { name: 'Nhận xử lý' }).click();
    await page.locator('.ws-ok').waitFor();
    expect(await page.locator('.ws-ok').textContent()).toContain(seed.overdue.dossierCode);

    // then it is theirs, and their own tab lists it
    await expect.poll(() => row.locator('td').nth(5).textContent()).toBe('Tôi');
    await page.locator('.ws-tab[data-scope="mine"]').click();
    await expect.poll(rowCodes).toEqual([seed.overdue.dossierCode]);
    await page.locator('.ws-tab[data-scope="department"]').click();
    await page.locator('.ws-inbox-table').waitFor();
  });

  it('opens a dossier with its applicant, e-form, documents, timeline and forms, and completes its step so it leaves the inbox', async () => {
    // given the scanned application attached to the nearly-due dossier
    const scan = new TextEncoder().encode('%PDF-1.4\n% Giấy đề nghị đăng ký doanh nghiệp\n%%EOF\n');
    expect((await app.upload('official.motcua', seed.nearlyDue.id, 'Giấy đề nghị đăng ký.pdf', scan)).status).toBe(201);
    // when the official opens it
    await page.locator(`tr[data-dossier-code="${seed.nearlyDue.dossierCode}"]`).getByRole('link', { name: 'Mở hồ sơ' }).click();
    await page.locator('.ws-dossier-head').waitFor();

    // then the page shows the applicant, the e-form, the documents, the timeline and the step to act on
    expect(await page.locator('.ws-dossier-head h2').textContent()).toBe(`Hồ sơ ${seed.nearlyDue.dossierCode}`);
    expect(await page.locator('.ws-dossier-head .ws-status-badge').textContent()).toBe('Đang xử lý');
    expect(await page.locator('[data-section="applicant"]').textContent()).toContain('Trần Thị Bình');
    expect(await page.locator('[data-section="applicant"]').textContent()).toContain('06/03/2025 09:30');
    expect(await page.locator('[data-section="eform"]').textContent()).toContain('Công ty TNHH Trần Thị Bình');
    expect(await page.locator('[data-section="files"]').textContent()).toContain('Bản sao căn cước công dân — bản sao chứng thực × 1');
    expect(await page.locator('.ws-timeline tbody tr').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.ws-timeline').textContent()).toContain('Tiếp nhận hồ sơ');
    const card = page.locator('.ws-step-card').first();
    expect(await card.locator('strong').textContent()).toBe('Tiếp nhận hồ sơ');
    expect(await card.locator('.ws-badge').textContent()).toBe('Sắp đến hạn');
    await page.setViewportSize({ width: 1440, height: 1700 });
    await page.screenshot({ path: `${screenshots}workspaces-02-dossier.png` });

    // and the attachment downloads under its Vietnamese name, byte for byte
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.ws-attachments button', { hasText: 'Giấy đề nghị đăng ký.pdf' }).click()]);
    expect(download.suggestedFilename()).toBe('Giấy đề nghị đăng ký.pdf');
    expect(new Uint8Array(readFileSync(await download.path()))).toEqual(scan);

    // and the receipt slip (form 01) opens in a new tab
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.locator('button[data-form="01"]').click()]);
    await popup.waitForURL(/^blob:/);
    await popup.waitForLoadState();
    expect(await popup.locator('body').textContent()).toContain(seed.nearlyDue.dossierCode);
    await popup.screenshot({ path: `${screenshots}workspaces-03-form-01.png`, fullPage: true });
    await popup.close();

    // when they complete the step with a note
    await card.locator('select[name="decision"]').selectOption('approve');
    await card.locator('textarea[name="note"]').fill('Hồ sơ đầy đủ, chuyển Sở Tài chính');
    await card.getByRole('button', { name: 'Hoàn thành và chuyển tiếp' }).click();

    // then the page says so, the timeline has the hand-over, and no step of their unit is left on the dossier
    await page.locator('.ws-ok').waitFor();
    expect(await page.locator('.ws-ok').textContent()).toBe('Đã hoàn thành bước «Tiếp nhận hồ sơ».');
    await page.locator('[data-section="actions"] .ws-empty').waitFor();
    // (the hand-over to the review closes the counter's step at 14:37, before its 15:00 due time: early)
    const handOver = page.locator('.ws-timeline tr[data-action="step.handed_over"]').last();
    expect(await handOver.locator('td').nth(1).textContent()).toBe('Chuyển đến bước xử lý');
    expect(await handOver.locator('td').nth(2).textContent()).toBe('Kiểm tra tính hợp lệ của hồ sơ');
    expect(await handOver.locator('td').nth(6).textContent()).toBe('Trước hạn');
    await page.screenshot({ path: `${screenshots}workspaces-04-dossier-completed.png` });
    await page.setViewportSize({ width: 1440, height: 960 });

    // and back in the inbox the dossier is gone, while the Department of Finance now has it
    await page.locator('.ws-back').click();
    await page.locator('.ws-inbox-table').waitFor();
    await expect.poll(rowCodes).toEqual([seed.overdue.dossierCode, seed.inTime[0]!.dossierCode, seed.inTime[1]!.dossierCode]);
    const finance = await app.call<{ items: { dossierCode: string }[] }>('official.dkkd', 'GET', '/api/inbox');
    expect(finance.body.items.map((item) => item.dossierCode)).toContain(seed.nearlyDue.dossierCode);
  });

  it('shows a refusal of the server as a readable Vietnamese message with its detail', async () => {
    // given the dossier page of a step that the official completes meanwhile in another tab
    await page.locator(`tr[data-dossier-code="${seed.inTime[0]!.dossierCode}"]`).getByRole('link', { name: 'Mở hồ sơ' }).click();
    const card = page.locator('.ws-step-card').first();
    await card.waitFor();
    await completeOpenStep(app, 'official.motcua', seed.inTime[0]!.id);

    // when they complete it again on this page
    await card.getByRole('button', { name: 'Hoàn thành và chuyển tiếp' }).click();

    // then the refusal is shown in Vietnamese with the server's detail, and the page shows the dossier as it now is
    const error = page.locator('.ws-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/^Không thực hiện được ở trạng thái hiện tại: .+/);
    await page.locator('[data-section="actions"] .ws-empty').waitFor();
    await page.screenshot({ path: `${screenshots}workspaces-05-dossier-error.png` });
  });

  it('lets the head of the counter reassign a step to one of the unit’s officials', async () => {
    // given the head of the one-stop section on a dossier waiting at the counter
    await signOutThroughStorage(page);
    await page.goto(`${app.url}/inbox/dossiers/${encodeURIComponent(seed.inTime[1]!.id)}`);
    await signInThroughPage(page, 'head.motcua');
    const reassign = page.locator('.ws-step-card').first().locator('[data-action="reassign"]');
    await reassign.waitFor();

    // when they hand the step to Trần Văn Tiếp Nhận with a reason
    await reassign.locator('summary').click();
    await reassign.locator('input[name="assigneeId"]').fill('u-official-motcua');
    await reassign.locator('textarea[name="reason"]').fill('Cán bộ Tiếp Nhận phụ trách hồ sơ doanh nghiệp');
    await reassign.getByRole('button', { name: 'Chuyển' }).click();

    // then the step is in that official's own inbox
    await page.locator('.ws-ok', { hasText: 'Đã chuyển người xử lý.' }).waitFor();
    const mine = await app.call<{ items: { dossierCode: string }[] }>('official.motcua', 'GET', '/api/inbox?scope=mine');
    expect(mine.body.items.map((item) => item.dossierCode)).toContain(seed.inTime[1]!.dossierCode);
  });

  it('shows an official of the Department of Finance only their own unit’s step', async () => {
    // when the finance official signs in
    await signOutThroughStorage(page);
    await page.goto(`${app.url}/inbox`);
    await signInThroughPage(page, 'official.dkkd');
    await page.locator('.ws-inbox-table').waitFor();
    // then only the dossiers handed on to finance are listed, none of the counter's
    expect((await rowCodes()).sort()).toEqual([seed.atFinance.dossierCode, seed.nearlyDue.dossierCode, seed.inTime[0]!.dossierCode].sort());
    expect(await rowCodes()).not.toContain(seed.inTime[1]!.dossierCode);
  });

  it('asks the citizen for a supplement listing the missing components (form 02), then records it', async () => {
    // given the finance official on the dossier waiting for their review
    await page.locator(`tr[data-dossier-code="${seed.atFinance.dossierCode}"]`).getByRole('link', { name: 'Mở hồ sơ' }).click();
    const card = page.locator('.ws-step-card').first();
    await card.waitFor();

    // when they request a supplement of two components, with the reason
    const request = card.locator('[data-action="supplement-request"]');
    await request.locator('summary', { hasText: 'Yêu cầu bổ sung hồ sơ (mẫu 02)' }).click();
    await request.locator('textarea[name="missingComponents"]').fill('Điều lệ công ty\nDanh sách chủ sở hữu hưởng lợi');
    await request.locator('textarea[name="reason"]').fill('Hồ sơ chưa đủ thành phần theo quy định');
    await request.getByRole('button', { name: 'Gửi yêu cầu bổ sung' }).click();

    // then the dossier waits for the citizen (status 5) and form 02 lists both components
    await expect.poll(() => page.locator('.ws-dossier-head .ws-status-badge').textContent()).toBe('Yêu cầu bổ sung giấy tờ');
    expect(await page.locator('.ws-ok').textContent()).toBe('Đã gửi yêu cầu bổ sung; hồ sơ chờ công dân bổ sung.');
    expect(await page.locator('.ws-timeline').textContent()).toContain('Yêu cầu bổ sung hồ sơ');
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.locator('button[data-form="02"]').click()]);
    await popup.waitForURL(/^blob:/);
    await popup.waitForLoadState();
    expect(await popup.locator('body').textContent()).toContain('Danh sách chủ sở hữu hưởng lợi');
    await popup.close();
    await page.setViewportSize({ width: 1440, height: 1700 });
    await page.locator('.ws-page').evaluate((scroller) => scroller.scrollTo(0, 0));
    await page.screenshot({ path: `${screenshots}workspaces-07-dossier-supplement-requested.png` });
    await page.setViewportSize({ width: 1440, height: 960 });

    // when the citizen brings the documents and the official records them
    const received = page.locator('.ws-step-card', { hasText: 'Công dân đã bổ sung hồ sơ' });
    await received.locator('textarea[name="note"]').fill('Đã nhận đủ 2 thành phần');
    await received.getByRole('button', { name: 'Ghi nhận hồ sơ bổ sung' }).click();

    // then the dossier is in process again and its review is back in the official's hands
    await expect.poll(() => page.locator('.ws-dossier-head .ws-status-badge').textContent()).toBe('Đang xử lý');
    await expect.poll(() => page.locator('.ws-step-card strong').allTextContents()).toEqual(['Kiểm tra tính hợp lệ của hồ sơ']);
  });

  it('returns a dossier to the counter with a reason', async () => {
    // when the finance official returns the review to the counter's step
    const back = page.locator('.ws-step-card').first().locator('[data-action="return"]');
    await back.locator('summary').click();
    expect(await back.locator('select[name="toElementId"] option').allTextContents()).toEqual(['Tiếp nhận hồ sơ']);
    await back.locator('textarea[name="reason"]').fill('Cần bộ phận một cửa kiểm tra lại bản sao căn cước');
    await back.getByRole('button', { name: 'Trả lại' }).click();

    // then finance has nothing left to do on it, and the counter has the step again
    await page.locator('.ws-ok', { hasText: 'Đã trả lại bước trước.' }).waitFor();
    await page.locator('[data-section="actions"] .ws-empty').waitFor();
    const counter = await app.call<{ items: { dossierCode: string; name: string }[] }>('official.motcua', 'GET', '/api/inbox');
    expect(counter.body.items.filter((item) => item.dossierCode === seed.atFinance.dossierCode).map((item) => item.name)).toEqual(['Tiếp nhận hồ sơ']);
    await page.locator('.ws-back').click();
    await page.locator('.ws-inbox-table').waitFor();
  });

  it('speaks English when English is chosen, and Vietnamese again after', async () => {
    // when the official chooses English in the header
    await page.getByRole('button', { name: 'English' }).click();
    // then the inbox's tabs, columns and badges are in English
    await expect.poll(() => page.locator('.ws-tab').allTextContents()).toEqual(['Mine', 'My unit']);
    await page.locator('.ws-inbox-table').waitFor();
    expect(await page.locator('.ws-inbox-table th').first().textContent()).toBe('Dossier code');
    expect(await page.locator('.ws-inbox-table .ws-badge').first().textContent()).toMatch(/^(Overdue|Nearly due|In time)$/);
    await page.screenshot({ path: `${screenshots}workspaces-06-inbox-english.png` });
    // and back in Vietnamese
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await expect.poll(() => page.locator('.ws-tab').allTextContents()).toEqual(['Của tôi', 'Của phòng']);
  });
});
