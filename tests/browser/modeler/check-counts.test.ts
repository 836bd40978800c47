/**
 * One check, one count (issue 16, item 3), in a real browser: after one bad element the canvas badge, the issues panel
 * and the status line give the same count; a finding the browser and the server both make is listed once; the
 * server's findings are worded in Vietnamese from the issue catalogue, never in the server's English; and the status
 * line is cleared when the model changes, so it never says "no errors" above a list of errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../../support/browser-launch';
import { frontEndBuilt, serveTestApp, type ServedTestApp } from './serve-test-app';
import { modelerPage } from '../modeler-page';
import { englishWords, wordsOf } from '../vietnamese-ui/english-words';
import { readModel } from '../../procedures/support/library';

const runnable = chromiumAvailable() && frontEndBuilt();
const TASK = 'Task_Verify';

/** A procedure every check accepts: one step of the commune's justice section, whose official and head are seeded. */
const cleanXml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:lt="https://lienthong.gov.vn/schema/bpmn/1.0" id="Definitions_Count" targetNamespace="https://lienthong.gov.vn/procedures">
  <bpmn:process id="Process_Count" name="Xác nhận tình trạng hôn nhân" isExecutable="true">
    <bpmn:extensionElements>
      <lt:procedure procedureCode="1.004873" name="Cấp giấy xác nhận tình trạng hôn nhân" statutoryValue="3" statutoryUnit="workingDays" supplementPolicy="pause" />
    </bpmn:extensionElements>
    <bpmn:startEvent id="Start" name="Nhận hồ sơ" />
    <bpmn:userTask id="${TASK}" name="Kiểm tra hồ sơ">
      <bpmn:extensionElements>
        <lt:assignment agency="ubnd-xa-demo" department="tu-phap-ho-tich" />
        <lt:budget value="2" unit="workingDays" />
      </bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:endEvent id="End" name="Trả kết quả" />
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="${TASK}" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="${TASK}" targetRef="End" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_Count">
    <bpmndi:BPMNPlane id="BPMNPlane_Count" bpmnElement="Process_Count">
      <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="182" y="182" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="${TASK}_di" bpmnElement="${TASK}"><dc:Bounds x="280" y="160" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="442" y="182" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1"><di:waypoint x="218" y="200" /><di:waypoint x="280" y="200" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_2_di" bpmnElement="Flow_2"><di:waypoint x="380" y="200" /><di:waypoint x="442" y="200" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;

