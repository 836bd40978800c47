/**
 * Every page of the Vietnamese interface, in a real browser against the whole server, says everything in Vietnamese
 * (issue 15 item 5): the visible text and the tooltips, labels, placeholders and alternative texts (`title`,
 * `aria-label`, `placeholder`, `alt`) of the modeler — palette, context pad, popup menu, properties panel with a user
 * task, a lane, the pool and a flow selected —, the inbox, a dossier, the dashboard, the heatmap, the lookup, the
 * sign-in, and the counter intake and citizen submission pages once the route table has them. A hit names the page, the
 * element and the English word. English words are derived at test time from our English catalogue and the strings
 * bpmn-js and its properties panel translate (`vietnamese-ui/english-words.ts`); the English interface, checked the
 * same way, must be full of them, so the check cannot pass by seeing nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../support/browser-launch';
import { startWorkspaceApp, workspaceFrontEndBuilt, type WorkspaceTestApp } from '../support/browser-workspace-app';
import { seedWorkingDay, type WorkspaceSeed } from '../support/browser-workspace-seed';
import { modelerPage } from './modeler-page';
import { collectPageStrings, type PageString } from './vietnamese-ui/collect-page-strings';
import { englishWords, wordsOf } from './vietnamese-ui/english-words';

const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
const runnable = chromiumAvailable() && workspaceFrontEndBuilt();
if (!runnable) console.log('skipped: no chromium at /usr/bin/chromium or modeler/dist not built (npm run build:modeler)');
const routeTableSource = readFileSync(fileURLToPath(new URL('../../modeler/src/shell/route-table.ts', import.meta.url)), 'utf8');
const routed = (path: string) => routeTableSource.includes(`path: '${path}'`);

const ENGLISH = englishWords();

/**
 * Tokens that are not words of a language: ids, codes, file names, addresses, times, key names (they hold a digit or
 * one of `_./:@+`: "Process_1", "cap-phep.bpmn", "Ctrl+Enter").
 */
const NOT_PROSE = /[\d_./:@+]/;

/** Every English word of `strings`, as "page › element › kind: «word» in «text»". */
function englishIn(pageName: string, strings: PageString[]): string[] {
  const hits = new Set<string>();
  for (const { element, kind, text } of strings) {
    for (const token of text.split(/\s+/)) {
      if (NOT_PROSE.test(token)) continue;
      for (const word of wordsOf(token)) if (ENGLISH.has(word)) hits.add(`${pageName} › ${element} › ${kind}: «${word}» in «${text.slice(0, 80)}»`);
    }
  }
  return [...hits];
}

