/**
 * An analyst's drafts follow them from browser to browser (issue 16): a draft saved on one browser is listed, and opens,
 * after signing in on another; drafts an older modeler kept in a browser's localStorage move to the server at the
 * first sign-in there, and are then listed everywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../../support/browser-launch';
import { frontEndBuilt, serveTestApp, type ServedTestApp } from './serve-test-app';
import { modelerPage } from '../modeler-page';

const runnable = chromiumAvailable() && frontEndBuilt();

describe.runIf(runnable)('an analyst’s drafts on the server', () => {
  let server: ServedTestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  /** A browser of its own (its own localStorage), signed in as the analyst on the modeler. */
  const anotherBrowser = async (prepare?: (context: BrowserContext) => Promise<void>): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    contexts.push(context);
    await prepare?.(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}/modeler`);
    await modelerPage(page).signIn('analyst', 'analyst');
    return page;
  };

  beforeAll(async () => {
    server = await serveTestApp();
    browser = await launchChromium();
  });

  afterAll(async () => {
    if (pageErrors.length > 0) console.log('page errors:', pageErrors);
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it('lists and opens on another browser the draft saved on the first', { timeout: 120_000 }, async () => {
    // given the analyst draws from a template on one browser, names it and saves it
    const first = await anotherBrowser();
    await modelerPage(first).toolbar('Từ mẫu…');
    await first.locator('.template-gallery').getByRole('button', { name: 'Hai phòng chuyên môn nối tiếp' }).click();
    await expect.poll(() => first.locator('.modeler-canvas').textContent()).toContain('Cho ý kiến chuyên ngành');
    await first.locator('input[name="procedure-name"]').fill('Cấp phép thử trên hai máy');
    await first.locator('input[name="procedure-name"]').press('Tab');
    await modelerPage(first).toolbar('Lưu nháp');
    await expect.poll(() => first.locator('.modeler-status').textContent()).toBe('Đã lưu bản nháp trên máy chủ.');
    // when the analyst signs in on another browser
    const second = await anotherBrowser();
    // then the draft is listed there, and opens in one click with its name and its steps
    const listed = second.locator('.draft-item', { hasText: 'Cấp phép thử trên hai máy' });
    await listed.waitFor();
    await second.screenshot({ path: '/tmp/h16-drafts-second-browser.png' });
    await listed.getByRole('button').click();
    await expect.poll(() => second.locator('input[name="procedure-name"]').inputValue()).toBe('Cấp phép thử trên hai máy');
    await expect.poll(() => second.locator('.modeler-canvas').textContent()).toContain('Cho ý kiến chuyên ngành');
    expect((await server.drafts.listByOwner('u-analyst')).map((draft) => draft.name)).toContain('Cấp phép thử trên hai máy');
    expect(pageErrors).toEqual([]);
  });

  it('moves the drafts a browser kept to the server at the first sign-in there, so another browser lists them too', { timeout: 120_000 }, async () => {
    // given a browser whose older modeler kept a draft in its localStorage
    const kept = await anotherBrowser(async (context) => {
      await context.addInitScript(() => {
        if (sessionStorage.getItem('seeded')) return;
        sessionStorage.setItem('seeded', '1');
        const diagram = `<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" id="Defs" targetNamespace="urn:test"><bpmn:process id="P" name="Bản nháp cũ trong trình duyệt" isExecutable="true"><bpmn:startEvent id="Start"/></bpmn:process><bpmndi:BPMNDiagram id="D"><bpmndi:BPMNPlane id="Plane" bpmnElement="P"><bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="100" y="100" width="36" height="36"/></bpmndi:BPMNShape></bpmndi:BPMNPlane></bpmndi:BPMNDiagram></bpmn:definitions>`;
        localStorage.setItem('lienthong.modeler.drafts.u-analyst', JSON.stringify([{ id: 'draft-cu-trong-trinh-duyet', key: 'nhap-cu', name: 'Bản nháp cũ trong trình duyệt', xml: diagram, savedAt: '2026-11-30T08:00:00Z' }]));
      });
    });
    // when the analyst has signed in there, then it is listed, and the browser no longer keeps it
    await kept.locator('.draft-item', { hasText: 'Bản nháp cũ trong trình duyệt' }).waitFor();
    expect(await kept.evaluate(() => localStorage.getItem('lienthong.modeler.drafts.u-analyst'))).toBeNull();
    expect((await server.drafts.get('draft-cu-trong-trinh-duyet'))?.ownerId).toBe('u-analyst');
    // and a browser that never kept it lists it as well
    const other = await anotherBrowser();
    await other.locator('.draft-item', { hasText: 'Bản nháp cũ trong trình duyệt' }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