describe.runIf(runnable)('the check panel, the canvas badge and the status line in a browser', () => {
  let server: ServedTestApp;
  let browser: Browser;
  let page: Page;
  const english = englishWords();

  beforeAll(async () => {
    server = await serveTestApp();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'vi-VN' });
  });

  afterAll(async () => {
    await page?.screenshot({ path: '/tmp/helper-a-99-last-state.png' }).catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  /** What each of the three says: the badge's and the panel's counts, and the status line. */
  const shown = async () => ({
    badge: (await page.locator('.bjsl-button').textContent())?.trim(),
    panel: await page.locator('.issues-panel h3').textContent(),
    status: (await page.locator('.modeler-status').textContent()) ?? '',
  });
  const rows = () => page.locator('.issues-panel li');
  const englishIn = (text: string) => wordsOf(text).filter((word) => english.has(word));

  /** Change the step's lt:assignment through bpmn-js's modeling, as the properties panel does: one undoable command. */
  const assign = (assignment: { agency: string; department?: string } | undefined) =>
    page.evaluate(
      ([id, wanted]) => {
        const modeler = window.lienthongModeler!;
        const element = modeler.get<{ get(id: string): { businessObject: { extensionElements: { values: { $type: string }[] } } } }>('elementRegistry').get(id)!;
        const extensions = element.businessObject.extensionElements;
        const modeling = modeler.get<{ updateModdleProperties(element: unknown, bo: unknown, properties: Record<string, unknown>): void }>('modeling');
        const current = extensions.values.find((value) => value.$type === 'lt:Assignment');
        if (!wanted) modeling.updateModdleProperties(element, extensions, { values: extensions.values.filter((value) => value !== current) });
        else if (current) modeling.updateModdleProperties(element, current, { agency: wanted.agency, department: wanted.department });
        else {
          const created = modeler.get<{ create(type: string, properties: Record<string, unknown>): { $type: string } }>('moddle').create('lt:Assignment', { ...wanted });
          modeling.updateModdleProperties(element, extensions, { values: [...extensions.values, created] });
        }
      },
      [TASK, assignment] as const,
    );

  it('counts one bad step the same everywhere, in Vietnamese, and clears the verdict when the model changes', { timeout: 120_000 }, async () => {
    const modeler = modelerPage(page);
    // given an analyst with a procedure every check accepts, checked once
    await page.goto(`${server.url}/modeler`);
    await modeler.signIn('analyst', 'analyst');
    await page.locator('.modeler-toolbar input[type="file"]').setInputFiles({ name: 'xac-nhan.bpmn', mimeType: 'application/xml', buffer: Buffer.from(cleanXml, 'utf8') });
    await modeler.element(TASK).waitFor();
    await modeler.toolbar('Kiểm tra');
    await expect.poll(shown).toEqual({ badge: 'Không có lỗi', panel: 'Không có lỗi kiểm tra', status: 'Kiểm tra xong: không có lỗi.' });

    // when the step loses its agency
    await assign(undefined);
    // then the earlier verdict is gone at once, and the browser's check counts one error everywhere
    await expect.poll(shown).toEqual({ badge: '1 lỗi, 0 cảnh báo', panel: 'Kiểm tra: 1 lỗi, 0 cảnh báo', status: '' });

    // when they check it with the server, which finds the same missing agency
    await modeler.toolbar('Kiểm tra');
    // then the finding is listed once, found by both, and the three agree on one error
    await expect.poll(shown).toEqual({ badge: '1 lỗi, 0 cảnh báo', panel: 'Kiểm tra: 1 lỗi, 0 cảnh báo', status: 'Kiểm tra xong: còn 1 lỗi.' });
    expect(await rows().count()).toBe(1);
    expect(await rows().first().getAttribute('data-source')).toBe('both');
    expect(await rows().first().textContent()).toBe('Kiểm tra hồ sơBước xử lý chưa có cơ quan xử lý (chọn ở bước hoặc ở làn).');
    expect(await page.locator('.lt-server-issue-badge').count()).toBe(0);
    await page.screenshot({ path: '/tmp/helper-a-1-found-by-both.png' });

    // when the step is routed to the province's committee, where no official or head of unit works: only the
    // server knows the people
    await assign({ agency: 'tinh-demo' });
    await expect.poll(shown).toEqual({ badge: 'Không có lỗi', panel: 'Không có lỗi kiểm tra', status: '' });
    await modeler.toolbar('Kiểm tra');
    // then the server's finding is worded from the catalogue in Vietnamese, naming the unit, marked as the server's,
    // counted once
    await expect.poll(shown).toEqual({ badge: '1 lỗi, 0 cảnh báo', panel: 'Kiểm tra: 1 lỗi, 0 cảnh báo', status: 'Kiểm tra xong: còn 1 lỗi.' });
    const row = rows().first();
    expect(await row.getAttribute('data-code')).toBe('UNIT_UNREACHABLE');
    expect(await row.locator('.issue-message').textContent()).toContain('Bước được giao cho Ủy ban nhân dân tỉnh Demo, nhưng không cán bộ nào ở đó nhận được bước này');
    expect(await row.locator('.issue-source').textContent()).toBe('Máy chủ');
    const badge = page.locator(`.djs-overlays[data-container-id="${TASK}"] .lt-server-issue-badge`);
    expect(await badge.getAttribute('title')).toContain('Bước được giao cho Ủy ban nhân dân tỉnh Demo, nhưng không cán bộ nào ở đó nhận được bước này');
    // and no English reaches the page: not the server's sentence, not a word of it
    const texts = [await page.locator('.issues-panel').textContent(), await page.locator('.modeler-status').textContent(), await badge.getAttribute('title')].join(' ');
    expect(texts).not.toContain('routed to');
    expect(englishIn(texts)).toEqual([]);
    await page.screenshot({ path: '/tmp/helper-a-2-server-only.png' });

    // when they fix the step
    await assign({ agency: 'ubnd-xa-demo', department: 'tu-phap-ho-tich' });
    // then the status is cleared and nothing is listed or counted; checking again says so
    await expect.poll(shown).toEqual({ badge: 'Không có lỗi', panel: 'Không có lỗi kiểm tra', status: '' });
    expect(await page.locator('.lt-server-issue-badge').count()).toBe(0);
    await page.screenshot({ path: '/tmp/helper-a-3-fixed.png' });
    await modeler.toolbar('Kiểm tra');
    await expect.poll(shown).toEqual({ badge: 'Không có lỗi', panel: 'Không có lỗi kiểm tra', status: 'Kiểm tra xong: không có lỗi.' });
    await page.screenshot({ path: '/tmp/helper-a-4-checked-clean.png' });
  });
  it('reports inter-agency group 1 over its deadline through the called Social Insurance process, as the server does', { timeout: 120_000 }, async () => {
    // given group 1 of Decree 63/2024 with the Social Insurance's card step raised from 1 to 2.4 working days
    const group1 = readModel('lien-thong-khai-sinh').replace(
      /(<bpmn:userTask id="task-issue-health-card"[^>]*>\s*<bpmn:extensionElements>\s*<lt:budget value=")1(")/,
      '$12.4$2',
    );
    // when the analyst opens it
    await page.locator('.modeler-toolbar input[type="file"]').setInputFiles({ name: 'nhom-1.bpmn', mimeType: 'application/xml', buffer: Buffer.from(group1, 'utf8') });
    // then the browser counts the called process: the group's 3.65 days over its 3, and the agency over its share of 2
    const group = page.locator('.issues-panel li[data-element-id="process-lien-thong-khai-sinh"][data-code="BUDGET_EXCEEDS_STATUTORY"]');
    await expect.poll(() => group.locator('.issue-message').textContent()).toContain('là 3.65 ngày làm việc, vượt thời hạn giải quyết 3 ngày làm việc là 0.65 ngày làm việc');
    const share = page.locator('.issues-panel li[data-element-id="call-health-card"][data-code="BUDGET_EXCEEDS_AGENCY_SHARE"]');
    expect(await share.locator('.issue-message').textContent()).toContain('(cơ quan bhxh-tinh) cộng lại 2.9 ngày làm việc, vượt phần thời hạn 2 ngày làm việc của cơ quan là 0.9 ngày làm việc');
    await expect.poll(shown).toEqual({ badge: '2 lỗi, 0 cảnh báo', panel: 'Kiểm tra: 2 lỗi, 0 cảnh báo', status: '' });

    // when they check it with the server
    await modelerPage(page).toolbar('Kiểm tra');
    // then the server found the same two, listed once each, and the three counts agree
    await expect.poll(shown).toEqual({ badge: '2 lỗi, 0 cảnh báo', panel: 'Kiểm tra: 2 lỗi, 0 cảnh báo', status: 'Kiểm tra xong: còn 2 lỗi.' });
    expect(await rows().evaluateAll((items) => items.map((item) => `${item.getAttribute('data-code')} ${item.getAttribute('data-source')}`))).toEqual([
      'BUDGET_EXCEEDS_STATUTORY both',
      'BUDGET_EXCEEDS_AGENCY_SHARE both',
    ]);
    await page.screenshot({ path: '/tmp/helper-a-5-group-1-over-budget.png' });
  });
  it('words a budget overrun only the server can find with its figures in working days, in Vietnamese', { timeout: 120_000 }, async () => {
    // given business registration (3 working days) deployed under its library key, and a group calling it with a
    // share of 2: the browser cannot count a deployed procedure, the server can
    const token = ((await (await fetch(`${server.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'analyst', password: 'analyst' }) })).json()) as { token: string }).token;
    const deployed = await fetch(`${server.url}/api/procedures`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ key: 'dang-ky-thanh-lap-doanh-nghiep', xml: readModel('dang-ky-thanh-lap-doanh-nghiep') }) });
    expect(deployed.status).toBe(201);
    await page.reload();
    await page.locator('.modeler[data-ready="true"]').waitFor();
    const caller = cleanXml.replace(
      /<bpmn:userTask id="Task_Verify"[\s\S]*?<\/bpmn:userTask>/,
      `<bpmn:callActivity id="${TASK}" name="Đăng ký doanh nghiệp" calledElement="dang-ky-thanh-lap-doanh-nghiep"><bpmn:extensionElements><lt:assignment agency="so-tai-chinh" /><lt:agencyShare value="2" unit="workingDays" /></bpmn:extensionElements></bpmn:callActivity>`,
    );
    await page.locator('.modeler-toolbar input[type="file"]').setInputFiles({ name: 'goi-thu-tuc.bpmn', mimeType: 'application/xml', buffer: Buffer.from(caller, 'utf8') });
    const share = page.locator(`.issues-panel li[data-element-id="${TASK}"][data-code="BUDGET_EXCEEDS_AGENCY_SHARE"]`);
    await share.waitFor();
    // when the analyst checks it with the server
    await modelerPage(page).toolbar('Kiểm tra');
    // then the share's overrun says its numbers: 3 working days against a share of 2, 1 over
    await expect.poll(() => share.locator('.issue-message').textContent()).toContain('(cơ quan so-tai-chinh) cộng lại 3 ngày làm việc, vượt phần thời hạn 2 ngày làm việc của cơ quan là 1 ngày làm việc');
    expect(englishIn((await share.textContent()) ?? '')).toEqual([]);
    expect(await rows().count()).toBe(1);
    await page.screenshot({ path: '/tmp/h16-server-figures.png' });
  });
});