describe.runIf(runnable)('the Vietnamese interface has no English word', () => {
  let app: WorkspaceTestApp;
  let seed: Promise<WorkspaceSeed> | undefined;
  let browser: Browser;
  /** A working Monday's dossiers, for the pages that show dossiers (the modeler needs none). */
  const seeded = () => (seed ??= seedWorkingDay(app));

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    app = await startWorkspaceApp();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** A fresh browser in `locale`, signed in as `username` when given. */
  const openAs = async (username: string | undefined, locale: 'vi' | 'en' = 'vi'): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'vi-VN' });
    const token = username ? (await app.call<{ token: string }>(undefined, 'POST', '/api/auth/sign-in', { username, password: username })).body.token : undefined;
    await context.addInitScript(
      ([chosen, session]) => {
        localStorage.setItem('lienthong.locale', chosen!);
        if (session) localStorage.setItem('lienthong.token', session);
      },
      [locale, token ?? ''],
    );
    return { context, page: await context.newPage() };
  };

  /** The modeler in every state that shows other strings: palette, context pad, popup menu, properties of each kind. */
  const modelerStrings = async (page: Page): Promise<PageString[]> => {
    const modeler = modelerPage(page);
    const strings: PageString[] = [];
    const collect = async () => strings.push(...(await collectPageStrings(page)));
    await page.goto(`${app.url}/modeler`);
    await page.locator('.modeler[data-ready="true"]').waitFor();
    await page.locator('.modeler-toolbar button[data-action="newFromTemplate"]').click();
    await collect(); // the template gallery
    await page.locator('.template-choice').first().click(); // a pool, three lanes, four user tasks
    await modeler.element('Task_Review').waitFor();
    await collect();
    for (const id of ['Task_Review', 'Lane_2', 'Participant_1', 'Flow_2', 'Start', 'End']) {
      await page.evaluate((elementId) => {
        const instance = window.lienthongModeler!;
        const element = instance.get<{ get(id: string): unknown }>('elementRegistry').get(elementId);
        if (!element) throw new Error(`no element ${elementId} in the template`);
        instance.get<{ select(element: unknown): void }>('selection').select(element);
      }, id);
      await page.locator('.bio-properties-panel-header').waitFor();
      // every group of the properties panel open, so each of its entries is drawn
      for (let index = 0; index < 20; index += 1) {
        const closed = page.locator('.bio-properties-panel-group-header:not(.open)').first();
        if ((await closed.count()) === 0) break;
        await closed.click();
      }
      await collect();
      // the popup menu of "change type", with its search field and the element's markers (loop, multi-instance…)
      if ((await page.locator('.djs-context-pad [data-action="replace"]').count()) > 0) {
        await modeler.contextPad('replace');
        await page.locator('.djs-popup').waitFor();
        await collect();
        await page.screenshot({ path: `${screenshots}vietnamese-ui-popup-${id}.png` });
        await page.keyboard.press('Escape');
      }
      if (id === 'Task_Review') await page.screenshot({ path: `${screenshots}vietnamese-ui-user-task.png` });
    }
    for (const tab of ['XML', 'Biểu mẫu điện tử', 'Form']) {
      const button = page.getByRole('tab', { name: tab, exact: true });
      if ((await button.count()) === 0) continue;
      await button.click();
      await page.waitForTimeout(300);
      await collect();
    }
    return strings;
  };

  const check = (pageName: string, strings: PageString[]) => {
    expect(strings.length, `${pageName}: nothing collected`).toBeGreaterThan(5);
    return englishIn(pageName, strings);
  };

  it('finds English words in the English interface, so the check below cannot pass by seeing nothing', { timeout: 120_000 }, async () => {
    // given the English interface of the modeler
    const { context, page } = await openAs('analyst', 'en');
    // when its strings are checked for English words
    const hits = check('modeler (en)', await modelerStrings(page));
    await context.close();
    // then the palette, the context pad, the properties panel and our toolbar are all caught
    expect(ENGLISH.size).toBeGreaterThan(300);
    for (const word of ['create', 'append', 'general', 'documentation', 'deploy']) expect(hits.some((hit) => hit.includes(`«${word}»`)), word).toBe(true);
  });

  it('says everything in Vietnamese in the modeler: palette, context pad, popup menu, properties panel', { timeout: 120_000 }, async () => {
    const { context, page } = await openAs('analyst');
    const hits = check('modeler', await modelerStrings(page));
    await context.close();
    expect(hits.join('\n')).toBe('');
  });

  /** The workspaces and the citizen pages: path, who, what shows the page is ready, an optional action before. */
  const pages: { name: string; path: (seed: WorkspaceSeed) => string; user?: string; ready: string; when?: (page: Page, seed: WorkspaceSeed) => Promise<void> }[] = [
    { name: 'home and sign-in', path: () => '/sign-in', ready: 'form.sign-in' },
    { name: 'inbox', path: () => '/inbox', user: 'official.motcua', ready: '.ws-page-body' },
    { name: 'dossier', path: (seed) => `/inbox/dossiers/${seed.overdue.id}`, user: 'official.motcua', ready: '.ws-page-body' },
    { name: 'dashboard', path: () => '/dashboard', user: 'supervisor', ready: '.ws-page-body' },
    { name: 'heatmap', path: () => '/heatmap', user: 'supervisor', ready: '.ws-page-body' },
    {
      name: 'lookup',
      path: () => '/lookup',
      ready: 'input[name="code"]',
      when: async (page, seed) => {
        await page.locator('input[name="code"]').fill(seed.atFinance.dossierCode);
        await page.locator('input[name="idNumber"]').fill(seed.atFinance.applicant.idNumber);
        await page.locator('form button[type="submit"], button:has-text("Tra cứu")').first().click();
        await page.waitForTimeout(1000);
      },
    },
    ...(routed('/intake') ? [{ name: 'counter intake', path: () => '/intake', user: 'official.motcua', ready: 'main *' }] : []),
    ...(routed('/submit') ? [{ name: 'citizen submission', path: () => '/submit', ready: 'main *' }] : []),
    ...(routed('/calendars') ? [{
      name: 'calendar administration', path: () => '/calendars?month=2025-03', user: 'admin', ready: '.ui-month',
      when: async (page: Page) => {
        await page.locator('.ui-month-day[data-date="2025-03-04"]').click();
      },
    }] : []),
  ];

  it.each(pages.map((shown) => [shown.name, shown] as const))('says everything in Vietnamese on the %s page', { timeout: 90_000 }, async (_name, shown) => {
    // given the Vietnamese interface, signed in as who works on the page
    const seed = await seeded();
    const { context, page } = await openAs(shown.user);
    // when the page is shown (and used, where it answers something)
    await page.goto(`${app.url}${shown.path(seed)}`);
    await page.locator(shown.ready).first().waitFor();
    await page.waitForTimeout(1500);
    if (shown.when) await shown.when(page, seed);
    // then none of its strings has an English word
    const hits = check(shown.name, await collectPageStrings(page));
    await page.screenshot({ path: `${screenshots}vietnamese-ui-${shown.name.replace(/\W+/g, '-')}.png`, fullPage: true });
    await context.close();
    expect(hits.join('\n')).toBe('');
  });
});
