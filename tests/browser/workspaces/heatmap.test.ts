/**
 * The live heatmap in a real browser against the whole server: the procedure's diagram with the waiting, nearly-due
 * and overdue counts of the API on each step, the dossiers behind a step on click, and the counts following a step
 * completed through the API — over server-sent events, without a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../../support/browser-launch';
import { startWorkspaceApp, workspaceFrontEndBuilt, type WorkspaceTestApp } from '../../support/browser-workspace-app';
import { signInThroughPage, signOutThroughStorage } from '../../support/browser-workspace-page';
import { completeOpenStep, seedWorkingDay, SEED_PROCEDURE_KEY, type WorkspaceSeed } from '../../support/browser-workspace-seed';

const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));
const runnable = chromiumAvailable() && workspaceFrontEndBuilt();
if (!runnable) console.log('skipped: no chromium at /usr/bin/chromium or modeler/dist not built (npm run build:modeler)');

type Counts = Record<string, { waiting: number; nearlyDue: number; overdue: number }>;

describe.runIf(runnable)('the live heatmap in a browser', () => {
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
    page = await browser.newPage({ viewport: { width: 1600, height: 900 }, locale: 'vi-VN' });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await page?.screenshot({ path: `${screenshots}workspaces-heatmap-99-last-state.png` }).catch(() => undefined);
    if (pageErrors.length > 0) console.log('page errors:', pageErrors);
    await browser?.close();
    await app?.close();
  });

  const apiCounts = async (user: string) => (await app.call<{ elements: Counts }>(user, 'GET', `/api/heatmap/${SEED_PROCEDURE_KEY}/versions/1`)).body.elements;
  /** What the overlay on `elementId` shows: [waiting, nearly due, overdue]. */
  const shown = (elementId: string) =>
    page.locator(`.ws-heat-label[data-element-id="${elementId}"] span`).allTextContents().then((texts) => texts.map(Number));
  const expected = (counts: Counts, elementId: string) => [counts[elementId]?.waiting ?? 0, counts[elementId]?.nearlyDue ?? 0, counts[elementId]?.overdue ?? 0];

  it('shows on each step the counts the API gives, and lists the dossiers of a step on click', async () => {
    // given a supervisor of the province on the heatmap of the business registration procedure
    await page.goto(`${app.url}/heatmap?procedureKey=${SEED_PROCEDURE_KEY}&version=1`);
    await signInThroughPage(page, 'supervisor');
    await page.locator(`.ws-heat-canvas[data-ready="${SEED_PROCEDURE_KEY}@1"]`).waitFor();

    // then each step's overlay shows the API's waiting, nearly-due and overdue counts
    const counts = await apiCounts('supervisor');
    expect(counts['task-receive']).toMatchObject({ waiting: 4, nearlyDue: 1, overdue: 1 });
    for (const elementId of ['task-receive', 'task-review', 'task-head', 'task-return', 'task-return-refusal']) {
      expect(await shown(elementId)).toEqual(expected(counts, elementId));
    }
    // and the counter's step is tinted by its overdue share (1 of 4), the empty steps grey
    expect(await page.locator('.ws-heat-tint[data-element-id="task-receive"]').getAttribute('data-share')).toBe('0.25');

    // when the supervisor clicks the counter's step
    await page.locator('.ws-heat-label[data-element-id="task-receive"]').click();
    // then its four dossiers are listed, most urgent first, as the API lists them
    const list = page.locator('.ws-heat-dossiers[data-element-id="task-receive"] li');
    await expect.poll(() => list.count()).toBe(4);
    const api = await app.call<{ items: { dossierCode: string }[] }>('supervisor', 'GET', `/api/heatmap/${SEED_PROCEDURE_KEY}/versions/1/elements/task-receive/dossiers`);
    expect(await list.evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.dossierCode))).toEqual(api.body.items.map((item) => item.dossierCode));
    expect(await list.first().locator('.ws-badge').textContent()).toBe('Quá hạn');
    expect(await page.locator('.ws-heat-side h3').textContent()).toBe('Tiếp nhận hồ sơ');
    await page.screenshot({ path: `${screenshots}workspaces-10-heatmap.png` });
  });

  it('moves the counts when a step is completed, without a reload', async () => {
    // given the page as it is, marked so a reload would show
    await page.evaluate(() => ((window as unknown as { heatmapTestMark: boolean }).heatmapTestMark = true));
    await page.locator('.ws-live-on').waitFor();

    // when the counter completes the overdue dossier's step through the API
    await completeOpenStep(app, 'official.motcua', seed.overdue.id);

    // then the counter's step shows one dossier fewer (and none overdue), the review one more, as the API says
    await expect.poll(() => shown('task-receive'), { timeout: 30_000 }).toEqual([3, 1, 0]);
    await expect.poll(() => shown('task-review'), { timeout: 30_000 }).toEqual([2, 0, 0]);
    const counts = await apiCounts('supervisor');
    expect(await shown('task-receive')).toEqual(expected(counts, 'task-receive'));
    expect(await shown('task-review')).toEqual(expected(counts, 'task-review'));
    // and the open list of the counter's step follows too
    await expect.poll(() => page.locator('.ws-heat-dossiers[data-element-id="task-receive"] li').count()).toBe(3);
    // and the page was never reloaded
    expect(await page.evaluate(() => (window as unknown as { heatmapTestMark?: boolean }).heatmapTestMark)).toBe(true);
    await page.screenshot({ path: `${screenshots}workspaces-11-heatmap-after-completion.png` });
  });

  it('shows an official only the counts of their own unit', async () => {
    // when the counter's official opens the same heatmap
    await signOutThroughStorage(page);
    await page.goto(`${app.url}/heatmap?procedureKey=${SEED_PROCEDURE_KEY}&version=1`);
    await signInThroughPage(page, 'official.motcua');
    await page.locator(`.ws-heat-canvas[data-ready="${SEED_PROCEDURE_KEY}@1"]`).waitFor();
    // then the counter's step has its dossiers and the finance review shows none of the other agency's
    await expect.poll(() => shown('task-receive')).toEqual([3, 1, 0]);
    expect(await shown('task-review')).toEqual([0, 0, 0]);
    expect(await shown('task-review')).toEqual(expected(await apiCounts('official.motcua'), 'task-review'));
  });
});
