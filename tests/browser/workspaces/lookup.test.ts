/**
 * The citizen lookup page in a real browser against the whole server, without signing in: the right dossier code
 * and ID number show the status in plain Vietnamese with the steps, their due dates and how they were counted, and the
 * appointment; a wrong ID number shows "không tìm thấy". (The supplement online: citizen-portal.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../../support/browser-launch';
import { startWorkspaceApp, workspaceFrontEndBuilt, type WorkspaceTestApp } from '../../support/browser-workspace-app';
import { completeOpenStep, seedWorkingDay, type WorkspaceSeed } from '../../support/browser-workspace-seed';

const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));
const runnable = chromiumAvailable() && workspaceFrontEndBuilt();
if (!runnable) console.log('skipped: no chromium at /usr/bin/chromium or modeler/dist not built (npm run build:modeler)');

/** dd/MM/yyyy HH:mm in UTC+7, as the page writes instants. */
function inHanoi(iso: string): string {
  const at = new Date(Date.parse(iso) + 7 * 3_600_000).toISOString();
  return `${at.slice(8, 10)}/${at.slice(5, 7)}/${at.slice(0, 4)} ${at.slice(11, 16)}`;
}

describe.runIf(runnable)('the citizen lookup page in a browser', () => {
  let app: WorkspaceTestApp;
  let seed: WorkspaceSeed;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    app = await startWorkspaceApp();
    seed = await seedWorkingDay(app);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const lookUp = async (code: string, idNumber: string) => {
    await page.locator('input[name="code"]').fill(code);
    await page.locator('input[name="idNumber"]').fill(idNumber);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
  };

  it('shows a citizen the status, the appointment and the steps of their dossier in plain Vietnamese', async () => {
    // given a dossier handed on from the counter to the Department of Finance
    const dossier = seed.atFinance;
    // when the citizen, not signed in, looks it up by code and ID number
    await page.goto(`${app.url}/lookup`);
    await lookUp(dossier.dossierCode, dossier.applicant.idNumber);

    // then the status is told in words, with the appointment and each step with its dates
    const result = page.locator('.ws-lookup-result .ws-card').first();
    await result.waitFor();
    expect(await result.locator('.ws-lookup-status').textContent()).toBe('Tình trạng: Đang xử lý');
    expect(await result.locator('.ws-lookup-explain').textContent()).toContain('đang được các cơ quan xử lý');
    const answer = await app.call<{ appointmentAt: string }>(undefined, 'GET', `/api/lookup?code=${dossier.dossierCode}&idNumber=${dossier.applicant.idNumber}`);
    expect(await result.textContent()).toContain(`Ngày hẹn trả kết quả${inHanoi(answer.body.appointmentAt)}`);
    const steps = await page.locator('.ws-lookup-step').allTextContents();
    expect(steps).toHaveLength(2);
    expect(steps[0]).toContain('Tiếp nhận hồ sơ — đã xongTừ 03/03/2025 11:37 đến 03/03/2025 11:40Hạn xử lý:');
    expect(steps[1]).toContain('Kiểm tra tính hợp lệ của hồ sơ — đang xử lýBắt đầu 03/03/2025 11:40Hạn xử lý:');
    // the open step's due date is explained: its budget in working days, from when, and the lunch break not counted
    expect(await page.locator('.ws-lookup-step').nth(1).locator('.portal-explain p').textContent()).toBe(
      'Hạn: Thứ Ba 4/3/2025 17:00 — 1,5 ngày làm việc, tính từ Thứ Hai 3/3/2025 13:00. Nhận lúc Thứ Hai 3/3/2025 11:40, ngoài giờ làm việc: tính từ Thứ Hai 3/3/2025 13:00.',
    );
    await page.screenshot({ path: `${screenshots}workspaces-20-lookup-found.png` });
  });

  it('says "không tìm thấy" for a wrong ID number, as for an unknown code', async () => {
    // when the citizen mistypes the ID number
    await lookUp(seed.atFinance.dossierCode, '009999999999');
    // then the page says no dossier was found, and shows nothing of the dossier
    const notFound = page.locator('.ws-not-found');
    await notFound.waitFor();
    expect(await notFound.textContent()).toContain('Không tìm thấy hồ sơ');
    expect(await page.locator('.ws-lookup-status').count()).toBe(0);
    await page.screenshot({ path: `${screenshots}workspaces-21-lookup-not-found.png` });
  });

  it('follows the dossier as it moves on', async () => {
    // given the finance official completes the review
    await completeOpenStep(app, 'official.dkkd', seed.atFinance.id);
    // when the citizen looks again
    await lookUp(seed.atFinance.dossierCode, seed.atFinance.applicant.idNumber);
    // then the review is done and the next step is in process
    await expect.poll(() => page.locator('.ws-lookup-step').count()).toBe(3);
    expect(await page.locator('.ws-lookup-step').nth(2).textContent()).toContain('Trưởng phòng ĐKKD duyệt, cấp Giấy chứng nhận — đang xử lý');
  });
});
