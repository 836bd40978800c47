/**
 * The modeler in a real browser (Debian Chromium via playwright-core): an analyst draws a three-lane procedure,
 * fills in agencies and budgets, watches the checks, writes a FEEL condition, deploys, reloads and finds it again —
 * against the whole server (`createApp` on in-memory stores, demo users and agencies, its security headers) serving
 * the built modeler. Screenshots go to tests/browser/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../support/browser-launch';
import { frontEndBuilt, serveTestApp, type ServedTestApp } from './modeler/serve-test-app';
import { modelerPage } from './modeler-page';
import { POOL_WITHOUT_START, SERVER_ONLY_ISSUE_GATEWAY, poolWithoutStartXml, serverOnlyIssueXml } from './modeler/server-only-issue-model';

const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
const built = frontEndBuilt();
const birthGroup = readFileSync(fileURLToPath(new URL('../../procedures/lien-thong-khai-sinh/lien-thong-khai-sinh.bpmn', import.meta.url)), 'utf8');
const runnable = chromiumAvailable() && built;
if (!runnable) console.log(`skipped: ${built ? 'no chromium at /usr/bin/chromium' : 'modeler/dist not built (npm run build:modeler)'}`);

describe.runIf(runnable)('the procedure modeler in a browser', () => {
  let server: ServedTestApp;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const requested: string[] = [];
  const cspViolations: string[] = [];

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    server = await serveTestApp();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, locale: 'vi-VN' });
    page.on('pageerror', (error) => pageErrors.push(`${error.message} ${error.stack ?? ''}`.trim()));
    // A rejected promise whose reason is a DOM Event reaches 'pageerror' as a bare "Event": name what fired it.
    await page.addInitScript(() => {
      window.addEventListener('unhandledrejection', (event) => {
        const reason = event.reason as { type?: string; target?: { constructor?: { name?: string }; src?: string; url?: string } } | undefined;
        if (reason && typeof reason === 'object' && 'target' in reason) {
          console.error(`unhandled rejection: ${String(reason.type)} on ${reason.target?.constructor?.name ?? '?'} ${reason.target?.src ?? reason.target?.url ?? ''}`);
        }
      });
    });
    page.on('console', (message) => {
      if (message.text().startsWith('unhandled rejection:')) pageErrors.push(message.text());
    });
    page.on('request', (request) => requested.push(request.url()));
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
  });

  afterAll(async () => {
    // The last state of the page, whatever happened: the first thing to look at when a step fails.
    await page?.screenshot({ path: `${screenshots}99-last-state.png` }).catch(() => undefined);
    if (pageErrors.length > 0) console.log('page errors:', pageErrors);
    await browser?.close();
    await server?.close();
  });

  it('draws a three-lane procedure, checks it as it is drawn, deploys it and finds it again after a reload', { timeout: 180_000 }, async () => {
    const modeler = modelerPage(page);
    // given an analyst signed in to the modeler, starting a new procedure
    const response = await page.goto(`${server.url}/modeler`);
    expect(response?.headers()['content-security-policy']).toContain("worker-src 'self' blob:");
    await modeler.signIn('analyst', 'analyst');
    await modeler.toolbar('Thủ tục mới');
    await modeler.element('StartEvent_1').waitFor();

    // when they wrap the start event in a pool and divide it into three lanes
    const start = await modeler.boxOf('StartEvent_1');
    await modeler.palette('create.participant-expanded', { x: start.x + 400, y: start.y + 300 });
    await page.keyboard.type('Đăng ký khai sinh liên thông');
    await modeler.clickEmptyCanvas();
    const [participant] = await modeler.idsOfType('bpmn:Participant');
    await modeler.select(participant!, { x: 15, y: 60 });
    await modeler.contextPad('lane-divide-three');
    const lanes = await modeler.idsOfType('bpmn:Lane');
    expect(lanes).toHaveLength(3);
    await page.screenshot({ path: `${screenshots}01-three-lanes.png` });

    // and draw a user task in each lane, a gateway and an end event, and connect them
    const laneBoxes = await Promise.all(lanes.map((lane) => modeler.boxOf(lane)));
    const names = ['Tiếp nhận hồ sơ', 'Đăng ký cư trú', 'Cấp thẻ BHYT'];
    const tasks: string[] = [];
    for (const [index, lane] of laneBoxes.entries()) {
      await modeler.palette('create.user-task', { x: lane.x + 150 + index * 150, y: lane.y + lane.height / 2 });
      await page.keyboard.type(names[index]!);
      await modeler.clickEmptyCanvas();
      const created = (await modeler.idsOfType('bpmn:UserTask')).filter((id) => !tasks.includes(id));
      tasks.push(created[0]!);
    }
    const firstLane = await modeler.boxOf(lanes[0]!);
    await modeler.palette('create.end-event', { x: firstLane.x + firstLane.width - 60, y: firstLane.y + firstLane.height / 2 });
    await modeler.clickEmptyCanvas();
    const [end] = await modeler.idsOfType('bpmn:EndEvent');
    const secondLane = await modeler.boxOf(lanes[1]!);
    await modeler.palette('create.exclusive-gateway', { x: secondLane.x + 420, y: secondLane.y + secondLane.height / 2 });
    await modeler.clickEmptyCanvas();
    const [gateway] = await modeler.idsOfType('bpmn:ExclusiveGateway');
    await modeler.connect('StartEvent_1', tasks[0]!);
    await modeler.connect(tasks[0]!, tasks[1]!);
    await modeler.connect(tasks[1]!, gateway!);
    await modeler.connect(gateway!, tasks[2]!);
    await modeler.connect(gateway!, end!);
    await modeler.connect(tasks[2]!, end!);
    await modeler.clickEmptyCanvas();

    // then each step without an agency or a budget is flagged, on the element and in the list
    await expect.poll(() => modeler.issue(tasks[0]!).allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('chưa có cơ quan xử lý'), expect.stringContaining('chưa có thời hạn')]),
    );
    await page.locator(`.djs-overlays[data-container-id="${tasks[0]}"] .bjsl-icon-error`).waitFor();
    await page.screenshot({ path: `${screenshots}02-lint-errors.png` });
    // and a deploy is refused while they remain, pointing at the list
    await modeler.toolbar('Triển khai');
    await expect.poll(() => page.locator('.modeler-status').textContent()).toMatch(/Không thể triển khai: còn \d+ lỗi/);
    expect(await server.stores.procedures.listLatest()).toEqual([]);

    // when they give the procedure its code and deadline, each lane its agency and each step its budget
    await modeler.select(participant!, { x: 15, y: 40 });
    const procedureGroup = await modeler.openGroup('lt-procedure');
    await procedureGroup.getByLabel('Mã TTHC').fill('2.000986');
    // (its one name is typed in the toolbar, and becomes the pool's)
    await page.locator('input[name="procedure-name"]').fill('Đăng ký khai sinh, thường trú, cấp thẻ BHYT cho trẻ dưới 6 tuổi');
    await page.locator('input[name="procedure-name"]').press('Tab');
    await procedureGroup.getByLabel('Thời hạn giải quyết theo quy định').fill('3');
    await procedureGroup.getByLabel('Căn cứ pháp lý').fill('Nghị định 63/2024/NĐ-CP');
    const agencies = ['ubnd-xa-demo', 'cong-an-xa-demo', 'bhxh-tinh'];
    const laneNames = ['UBND xã Demo', 'Công an xã Demo', 'BHXH tỉnh'];
    for (const [index, lane] of lanes.entries()) {
      await modeler.select(lane, { x: 60, y: 10 });
      const group = await modeler.openGroup('lt-assignment');
      await group.getByLabel('Cơ quan', { exact: true }).selectOption(agencies[index]!);
      await (await modeler.openGroup('general')).getByLabel('Tên', { exact: true }).fill(laneNames[index]!);
    }
    await expect.poll(() => page.locator('.modeler-canvas').textContent()).toContain('BHXH tỉnh');
    await expect.poll(() => modeler.issue(tasks[0]!).allTextContents()).not.toEqual(expect.arrayContaining([expect.stringContaining('chưa có cơ quan')]));
    const budgets = ['1', '3', '1'];
    for (const [index, task] of tasks.entries()) {
      await modeler.select(task);
      const group = await modeler.openGroup('lt-budget');
      await group.getByLabel('Thời hạn', { exact: true }).fill(budgets[index]!);
      await group.getByLabel('Đơn vị').selectOption('workingDays');
    }

    // then the budgets over the deadline are flagged with the excess, and the step's own errors are gone
    await expect.poll(() => page.locator('.issues-panel').textContent()).toContain('vượt thời hạn giải quyết 3 ngày làm việc là 2 ngày làm việc');
    await expect.poll(() => modeler.issue(tasks[0]!).count()).toBe(0);
    await page.screenshot({ path: `${screenshots}03-budget-over-deadline.png` });
    await modeler.select(tasks[1]!);
    await (await modeler.openGroup('lt-budget')).getByLabel('Thời hạn', { exact: true }).fill('1');
    await expect.poll(() => page.locator('.issues-panel').textContent()).not.toContain('vượt thời hạn');

    // when they write a FEEL condition in monaco on the gateway's flow to the health-insurance step, with a typo first
    const flows = await page.evaluate(
      ([source, target]) =>
        window
          .lienthongModeler!.get<{ filter(fn: (element: { type: string; source?: { id: string }; target?: { id: string } }) => boolean): { id: string; target?: { id: string } }[] }>('elementRegistry')
          .filter((element) => element.type === 'bpmn:SequenceFlow' && element.source?.id === source)
          .map((element) => element.id + (element.target?.id === target ? ':card' : ':end')),
      [gateway, tasks[2]],
    );
    const toCard = flows.find((flow) => flow.endsWith(':card'))!.split(':')[0]!;
    const toEnd = flows.find((flow) => flow.endsWith(':end'))!.split(':')[0]!;
    await expect.poll(() => modeler.issue(gateway!).textContent()).toContain('Cổng loại trừ cần luồng mặc định');
    await page.evaluate((id) => {
      const modelerInstance = window.lienthongModeler!;
      const element = modelerInstance.get<{ get(id: string): unknown }>('elementRegistry').get(id);
      modelerInstance.get<{ select(element: unknown): void }>('selection').select(element);
    }, toCard);
    const conditionEditor = page.locator('.condition-pane .monaco-editor').first();
    await conditionEditor.waitFor();
    await conditionEditor.click();
    await page.keyboard.type('age < ');
    await expect.poll(() => page.locator('.condition-error').textContent()).not.toBe('');
    await page.screenshot({ path: `${screenshots}04-feel-error.png` });
    await page.keyboard.type('6 and insured = false');
    await expect.poll(() => page.locator('.condition-error').isHidden()).toBe(true);
    // and make the other flow the gateway's default (through the modeling API, as the replace menu does)
    await page.evaluate((id) => {
      const modelerInstance = window.lienthongModeler!;
      const registry = modelerInstance.get<{ get(id: string): { source: unknown } }>('elementRegistry');
      const flow = registry.get(id);
      modelerInstance.get<{ updateProperties(element: unknown, properties: object): void }>('modeling').updateProperties(flow.source, { default: (flow as unknown as { businessObject: unknown }).businessObject });
    }, toEnd);

    // then the gateway check clears and nothing blocks a deploy
    await expect.poll(() => modeler.issue(gateway!).count()).toBe(0);
    await expect.poll(() => page.locator('.issues-panel').getAttribute('data-errors')).toBe('0');
    await modeler.clickEmptyCanvas();
    await page.screenshot({ path: `${screenshots}05-clean-procedure.png` });

    // when they deploy under a key
    await page.getByLabel('Mã quy trình').fill('khai-sinh-lien-thong');
    await modeler.toolbar('Triển khai');

    // then the server stores version 1 and the list shows it
    await expect.poll(() => page.locator('.modeler-status').textContent()).toContain('Đã triển khai thủ tục khai-sinh-lien-thong, phiên bản 1');
    const stored = await server.stores.procedures.latest('khai-sinh-lien-thong');
    expect(stored?.version).toBe(1);
    expect(stored?.deployedBy).toBe('u-analyst');
    expect(stored?.xml).toContain('lt:budget');
    expect(stored?.definition.procedure?.procedureCode).toBe('2.000986');
    for (const agency of agencies) expect(stored?.xml).toContain(`agency="${agency}"`);

    // when they reload the page
    await page.reload();
    await page.locator('.modeler[data-ready="true"]').waitFor();

    // then the draft is as they left it and the deployed version opens read-only with the same steps
    for (const name of names) await expect.poll(() => page.locator('.modeler-canvas').textContent()).toContain(name);
    // and the server's list names the procedure with its code, as deployed
    const listed = page.locator('.procedure-item[data-key="khai-sinh-lien-thong"]');
    await expect.poll(() => listed.textContent()).toContain('Đăng ký khai sinh, thường trú, cấp thẻ BHYT cho trẻ dưới 6 tuổi');
    expect(await listed.textContent()).toContain('2.000986');
    await page.locator('.procedure-item[data-key="khai-sinh-lien-thong"] .procedure-toggle').click();
    await page.locator('.version-link[data-version="1"]').click();
    await page.locator('.readonly-banner:not([hidden])').waitFor();
    for (const name of names) await expect.poll(() => page.locator('.viewer-canvas').textContent()).toContain(name);
    await page.screenshot({ path: `${screenshots}06-deployed-version-read-only.png` });
    // and a deployed version can become the next draft
    await page.getByRole('button', { name: 'Tạo bản nháp từ phiên bản này' }).click();
    await page.locator('.readonly-banner').waitFor({ state: 'hidden' });
    for (const name of names) await expect.poll(() => page.locator('.modeler-canvas').textContent()).toContain(name);
    expect(pageErrors).toEqual([]);
  });

  it('keeps the diagram, its XML and its e-form in sync, stops at a broken XML line, and switches to English', { timeout: 120_000 }, async () => {
    const modeler = modelerPage(page);
    // given the one-stop template (counter → department → head → counter)
    await page.goto(`${server.url}/modeler`);
    await page.locator('.modeler, form.sign-in').first().waitFor();
    if (await page.locator('form.sign-in').isVisible()) await modeler.signIn('analyst', 'analyst');
    await page.locator('.modeler[data-ready="true"]').waitFor();
    await modeler.toolbar('Từ mẫu…');
    await page.locator('.template-choice[data-template="mot-cua-mot-phong"]').click();
    await expect.poll(() => page.locator('.modeler-canvas').textContent()).toContain('Thẩm định hồ sơ');
    await page.screenshot({ path: `${screenshots}07-one-stop-template.png` });

    // when they open the XML tab, the diagram is there with its step budgets
    await page.getByRole('tab', { name: 'XML' }).click();
    const xmlEditor = page.locator('.xml-editor .monaco-editor').first();
    await xmlEditor.waitFor();
    await expect.poll(() => page.locator('.xml-editor .view-lines').textContent()).toContain('lt:budget');
    // with Vietnamese names drawn in a monospace font that has their letters: each one cell wide, its marks inside it
    // (DejaVu Sans Mono, Debian's `monospace`, pushes the second mark of ồ into the next cell: "hô`sơ")
    await expect.poll(async () => (await page.locator('.xml-editor .view-lines').textContent())?.replace(/\u00a0/g, ' ')).toContain('Thẩm định hồ sơ');
    const letters = await page.evaluate(async () => {
      const { fontFamily, fontSize } = getComputedStyle(document.querySelector<HTMLElement>('.xml-editor .view-lines')!);
      await document.fonts.ready;
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `${fontSize} ${fontFamily}`;
      const cell = context.measureText('o').width;
      const misdrawn = [...'ồẫếảữặđơưậ'].filter((letter) => {
        const metrics = context.measureText(letter);
        return Math.abs(metrics.width - cell) > 0.05 || metrics.actualBoundingBoxRight > cell + 1.5;
      });
      return { fontFamily, misdrawn };
    });
    expect(letters.fontFamily).toMatch(/^"?Noto Sans Mono"?, monospace/);
    expect(letters.misdrawn).toEqual([]);
    await page.locator('.xml-editor').screenshot({ path: `${screenshots}14-xml-editor-vietnamese.png` });

    // and break line 3, then try to go back to the diagram
    await xmlEditor.click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.insertText(' & ');
    await page.getByRole('tab', { name: 'Sơ đồ' }).click();

    // then they stay on the XML, told which line is wrong
    await expect.poll(() => page.locator('.modeler-status').textContent()).toContain('XML lỗi ở dòng 3');
    expect(await page.locator('.xml-editor').isVisible()).toBe(true);
    await page.screenshot({ path: `${screenshots}08-xml-error-line.png` });

    // when they delete the typo, the XML imports back into the diagram
    await xmlEditor.click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    for (let count = 0; count < 3; count += 1) await page.keyboard.press('Backspace');
    await expect.poll(() => page.locator('.xml-editor').getAttribute('data-error')).toBe('');
    await page.getByRole('tab', { name: 'Sơ đồ' }).click();
    await expect.poll(() => page.locator('.modeler-canvas').isVisible()).toBe(true);

    // when they write the e-form's JSON Schema
    await page.getByRole('tab', { name: 'Biểu mẫu điện tử' }).click();
    const formEditor = page.locator('.form-schema .monaco-editor').first();
    await formEditor.waitFor();
    // pasted, as analysts bring schemas from elsewhere (typing would fight monaco's bracket auto-closing)
    const schema = JSON.stringify(
      {
        title: 'Tờ khai đăng ký khai sinh',
        type: 'object',
        required: ['hoTen', 'ngaySinh'],
        properties: {
          hoTen: { type: 'string', title: 'Họ, chữ đệm, tên của trẻ' },
          ngaySinh: { type: 'string', format: 'date', title: 'Ngày, tháng, năm sinh' },
          gioiTinh: { type: 'string', title: 'Giới tính', enum: ['Nam', 'Nữ'] },
          coTheBhyt: { type: 'boolean', title: 'Đề nghị cấp thẻ BHYT' },
        },
      },
      null,
      2,
    );
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.evaluate((text) => navigator.clipboard.writeText(text), schema);
    await formEditor.click();
    await page.keyboard.press('Control+v');

    // then the preview shows the form a citizen will fill, required fields marked
    await expect.poll(() => page.locator('.form-preview').textContent()).toContain('Họ, chữ đệm, tên của trẻ');
    expect(await page.locator('.form-preview .form-preview-required').count()).toBe(2);
    await page.screenshot({ path: `${screenshots}09-e-form-preview.png` });
    // and the schema is part of the procedure
    const xml = await page.evaluate(async () => (await window.lienthongModeler!.saveXML({ format: true })).xml ?? '');
    expect(xml).toContain('Tờ khai đăng ký khai sinh');

    // when they delete a step with the keyboard, then undo and redo from the toolbar
    await page.getByRole('tab', { name: 'Sơ đồ' }).click();
    await modeler.select('Task_Return');
    await page.keyboard.press('Delete');
    await expect.poll(() => modeler.element('Task_Return').count()).toBe(0);
    await modeler.toolbar('Hoàn tác');
    await expect.poll(() => modeler.element('Task_Return').count()).toBe(1);
    await modeler.toolbar('Làm lại');
    await expect.poll(() => modeler.element('Task_Return').count()).toBe(0);
    await modeler.toolbar('Hoàn tác');
    await expect.poll(() => modeler.element('Task_Return').count()).toBe(1);

    // and export the diagram as SVG and PNG
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), modeler.toolbar('Xuất SVG')]);
    expect(svgDownload.suggestedFilename()).toBe('mot-cua-mot-phong.svg');
    const svgPath = await svgDownload.path();
    expect(readFileSync(svgPath, 'utf8')).toContain('Thẩm định');
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), modeler.toolbar('Xuất PNG')]);
    expect(readFileSync(await pngDownload.path()).subarray(1, 4).toString('ascii')).toBe('PNG');

    // then monaco's workers came from our own server, like everything else the page loaded
    expect(requested.filter((url) => /worker/.test(url) && url.startsWith(server.url)).length).toBeGreaterThan(0);
    expect(requested.filter((url) => !url.startsWith(server.url) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);

    // when they switch the interface to English
    await page.getByRole('button', { name: 'English' }).click();

    // then the navigation, the toolbar and the palette speak English, and the drawing is kept
    await page.getByRole('link', { name: 'Procedure design' }).waitFor();
    await page.locator('.modeler[data-ready="true"]').waitFor();
    expect(await page.locator('.djs-palette [data-action="create.user-task"]').getAttribute('aria-label')).toBe('Create user task');
    await expect.poll(() => page.locator('.modeler-canvas').textContent()).toContain('Thẩm định hồ sơ');
    await page.screenshot({ path: `${screenshots}10-english.png` });
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('link', { name: 'Thiết kế thủ tục' }).waitFor();
    expect(pageErrors).toEqual([]);
    // and the server's Content Security Policy let bpmn-js, monaco and its workers run without a violation
    expect(cspViolations).toEqual([]);
  });

  /** Signed in on the modeler page, whatever the previous test left. */
  const openModeler = async () => {
    await page.goto(`${server.url}/modeler`);
    await page.locator('.modeler, form.sign-in').first().waitFor();
    if (await page.locator('form.sign-in').isVisible()) await modelerPage(page).signIn('analyst', 'analyst');
    await page.locator('.modeler[data-ready="true"]').waitFor();
  };
  /** Open a BPMN file through the toolbar's "open file" button, as an analyst does with a file from elsewhere. */
  const openFile = async (name: string, xml: string) => {
    await page.locator('.modeler-toolbar input[type="file"]').setInputFiles({ name, mimeType: 'application/xml', buffer: Buffer.from(xml, 'utf8') });
  };

  it('opens the inter-agency birth registration group, whose call activities call processes of the same file, with no check error', { timeout: 60_000 }, async () => {
    // given a signed-in analyst and the procedure library's inter-agency group, which calls the Police's and Social
    // Insurance's processes drawn in the same file (none of them deployed on this server)
    await openModeler();
    expect(await server.stores.procedures.latest('process-dang-ky-thuong-tru')).toBeUndefined();

    // when they open the file
    await openFile('lien-thong-khai-sinh.bpmn', birthGroup);

    // then both call activities are drawn and no check flags anything
    await expect.poll(() => page.locator('.modeler-canvas').textContent()).toContain('Đăng ký thường trú (Công an xã)');
    await expect.poll(() => page.locator('.modeler-canvas').textContent()).toContain('Cấp thẻ BHYT (Bảo hiểm xã hội)');
    await expect.poll(() => page.locator('.issues-panel').getAttribute('data-errors')).toBe('0');
    await expect.poll(() => page.locator('.issues-panel h3').textContent()).toBe('Không có lỗi kiểm tra');
    expect(await page.locator('.modeler-canvas .bjsl-icon-error').count()).toBe(0);
    await page.screenshot({ path: `${screenshots}11-call-activities-same-file.png` });
  });

  it('names a call activity whose called process is neither in the file nor deployed', { timeout: 60_000 }, async () => {
    // given the same group, with the residence step calling a process that exists nowhere
    await openModeler();
    const broken = birthGroup.replace('calledElement="process-dang-ky-thuong-tru"', 'calledElement="process-khong-ton-tai"');
    expect(broken).not.toBe(birthGroup);

    // when they open it
    await openFile('lien-thong-khai-sinh-loi.bpmn', broken);

    // then the list names the step and the missing process, and the step carries the error mark
    const issue = page.locator('.issues-panel li[data-element-id="call-residence"][data-code="CALL_ACTIVITY_NOT_DEPLOYED"]');
    await expect.poll(() => issue.textContent()).toContain('Đăng ký thường trú (Công an xã)');
    expect(await issue.textContent()).toContain('Thủ tục «process-khong-ton-tai» chưa được triển khai.');
    await page.locator('.djs-overlays[data-container-id="call-residence"] .bjsl-icon-error').waitFor();
    // and the other call activity, to a process of the file, is not flagged
    expect(await page.locator('.issues-panel li[data-element-id="call-health-card"]').count()).toBe(0);
    expect(await page.locator('.issues-panel').getAttribute('data-errors')).toBe('1');
    // and, as the server's budget rule says, the Police's share of the deadline cannot be checked: a warning
    expect(await page.locator('.issues-panel li[data-element-id="call-residence"][data-code="BUDGET_EXCEEDS_AGENCY_SHARE"].issue-warning').count()).toBe(1);
    await page.screenshot({ path: `${screenshots}12-call-activity-unknown.png` });
  });

  it("lists the server's issues and marks their elements when the engine refuses a model the browser's checks pass", { timeout: 60_000 }, async () => {
    // given a model every browser check accepts, routed through a complex gateway the engine does not run
    await openModeler();
    await openFile('xac-nhan-hon-nhan.bpmn', serverOnlyIssueXml);
    await expect.poll(() => page.locator('.modeler-canvas').textContent()).toContain('Kiểm tra hồ sơ');
    await expect.poll(() => page.locator('.issues-panel').getAttribute('data-errors')).toBe('0');
    expect(await page.locator('.lt-server-issue-badge').count()).toBe(0);

    // when they deploy it
    await page.getByLabel('Mã quy trình').fill('xac-nhan-hon-nhan');
    await modelerPage(page).toolbar('Triển khai');

    // then the server refuses it, the list shows its issue on the gateway in Vietnamese, marked as the server's
    await expect.poll(() => page.locator('.modeler-status').textContent()).toMatch(/máy chủ/i);
    const issue = page.locator(`.issues-panel li[data-element-id="${SERVER_ONLY_ISSUE_GATEWAY}"]`);
    await expect.poll(() => issue.textContent()).toContain('Máy chủ không chạy được loại phần tử này');
    expect(await issue.locator('.issue-element').textContent()).toBe('Đủ điều kiện?');
    expect(await issue.locator('.issue-source').textContent()).toBe('Máy chủ');
    expect(await page.locator('.issues-panel').getAttribute('data-errors')).toBe('1');
    // and the gateway carries a red badge with the server's message, and nothing else does
    const badge = page.locator(`.djs-overlays[data-container-id="${SERVER_ONLY_ISSUE_GATEWAY}"] .lt-server-issue-badge`);
    await badge.waitFor();
    expect(await badge.getAttribute('title')).toBe('Máy chủ không chạy được loại phần tử này, hãy thay bằng phần tử khác.');
    expect(await page.locator('.lt-server-issue-badge').count()).toBe(1);
    expect(await modelerPage(page).element(SERVER_ONLY_ISSUE_GATEWAY).getAttribute('class')).toContain('lt-server-issue');
    // and nothing was stored
    expect(await server.stores.procedures.latest('xac-nhan-hon-nhan')).toBeUndefined();
    await page.screenshot({ path: `${screenshots}13-server-issues-on-diagram.png` });

    // when they change the diagram, the server's verdict is stale: its marks go
    await modelerPage(page).select('Task_Verify');
    await page.keyboard.press('Delete');
    await expect.poll(() => page.locator('.lt-server-issue-badge').count()).toBe(0);
    expect(await page.locator('.issues-panel li[data-source="server"]').count()).toBe(0);
  });

  it("marks the pool when the server's check names the process drawn in it", { timeout: 60_000 }, async () => {
    // given a pool whose process has no start event, which only the engine's validation looks for
    await openModeler();
    await openFile('chung-thuc-ban-sao.bpmn', poolWithoutStartXml);
    await expect.poll(() => page.locator('.modeler-canvas').textContent()).toContain('Chứng thực');
    await expect.poll(() => page.locator('.issues-panel').getAttribute('data-errors')).toBe('0');

    // when they ask for a check (the server's validation, without deploying)
    await modelerPage(page).toolbar('Kiểm tra');

    // then the list shows the server's issue about the process, and the pool carries the badge
    const issue = page.locator('.issues-panel li[data-element-id="Process_NoStart"]');
    await expect.poll(() => issue.textContent()).toContain('Quy trình «Chứng thực bản sao» chưa có sự kiện bắt đầu.');
    expect(await issue.locator('.issue-element').textContent()).toBe('Chứng thực bản sao');
    expect(await issue.locator('.issue-source').textContent()).toBe('Máy chủ');
    await page.locator(`.djs-overlays[data-container-id="${POOL_WITHOUT_START}"] .lt-server-issue-badge`).waitFor();
    await page.screenshot({ path: `${screenshots}15-server-issue-on-pool.png` });
    // and picking the issue selects the pool
    await issue.locator('.issue-element').click();
    await expect.poll(() => page.locator('.modeler-canvas .djs-element.selected').first().getAttribute('data-element-id')).toBe(POOL_WITHOUT_START);
  });
});
