/**
 * "Mô phỏng" in the modeler (issue 19): an analyst opens a draft, types how long a step without history takes, and
 * compares two scenarios on it: A with 3 officials at the Department of Finance's investment unit (the bottleneck at
 * 4 dossiers a working day of about one working day each), B with 6. The seeded run is deterministic: B finishes more
 * dossiers on time than A, and the diagram is tinted by each step's share of lateness, the bottleneck the darkest.
 * A draft copied from a deployed procedure with recorded history runs on the durations measured there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../../support/browser-launch';
import { frontEndBuilt, serveTestApp, type ServedTestApp } from './serve-test-app';
import { modelerPage } from '../modeler-page';
import { englishWords, wordsOf } from '../vietnamese-ui/english-words';
import { seedDossiers, SEED_PROCEDURES } from '../../support/seed-dossiers';
import { layoutProcess } from 'bpmn-auto-layout';

const runnable = chromiumAvailable() && frontEndBuilt();
const BOTTLENECK = 'so-tai-chinh/phong-dau-tu';

describe.runIf(runnable)('simulating a draft in the modeler', () => {
  let server: ServedTestApp;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await serveTestApp();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 1000 }, locale: 'vi-VN' });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}/modeler`);
    await modelerPage(page).signIn('analyst', 'analyst');
  });

  afterAll(async () => {
    if (pageErrors.length > 0) console.log('page errors:', pageErrors);
    await browser?.close();
    await server?.close();
  });

  const panel = () => page.locator('.sim-panel');
  const stepInput = (scenario: string, step: string) => panel().locator(`input[data-scenario="${scenario}"][data-step="${step}"]:not([data-decision])`);
  const budgetInput = (scenario: string, step: string) => panel().locator(`input[data-scenario="${scenario}"][data-budget-step="${step}"]`);
  const unitInput = (scenario: string, unit: string) => panel().locator(`input[data-scenario="${scenario}"][data-unit="${unit}"]`);

  it('runs scenarios A and B on the draft side by side: more officials at the bottleneck raise the on-time share, and the diagram shows where lateness comes from', { timeout: 180_000 }, async () => {
    // given a draft of two departments in sequence (15 working days), never deployed
    await modelerPage(page).toolbar('Từ mẫu…');
    await page.locator('.template-gallery').getByRole('button', { name: 'Hai phòng chuyên môn nối tiếp' }).click();
    await expect.poll(() => page.locator('.modeler-canvas').textContent()).toContain('Cho ý kiến chuyên ngành');
    // when the analyst opens "Mô phỏng": every step of the draft is listed, none has history yet
    await modelerPage(page).toolbar('Mô phỏng');
    await expect.poll(() => panel().locator('tr[data-step]').count()).toBe(5);
    await expect.poll(() => panel().locator('tr[data-unit]').count()).toBe(4);

    // a draft with a step whose budget was removed is not simulated: the step is named, in Vietnamese
    await page.evaluate(() => {
      const modeler = window.lienthongModeler!;
      const approve = modeler.get<{ get(id: string): { businessObject: { extensionElements: { values: { $type: string }[] } } } }>('elementRegistry').get('Task_Approve')!;
      const extensions = approve.businessObject.extensionElements;
      modeler.get<{ updateModdleProperties(element: unknown, target: unknown, properties: unknown): void }>('modeling')
        .updateModdleProperties(approve, extensions, { values: extensions.values.filter((value) => value.$type !== 'lt:Budget') });
    });
    await panel().getByRole('button', { name: 'Chạy mô phỏng' }).click();
    await expect.poll(() => panel().locator('.sim-errors').textContent()).toContain('«Phê duyệt kết quả»: Bước xử lý chưa có thời hạn.');
    await modelerPage(page).toolbar('Hoàn tác');
    // a mistyped duration is refused in Vietnamese, naming the step
    await panel().locator('input[name="sim-from"]').fill('2025-04-01');
    await panel().locator('input[name="sim-to"]').fill('2025-04-30');
    await panel().locator('input[name="sim-arrivals"]').fill('4');
    await panel().locator('input[name="sim-seed"]').fill('7');
    await stepInput('A', 'Task_Opinion').fill('-1');
    await budgetInput('A', 'Task_Opinion').fill('0');
    await panel().getByRole('button', { name: 'Chạy mô phỏng' }).click();
    await expect.poll(() => panel().locator('.sim-errors').textContent()).toContain('Kịch bản A, bước «Cho ý kiến chuyên ngành»: thời gian xử lý phải là số ngày làm việc từ 0 đến 250.');
    expect(await panel().locator('.sim-errors').textContent()).toContain('Kịch bản A, bước «Cho ý kiến chuyên ngành»: thời hạn bước phải là số ngày làm việc lớn hơn 0, tối đa 365.');
    await budgetInput('A', 'Task_Opinion').fill('');

    // A: the opinion takes 1 working day on average, 3 officials at the Department of Finance; B: the same with 6, and
    // the opinion's budget raised from the draft's 5 working days to 8 (its deadline only: it works as long)
    await stepInput('A', 'Task_Opinion').fill('1');
    await unitInput('A', BOTTLENECK).fill('3');
    await panel().getByRole('button', { name: 'Chép A sang B' }).click();
    await expect.poll(() => stepInput('B', 'Task_Opinion').inputValue()).toBe('1');
    await unitInput('B', BOTTLENECK).fill('6');
    expect(await budgetInput('B', 'Task_Opinion').getAttribute('placeholder')).toBe('5');
    await budgetInput('B', 'Task_Opinion').fill('8');
    await panel().locator('table[data-table="step-budgets"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/h36-simulation-step-budgets.png' });
    await panel().getByRole('button', { name: 'Chạy mô phỏng' }).click();

    // then both scenarios answer side by side, B on time more often than A
    const share = async (scenario: string) => Number(await panel().locator(`.sim-card[data-scenario="${scenario}"] .sim-on-time`).getAttribute('data-share'));
    await panel().locator('.sim-card[data-scenario="B"] .sim-on-time').waitFor({ timeout: 60_000 });
    const [a, b] = [await share('A'), await share('B')];
    expect(a).toBeLessThan(0.9);
    expect(b).toBeGreaterThan(a);
    expect(Number(await panel().locator('.sim-difference').getAttribute('data-delta'))).toBeCloseTo(b - a, 6);
    // the Department of Finance is the agency most often responsible in A, and its officials are busier in A than in B
    expect(await panel().locator('.sim-card[data-scenario="A"] .sim-responsible').getAttribute('data-agency')).toBe('so-tai-chinh');
    const utilisation = async (column: number) => Number(await panel().locator(`.sim-unit-figures tr[data-unit="${BOTTLENECK}"] td[data-utilisation]`).nth(column).getAttribute('data-utilisation'));
    expect(await utilisation(0)).toBeGreaterThan(await utilisation(1));
    // every word of the panel and of the diagram's legend is Vietnamese
    const english = englishWords();
    const shown = `${await panel().innerText()} ${await page.locator('.modeler-canvas .sim-legend').innerText()}`;
    expect(wordsOf(shown).filter((word) => english.has(word))).toEqual([]);
    // the distribution of working days is drawn against the deadline
    await expect.poll(() => panel().locator('.sim-chart canvas').evaluate((canvas: HTMLCanvasElement) => canvas.width)).toBeGreaterThan(0);

    // and the diagram is tinted by scenario A: the opinion step carries the lateness, the fixed-budget review none
    const lateClass = (id: string) => page.locator(`.modeler-canvas .sim-late-tint[data-element-id="${id}"]`).getAttribute('data-late-class');
    await page.locator('.modeler-canvas .sim-late-tint').first().waitFor();
    expect(['high', 'top']).toContain(await lateClass('Task_Opinion'));
    expect(await lateClass('Task_Review')).toBe('none');
    await expect.poll(() => page.locator('.modeler-canvas .sim-legend').textContent()).toContain('Tỉ lệ hồ sơ trễ mà bước vượt thời hạn');
    await page.screenshot({ path: '/tmp/h19-simulation-diagram-a.png' });
    await panel().locator('.sim-chart').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/h19-simulation-chart.png' });
    await panel().locator('.sim-unit-figures').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/h19-simulation-tables.png' });

    // when the analyst colours by B, the opinion step's share of lateness is lower than in A (more officials, longer budget)
    const opinionShare = async () => Number(await page.locator('.modeler-canvas .sim-late-tint[data-element-id="Task_Opinion"]').getAttribute('data-share'));
    const shareInA = await opinionShare();
    await panel().getByRole('radio', { name: 'Kịch bản B' }).check();
    await expect.poll(() => page.locator('.modeler-canvas .sim-late-tint').first().getAttribute('title')).toContain('Kịch bản B');
    expect(await opinionShare()).toBeLessThan(shareInA);
    await page.screenshot({ path: '/tmp/h19-simulation-diagram-b.png', fullPage: true });

    // the same seed gives the same figures again
    await panel().getByRole('button', { name: 'Chạy mô phỏng' }).click();
    await expect.poll(() => share('A')).toBe(a);
    expect(await share('B')).toBe(b);
    expect(pageErrors).toEqual([]);
  });

  it('uses the durations measured on the deployed versions for a draft copied from one, and says so beside each step', { timeout: 180_000 }, async () => {
    // given three procedures deployed (laid out, as the fixture has no diagram) and 90 dossiers worked through them
    // from 3 March to 17 April 2025
    const analyst = await server.as('analyst');
    await seedDossiers(
      {
        ...server,
        deploy: async (key, xml) => {
          const response = await server.app.request('/api/procedures', { method: 'POST', headers: { ...analyst, 'content-type': 'application/json' }, body: JSON.stringify({ key, xml: await layoutProcess(xml) }) });
          if (response.status !== 201) throw new Error(`deploy ${key}: ${response.status}`);
        },
      },
      { count: 90, startAt: Date.UTC(2025, 2, 3, 1, 0), days: 45, stopAt: Date.UTC(2025, 3, 17, 3, 0) },
    );
    const key = SEED_PROCEDURES[0].key;
    // when the analyst opens the first one, makes a draft of it and simulates the next month at its own arrival rate
    // (the seeding moved the server's clock six weeks on: the earlier session has expired, so they sign in again)
    await page.evaluate(() => localStorage.removeItem('lienthong.token'));
    await page.goto(`${server.url}/modeler`);
    await modelerPage(page).signIn('analyst', 'analyst');
    await page.locator(`.procedure-item[data-key="${key}"] .procedure-toggle`).click();
    await page.locator('.readonly-banner:not([hidden])').waitFor();
    await page.getByRole('button', { name: 'Tạo bản nháp từ phiên bản này' }).click();
    await expect.poll(() => page.locator('input[name="procedure-key"]').inputValue()).toBe(key);
    await expect.poll(() => page.locator('.modeler-canvas').textContent()).toContain('Thẩm định hồ sơ');
    await modelerPage(page).toolbar('Mô phỏng');
    await expect.poll(() => panel().locator('tr[data-step="task-review"]').count()).toBe(1);
    await panel().locator('input[name="sim-from"]').fill('2025-04-21');
    await panel().locator('input[name="sim-to"]').fill('2025-05-20');
    await panel().getByRole('button', { name: 'Chạy mô phỏng' }).click();
    await panel().locator('.sim-card[data-scenario="A"] .sim-on-time').waitFor({ timeout: 60_000 });
    // then the steps worked in the history are measured, with their counts, and the run received dossiers at the measured rate
    await panel().locator('summary').click();
    expect(await panel().locator('tr[data-step="task-review"] .sim-source').textContent()).toMatch(/^đo được: \d+ lượt, trung vị [\d,]+ giờ$/);
    expect(Number((await panel().locator('.sim-card[data-scenario="A"]').textContent())?.match(/(\d+) nhận/)?.[1])).toBeGreaterThan(0);
    // and the review's branches, unnamed in this model, are worded from their decisions
    expect(await panel().locator('.sim-inputs').textContent()).toContain('«Thẩm định hồ sơ» → Bổ sung');
    const english = englishWords();
    expect(wordsOf(await panel().innerText()).filter((word) => english.has(word))).toEqual([]);
    await page.screenshot({ path: '/tmp/h19-simulation-measured.png' });
    expect(pageErrors).toEqual([]);
  });
});
