/**
 * Reading a deployed procedure in the modeler (issue 16, item 4): one click opens it read-only at a readable zoom, a
 * step's properties (its budget) can be read, nothing there can be deployed, and it can become a new draft; a head
 * of unit reads procedures without any design action, (a refusal is worded in Vietnamese: tests/modeler/).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../../support/browser-launch';
import { frontEndBuilt, serveTestApp, type ServedTestApp } from './serve-test-app';
import { modelerPage } from '../modeler-page';

const KEY = 'cap-giay-phep-xay-dung-nha-o';
const xml = readFileSync(fileURLToPath(new URL(`../../../procedures/${KEY}/${KEY}.bpmn`, import.meta.url)), 'utf8');
const runnable = chromiumAvailable() && frontEndBuilt();

describe.runIf(runnable)('a deployed procedure read in the modeler', () => {
  let server: ServedTestApp;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await serveTestApp();
    browser = await launchChromium();
    // given the construction permit procedure deployed by an analyst
    const signIn = await fetch(`${server.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'analyst', password: 'analyst' }) });
    const { token } = (await signIn.json()) as { token: string };
    const deployed = await fetch(`${server.url}/api/procedures`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ key: KEY, xml }) });
    expect(deployed.status).toBe(201);
  });

  afterAll(async () => {
    if (pageErrors.length > 0) console.log('page errors:', pageErrors);
    await browser?.close();
    await server?.close();
  });

  const openModelerAs = async (username: string): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}/modeler`);
    await modelerPage(page).signIn(username, username);
    return page;
  };
  const scaleOf = (page: Page) => page.locator('.viewer-canvas .djs-container svg .viewport').evaluate((viewport) => (viewport as SVGGElement).transform.baseVal.consolidate()?.matrix.a ?? 1);

  it('opens in one click at a readable zoom, shows a step budget read-only, refuses to deploy and becomes a new draft', { timeout: 120_000 }, async () => {
    const page = await openModelerAs('analyst');
    const toolbar = page.locator('.modeler-toolbar');

    // when the analyst clicks the procedure once in the list
    await page.locator(`.procedure-item[data-key="${KEY}"] .procedure-toggle`).click();

    // then its latest version is shown read-only, fitted no smaller than 60 %, under a banner that says so
    await page.locator('.readonly-banner:not([hidden])').waitFor();
    expect(await page.locator('.readonly-banner span').textContent()).toContain('Bản đã triển khai — chỉ xem');
    await expect.poll(() => page.locator('.viewer-canvas').textContent()).toContain('Thẩm định hồ sơ');
    expect(await scaleOf(page)).toBeGreaterThanOrEqual(0.6);
    // and beside it the procedure's own properties: its name, code and statutory deadline
    await expect.poll(() => page.locator('.readonly-properties').textContent()).toContain('15 ngày làm việc');
    expect(await page.locator('.readonly-properties').textContent()).toContain('1.009994');
    // and the draft's issues and its properties panel are not shown over it
    expect(await page.locator('.issues-panel').isVisible()).toBe(false);
    expect(await page.locator('.modeler-properties').isVisible()).toBe(false);
    // and nothing there can be saved, checked or deployed
    for (const label of ['Triển khai', 'Lưu nháp', 'Kiểm tra']) expect(await toolbar.getByRole('button', { name: label, exact: true }).isDisabled()).toBe(true);

    // when they click the review step
    await page.locator('.viewer-canvas .djs-element[data-element-id="task-review"]').click();

    // then its properties are read, its budget among them, with no field to edit
    const lines = page.locator('.readonly-properties .reading-lines[data-element-id="task-review"]');
    await lines.waitFor();
    const text = await lines.textContent();
    expect(text).toContain('Thời hạn bước xử lý');
    expect(text).toContain('10 ngày làm việc');
    expect(await page.locator('.readonly-properties input, .readonly-properties select').count()).toBe(0);
    await page.screenshot({ path: '/tmp/helper-b-read-only.png' });

    // when they make a draft from this version
    await page.getByRole('button', { name: 'Tạo bản nháp từ phiên bản này' }).click();

    // then it is the draft being drawn, under its key, and Deploy works again
    await page.locator('.readonly-banner').waitFor({ state: 'hidden' });
    await expect.poll(() => page.locator('.modeler-canvas').textContent()).toContain('Thẩm định hồ sơ');
    expect(await page.locator('input[name="procedure-key"]').inputValue()).toBe(KEY);
    expect(await toolbar.getByRole('button', { name: 'Triển khai', exact: true }).isDisabled()).toBe(false);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('shows a head of unit the deployed procedures to read, with no design action and no Deploy button', { timeout: 120_000 }, async () => {
    // when a head of unit opens the modeler
    const page = await openModelerAs('head.motcua');

    // then the first deployed procedure is open read-only and no design action is offered
    await page.locator('.readonly-banner:not([hidden])').waitFor();
    const toolbar = page.locator('.modeler-toolbar');
    for (const label of ['Triển khai', 'Lưu nháp', 'Kiểm tra', 'Thủ tục mới']) expect(await toolbar.getByRole('button', { name: label, exact: true }).count()).toBe(0);
    expect(await toolbar.getByRole('button', { name: 'Triển khai' }).isVisible().catch(() => false)).toBe(false);
    expect(await page.getByRole('button', { name: 'Tạo bản nháp từ phiên bản này' }).isVisible()).toBe(false);
    expect(await page.locator('.modeler-status').textContent()).toContain('không được thiết kế hay triển khai');
    // and a step's budget can be read all the same
    await page.locator('.viewer-canvas .djs-element[data-element-id="task-receive"]').click();
    await expect.poll(() => page.locator('.readonly-properties').textContent()).toContain('1 ngày làm việc');
    await page.screenshot({ path: '/tmp/helper-b-head-of-unit.png' });
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('gives a head of unit a header link to read the procedures, which stays off their home page and offers no design', { timeout: 120_000 }, async () => {
    // given a head of unit signed in from the header, at their own first workspace
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}/`);
    await page.locator('.app-sign-in').click();
    await page.getByLabel('Tên đăng nhập').fill('head.motcua');
    await page.getByLabel('Mật khẩu').fill('head.motcua');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/inbox');
    // when they click the header's link to the procedures
    const link = page.locator('.app-nav').getByRole('link', { name: 'Xem quy trình thủ tục' });
    await link.click();
    // then the modeler opens on the deployed procedure, read-only, with no design action
    await expect.poll(() => new URL(page.url()).pathname).toBe('/modeler');
    await page.locator('.modeler[data-ready="true"]').waitFor();
    await page.locator('.readonly-banner:not([hidden])').waitFor();
    await expect.poll(() => page.locator('.viewer-canvas').textContent()).toContain('Thẩm định hồ sơ');
    const toolbar = page.locator('.modeler-toolbar');
    for (const label of ['Triển khai', 'Lưu nháp', 'Kiểm tra', 'Thủ tục mới', 'Từ mẫu…']) expect(await toolbar.getByRole('button', { name: label, exact: true }).count()).toBe(0);
    expect(await page.locator('.draft-list-panel').isVisible().catch(() => false)).toBe(false);
    await page.screenshot({ path: '/tmp/h16-head-of-unit-link.png' });
    await page.setViewportSize({ width: 360, height: 780 });
    await page.screenshot({ path: '/tmp/h16-head-of-unit-link-phone.png' });
    expect(pageErrors).toEqual([]);
    await page.close();
  });
  it('lists who deployed each version and when, and says in Vietnamese what a version changed from the one before', { timeout: 120_000 }, async () => {
    // given a second version deployed by the analyst: the review step takes 8 working days instead of 10, and the
    // receiving step is renamed
    const signIn = await fetch(`${server.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'analyst', password: 'analyst' }) });
    const { token } = (await signIn.json()) as { token: string };
    const second = xml
      .replace(/(<bpmn:userTask id="task-review"[^>]*>\s*<bpmn:extensionElements>\s*<lt:budget value=")10(")/, '$18$2')
      .replace('<bpmn:userTask id="task-receive" name="Tiếp nhận hồ sơ">', '<bpmn:userTask id="task-receive" name="Tiếp nhận và kiểm tra hồ sơ">');
    expect(second).not.toBe(xml);
    const deployed = await fetch(`${server.url}/api/procedures`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ key: KEY, xml: second }) });
    expect(deployed.status).toBe(201);
    const page = await openModelerAs('analyst');
    // when the analyst opens the procedure's versions
    await page.locator(`.procedure-item[data-key="${KEY}"] .procedure-toggle`).click();
    const versions = page.locator(`.procedure-item[data-key="${KEY}"] .version-list > li`);
    await expect.poll(() => versions.count()).toBe(2);
    // then each version says who deployed it and when
    const newest = versions.first();
    expect(await newest.locator('.version-link').textContent()).toMatch(/^Phiên bản 2 · \d{1,2}:\d{2} \d{1,2}\/\d{1,2}\/\d{2,4}|^Phiên bản 2 · \d{1,2}\/\d{1,2}\/\d{2,4}/);
    expect(await newest.locator('.version-deployed-by').textContent()).toBe('triển khai bởi Nguyễn Thị Phân Tích');
    // when they compare version 2 with version 1
    await newest.getByRole('button', { name: 'So với phiên bản 1' }).click();
    // then the changes are listed in Vietnamese: the renamed step and the shorter budget, nothing else
    const changes = newest.locator('.version-diff li');
    await expect.poll(() => changes.allTextContents()).toEqual([
      'Đổi tên bước «Tiếp nhận hồ sơ» thành «Tiếp nhận và kiểm tra hồ sơ»',
      'Bước «Thẩm định hồ sơ, kiểm tra thực địa»: thời hạn 10 ngày làm việc → 8 ngày làm việc',
    ]);
    await page.screenshot({ path: '/tmp/h16-version-diff.png' });
    await page.setViewportSize({ width: 360, height: 780 });
    await page.screenshot({ path: '/tmp/h16-version-diff-phone.png' });
    await page.locator('.modeler-procedures').screenshot({ path: '/tmp/h16-version-diff-phone-list.png' });
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('compares a version with any earlier one chosen beside the button, not only the one before', { timeout: 120_000 }, async () => {
    // given a third version: the review step takes 6 working days (10 in version 1, 8 in version 2)
    const signIn = await fetch(`${server.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'analyst', password: 'analyst' }) });
    const { token } = (await signIn.json()) as { token: string };
    const third = xml
      .replace(/(<bpmn:userTask id="task-review"[^>]*>\s*<bpmn:extensionElements>\s*<lt:budget value=")10(")/, '$16$2')
      .replace('<bpmn:userTask id="task-receive" name="Tiếp nhận hồ sơ">', '<bpmn:userTask id="task-receive" name="Tiếp nhận và kiểm tra hồ sơ">');
    const deployed = await fetch(`${server.url}/api/procedures`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ key: KEY, xml: third }) });
    expect(deployed.status).toBe(201);
    const page = await openModelerAs('analyst');
    await page.locator(`.procedure-item[data-key="${KEY}"] .procedure-toggle`).click();
    const versions = page.locator(`.procedure-item[data-key="${KEY}"] .version-list > li`);
    await expect.poll(() => versions.count()).toBe(3);
    const newest = versions.first();
    // when the analyst chooses version 1 beside "So với phiên bản 2" and compares
    await newest.locator('.version-compare-with').selectOption('1');
    await newest.getByRole('button', { name: 'So với phiên bản 1' }).click();
    // then the changes from version 1 to version 3 are listed: the renamed step and 10 → 6 days
    await expect.poll(() => newest.locator('.version-diff li').allTextContents()).toEqual([
      'Đổi tên bước «Tiếp nhận hồ sơ» thành «Tiếp nhận và kiểm tra hồ sơ»',
      'Bước «Thẩm định hồ sơ, kiểm tra thực địa»: thời hạn 10 ngày làm việc → 6 ngày làm việc',
    ]);
    expect(await newest.locator('.version-diff h4').textContent()).toContain('1');
    await page.screenshot({ path: '/tmp/lead-version-diff-any.png' });
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
