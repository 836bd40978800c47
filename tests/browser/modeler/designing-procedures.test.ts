/**
 * Designing a procedure as an analyst meets it (issue 16, item 5): a gallery of templates, each opened in one click
 * and deployed as it is; one name field, which is the name the list shows; a step dropped on a flow splits it; the
 * drafts are listed again after signing out and in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../../support/browser-launch';
import { frontEndBuilt, serveTestApp, type ServedTestApp } from './serve-test-app';
import { modelerPage } from '../modeler-page';

const runnable = chromiumAvailable() && frontEndBuilt();
const TEMPLATES = [
  { key: 'mot-cua-mot-phong', title: 'Một cửa và một phòng chuyên môn', step: 'Thẩm định hồ sơ' },
  { key: 'hai-phong-noi-tiep', title: 'Hai phòng chuyên môn nối tiếp', step: 'Cho ý kiến chuyên ngành' },
  { key: 'lien-thong-co-quan-khac', title: 'Liên thông với cơ quan khác', step: 'Chuyển Công an xã giải quyết' },
  { key: 'bo-sung-va-nop-phi', title: 'Có bổ sung hồ sơ và nộp phí', step: 'Chờ công dân nộp phí' },
];

describe.runIf(runnable)('designing a procedure in the modeler', () => {
  let server: ServedTestApp;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await serveTestApp();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}/modeler`);
    await modelerPage(page).signIn('analyst', 'analyst');
  });

  afterAll(async () => {
    if (pageErrors.length > 0) console.log('page errors:', pageErrors);
    await browser?.close();
    await server?.close();
  });

  const chooseTemplate = async (title: string) => {
    await modelerPage(page).toolbar('Từ mẫu…');
    await page.locator('.template-gallery').getByRole('button', { name: title }).click();
  };
  const status = () => page.locator('.modeler-status').textContent();

  it('opens each template of the gallery in one click, passes the checks and deploys it as it is', { timeout: 240_000 }, async () => {
    for (const [index, template] of TEMPLATES.entries()) {
      // when the analyst picks the template in the gallery
      await chooseTemplate(template.title);
      // then it is drawn at once, under its suggested key
      await expect.poll(() => page.locator('.modeler-canvas').textContent()).toContain(template.step);
      expect(await page.locator('input[name="procedure-key"]').inputValue()).toBe(template.key);
      if (index === 0) await page.screenshot({ path: '/tmp/helper-b-template.png' });
      // and the browser's and the server's checks find no error
      await modelerPage(page).toolbar('Kiểm tra');
      await expect.poll(status).toBe('Kiểm tra xong: không có lỗi.');
      // and it deploys
      await modelerPage(page).toolbar('Triển khai');
      await expect.poll(status).toContain(`Đã triển khai thủ tục ${template.key}, phiên bản 1`);
      expect((await server.stores.procedures.latest(template.key))?.version).toBe(1);
    }
    await modelerPage(page).toolbar('Từ mẫu…');
    await page.screenshot({ path: '/tmp/helper-b-gallery.png' });
    await page.locator('.template-gallery').getByRole('button', { name: 'Đóng' }).click();
    expect(pageErrors).toEqual([]);
  });

  it('opens a library procedure from the gallery: inter-agency group 1 with its call activities per agency, and its checks pass', { timeout: 120_000 }, async () => {
    // when the analyst picks the Decree 63/2024 group 1 in the gallery
    await chooseTemplate('Liên thông: đăng ký khai sinh – đăng ký thường trú – cấp thẻ BHYT cho trẻ em dưới 6 tuổi');
    // then it is drawn with the Police's and Social Insurance's call activities, under the library's key
    await expect.poll(() => page.locator('.modeler-canvas').textContent()).toContain('Cấp thẻ BHYT');
    expect(await page.locator('input[name="procedure-key"]').inputValue()).toBe('lien-thong-khai-sinh');
    expect(await page.locator('.djs-element[data-element-id="call-residence"]').count()).toBe(1);
    // and the browser's and the server's checks find no error (budgets followed through the called processes)
    await modelerPage(page).toolbar('Kiểm tra');
    await expect.poll(status).toBe('Kiểm tra xong: không có lỗi.');
    await page.screenshot({ path: '/tmp/lead-library-template.png' });
    expect(pageErrors).toEqual([]);
  });

  it('keeps a template chosen while the page is still loading, instead of replacing it with the last draft', { timeout: 60_000 }, async () => {
    // given a modeler whose list of procedures answers slowly
    const fresh = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    await fresh.route('**/api/procedures', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await fresh.goto(`${server.url}/modeler`);
    await fresh.getByLabel('Tên đăng nhập').fill('analyst');
    await fresh.getByLabel('Mật khẩu').fill('analyst');
    await fresh.getByRole('button', { name: 'Đăng nhập' }).click();
    // when the analyst picks a template before it has finished loading
    await fresh.locator('.modeler-toolbar').getByRole('button', { name: 'Từ mẫu…', exact: true }).click();
    await fresh.locator('.template-gallery').getByRole('button', { name: 'Liên thông với cơ quan khác' }).click();
    await fresh.locator('.modeler[data-ready="true"]').waitFor();
    // then the template is still what is drawn, after one click
    await expect.poll(() => fresh.locator('.modeler-canvas').textContent()).toContain('Chuyển Công an xã giải quyết');
    await fresh.waitForTimeout(500);
    expect(await fresh.locator('.modeler-canvas').textContent()).toContain('Chuyển Công an xã giải quyết');
    await fresh.close();
  });

  it('lists a procedure under the one name typed, which is also its pool’s', { timeout: 120_000 }, async () => {
    // given a template
    await chooseTemplate('Một cửa và một phòng chuyên môn');
    await expect.poll(() => page.locator('.modeler-canvas').textContent()).toContain('Thẩm định hồ sơ');
    // when the analyst types a name and a key, and deploys
    await page.locator('input[name="procedure-name"]').fill('Cấp giấy xác nhận thử nghiệm');
    await page.locator('input[name="procedure-name"]').press('Tab');
    await page.locator('input[name="procedure-key"]').fill('xac-nhan-thu-nghiem');
    await modelerPage(page).toolbar('Triển khai');
    await expect.poll(status).toContain('Đã triển khai thủ tục xac-nhan-thu-nghiem, phiên bản 1');
    // then the list shows that name, the pool carries it and the deployed procedure is named so
    await expect.poll(() => page.locator('.procedure-item[data-key="xac-nhan-thu-nghiem"]').textContent()).toContain('Cấp giấy xác nhận thử nghiệm');
    expect((await server.stores.procedures.latest('xac-nhan-thu-nghiem'))?.name).toBe('Cấp giấy xác nhận thử nghiệm');
    await expect.poll(() => page.locator('.modeler-canvas .djs-element[data-element-id="Participant_1"]').textContent()).toContain('thử nghiệm');
    // and the properties panel has no second field for the procedure's name
    await page.evaluate(() => {
      const instance = window.lienthongModeler!;
      instance.get<{ select(element: unknown): void }>('selection').select(instance.get<{ get(id: string): unknown }>('elementRegistry').get('Participant_1'));
    });
    await page.locator('.bio-properties-panel-header', { hasText: 'Cấp giấy xác nhận thử nghiệm' }).waitFor();
    await page.locator('.bio-properties-panel-header').waitFor();
    expect(await page.locator('.modeler-properties').getByText('Tên quy trình', { exact: true }).count()).toBe(0);
    expect(await page.locator('.modeler-properties').getByText('Tên thủ tục', { exact: true }).count()).toBe(0);
    await page.screenshot({ path: '/tmp/helper-b-named.png' });
  });

  it('names every palette and context-pad entry and the pool’s properties in Vietnamese', { timeout: 60_000 }, async () => {
    // given a template with a step selected
    await chooseTemplate('Một cửa và một phòng chuyên môn');
    await page.evaluate(() => {
      const instance = window.lienthongModeler!;
      instance.get<{ select(element: unknown): void }>('selection').select(instance.get<{ get(id: string): unknown }>('elementRegistry').get('Task_Review'));
    });
    await page.locator('.djs-context-pad .entry').first().waitFor();
    // then every tooltip of the palette and the context pad is Vietnamese, none missing
    const titles = await page.locator('.djs-palette .entry, .djs-context-pad .entry').evaluateAll((entries) => entries.map((entry) => entry.getAttribute('title') ?? ''));
    expect(titles.length).toBeGreaterThan(15);
    expect(titles.filter((title) => title === '' || /\b(Create|Append|Activate|Connect|Change|Delete|Remove|Add|task|event|gateway)\b/.test(title))).toEqual([]);
    // and the pool's name and ID are labelled in Vietnamese
    await page.evaluate(() => {
      const instance = window.lienthongModeler!;
      instance.get<{ select(element: unknown): void }>('selection').select(instance.get<{ get(id: string): unknown }>('elementRegistry').get('Participant_1'));
    });
    await (await modelerPage(page).openGroup('general')).waitFor();
    const labels = await page.locator('.modeler-properties label').allTextContents();
    expect(labels).toContain('Tên đơn vị tham gia');
    expect(labels).toContain('Mã đơn vị tham gia');
    expect(labels.filter((label) => /Participant|Process|Name|ID\b/.test(label))).toEqual([]);
    await page.screenshot({ path: '/tmp/helper-b-participant.png' });
  });

  it('splits a sequence flow when a step is dragged from the palette and dropped on it', { timeout: 60_000 }, async () => {
    // given the one-stop template, whose first flow runs from the start event to the receiving step
    await chooseTemplate('Một cửa và một phòng chuyên môn');
    await expect.poll(() => page.locator('.modeler-canvas').textContent()).toContain('Thẩm định hồ sơ');
    type Flow = { id: string; source: string; target: string };
    const flowsNow = () =>
      page.evaluate(() =>
        window
          .lienthongModeler!.get<{ filter(fn: (element: { type: string }) => boolean): { id: string; source: { id: string }; target: { id: string } }[] }>('elementRegistry')
          .filter((element) => element.type === 'bpmn:SequenceFlow')
          .map((connection) => ({ id: connection.id, source: connection.source.id, target: connection.target.id })),
      );
    const before: Flow[] = await flowsNow();
    expect(before).toContainEqual({ id: 'Flow_1', source: 'Start', target: 'Task_Receive' });
    const tasksBefore = await modelerPage(page).idsOfType('bpmn:UserTask');
    const flow = await modelerPage(page).boxOf('Flow_1');
    // when a user task is dragged from the palette and dropped on the middle of that flow
    await modelerPage(page).dragFromPalette('create.user-task', { x: flow.x + flow.width / 2, y: flow.y + flow.height / 2 });
    // then there is one new step, the flow ends at it and one new flow leads from it on to the receiving step
    const added = (await modelerPage(page).idsOfType('bpmn:UserTask')).filter((id) => !tasksBefore.includes(id));
    expect(added).toHaveLength(1);
    const after: Flow[] = await flowsNow();
    expect(after.find((candidate) => candidate.id === 'Flow_1')).toEqual({ id: 'Flow_1', source: 'Start', target: added[0] });
    expect(after.filter((candidate) => !before.some((old) => old.id === candidate.id)).map(({ source, target }) => ({ source, target }))).toEqual([{ source: added[0], target: 'Task_Receive' }]);
    // and no flow still runs straight from the start event to the receiving step, the other flows as they were
    expect(after.filter((candidate) => candidate.source === 'Start' && candidate.target === 'Task_Receive')).toEqual([]);
    expect(after.filter((candidate) => candidate.id !== 'Flow_1' && before.some((old) => old.id === candidate.id))).toEqual(before.filter((old) => old.id !== 'Flow_1'));
    await page.screenshot({ path: '/tmp/h16-split-flow.png' });
  });

  it('lists the analyst’s drafts again after signing out and in', { timeout: 120_000 }, async () => {
    // given a named draft saved
    await chooseTemplate('Hai phòng chuyên môn nối tiếp');
    await expect.poll(() => page.locator('.modeler-canvas').textContent()).toContain('Cho ý kiến chuyên ngành');
    await page.locator('input[name="procedure-name"]').fill('Bản nháp cấp phép thử');
    await page.locator('input[name="procedure-name"]').press('Tab');
    await modelerPage(page).toolbar('Lưu nháp');
    await expect.poll(() => page.locator('.draft-list').textContent()).toContain('Bản nháp cấp phép thử');
    // when the analyst signs out and signs in again
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.goto(`${server.url}/modeler`);
    await modelerPage(page).signIn('analyst', 'analyst');
    // then the draft is listed, and opens with one click
    const listed = page.locator('.draft-item', { hasText: 'Bản nháp cấp phép thử' });
    await listed.waitFor();
    await page.screenshot({ path: '/tmp/helper-b-drafts.png' });
    await listed.getByRole('button').click();
    await expect.poll(() => page.locator('input[name="procedure-name"]').inputValue()).toBe('Bản nháp cấp phép thử');
    await expect.poll(() => page.locator('.modeler-canvas').textContent()).toContain('Cho ý kiến chuyên ngành');
    expect(pageErrors).toEqual([]);
  });
});
