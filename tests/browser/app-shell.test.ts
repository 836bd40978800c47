/**
 * The shell's header in a real browser, on a computer (1280 px) and on a phone (360 px): a visitor sees the citizen's
 * pages and a sign-in, never the modeler; signed-in staff see their own workspaces; on a phone the navigation folds
 * behind a menu button and nothing overflows the screen. Screenshots of every page at both widths go to
 * tests/browser/screenshots/shell-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../support/browser-launch';
import { startWorkspaceApp, workspaceFrontEndBuilt, type WorkspaceTestApp } from '../support/browser-workspace-app';
import { seedWorkingDay, type WorkspaceSeed } from '../support/browser-workspace-seed';

const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
const runnable = chromiumAvailable() && workspaceFrontEndBuilt();
if (!runnable) console.log('skipped: no chromium at /usr/bin/chromium or modeler/dist not built (npm run build:modeler)');

const PHONE = { width: 360, height: 740 };
const COMPUTER = { width: 1280, height: 800 };

describe.runIf(runnable)('the navigation of the front end, on a computer and on a phone', () => {
  let app: WorkspaceTestApp;
  let seed: WorkspaceSeed;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    app = await startWorkspaceApp();
    seed = await seedWorkingDay(app);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const open = async (viewport: { width: number; height: number }) => {
    const context = await browser.newContext({ viewport, locale: 'vi-VN', hasTouch: viewport.width < 600 });
    return context.newPage();
  };
  const navLinks = (page: Page) => page.locator('.app-nav a').allTextContents();
  const navPaths = (page: Page) => page.locator('.app-nav a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  /** The widest element of the header against the window: a phone must not scroll sideways. */
  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  const signIn = async (page: Page, username: string) => {
    await page.goto(`${app.url}/sign-in`);
    await page.locator('form.sign-in input[name="username"]').fill(username);
    await page.locator('form.sign-in input[name="password"]').fill(username);
    await page.locator('form.sign-in button[type="submit"]').click();
    await page.locator('.app-user-name').waitFor({ state: 'attached' });
  };

  it('sends a visitor home to the citizen pages, with a sign-in and without the modeler', async () => {
    // given a citizen on a computer, not signed in
    const page = await open(COMPUTER);
    // when they open the address of the site
    await page.goto(`${app.url}/`);
    // then they land on a citizen page, and the navigation offers only the citizen pages and a sign-in
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/(submit|lookup)$/);
    const links = await navLinks(page);
    expect(links).toContain('Tra cứu hồ sơ');
    expect(links).not.toContain('Thiết kế thủ tục');
    expect(links).not.toContain('Hồ sơ cần xử lý');
    expect(await page.locator('.app-sign-in').textContent()).toBe('Đăng nhập');
    expect(await page.locator('.app-menu-button').isVisible()).toBe(false);
    await page.screenshot({ path: `${screenshots}shell-visitor-1280.png` });
    await page.context().close();
  });

  it('folds the navigation of a phone behind a menu button that opens a list of large rows', async () => {
    // given a citizen on a 360 px phone
    const page = await open(PHONE);
    await page.goto(`${app.url}/lookup`);
    await page.locator('.app-menu-button').waitFor();
    // then the header holds the brand and the menu button, and nothing overflows sideways
    expect(await page.locator('.app-nav').isVisible()).toBe(false);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${screenshots}shell-visitor-360.png` });

    // when they tap the menu button
    await page.locator('.app-menu-button').tap();

    // then the citizen pages and the sign-in show as rows a thumb can hit (44 px and more)
    expect(await page.locator('.app-menu-button').getAttribute('aria-expanded')).toBe('true');
    const rows = await page.locator('.app-nav a, .app-sign-in').evaluateAll((links) => links.map((link) => link.getBoundingClientRect().height));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const height of rows) expect(height).toBeGreaterThanOrEqual(44);
    await page.screenshot({ path: `${screenshots}shell-visitor-360-menu.png` });

    // and tapping a row goes there and folds the menu again
    await page.locator('.app-sign-in').tap();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    expect(await page.locator('.app-nav').isVisible()).toBe(false);
    await page.context().close();
  });

  it('shows signed-in staff their own workspaces, and takes them home to the first one', async () => {
    // given an official of the one-stop counter and an analyst
    for (const [username, home, shown, hidden] of [
      ['official.motcua', '/inbox', ['/inbox', '/heatmap'], ['/modeler', '/lookup', '/submit']],
      ['analyst', '/modeler', ['/modeler', '/heatmap'], ['/inbox', '/lookup', '/submit']],
    ] as const) {
      const page = await open(COMPUTER);
      // when they sign in from the header's sign-in
      await signIn(page, username);
      // then they are at their first workspace, and the navigation lists theirs only
      await expect.poll(() => new URL(page.url()).pathname).toBe(home);
      // (by address: a tab may carry a count beside its label, as the inbox's does)
      const links = await navPaths(page);
      for (const path of shown) expect(links).toContain(path);
      for (const path of hidden) expect(links).not.toContain(path);
      // and signing out from the header brings back the visitor's navigation
      await page.locator('.app-sign-out').click();
      await page.locator('.app-sign-in').waitFor();
      expect(await navPaths(page)).not.toContain(shown[0]);
      await page.context().close();
    }
  });

  it('draws every page without sideways scrolling on a phone, and on a computer', { timeout: 240_000 }, async () => {
    // given a head of unit (inbox, dossier, dashboard, heatmap), an analyst (modeler) and a visitor (lookup)
    const pages: { name: string; path: string; user?: string; ready: string }[] = [
      { name: 'lookup', path: '/lookup', ready: 'input[name="code"]' },
      { name: 'sign-in', path: '/sign-in', ready: 'form.sign-in' },
      { name: 'inbox', path: '/inbox', user: 'head.motcua', ready: '.ws-page-body' },
      { name: 'dossier', path: `/inbox/dossiers/${seed.overdue.id}`, user: 'head.motcua', ready: '.ws-page-body' },
      { name: 'dashboard', path: '/dashboard', user: 'head.motcua', ready: '.ws-figure' },
      { name: 'heatmap', path: '/heatmap', user: 'head.motcua', ready: '.ws-heat-canvas[data-ready]' },
      { name: 'modeler', path: '/modeler', user: 'analyst', ready: '.modeler[data-ready="true"]' },
    ];
    const overflowing: string[] = [];
    for (const viewport of [PHONE, COMPUTER]) {
      for (const shown of pages) {
        const page = await open(viewport);
        if (shown.user) await signIn(page, shown.user);
        // when the page is opened
        await page.goto(`${app.url}${shown.path}`);
        await page.locator(shown.ready).first().waitFor();
        await page.waitForTimeout(300);
        // then the header stays within the window
        const header = await page.locator('.app-header').evaluate((element) => element.scrollWidth - element.clientWidth);
        if (header > 0) overflowing.push(`${shown.name} at ${viewport.width} px: header ${header} px too wide`);
        // and so does the page itself, without an error note (a diagram fitted into no width, say)
        const main = await page.locator('.app-main').evaluate((element) => element.scrollWidth - element.clientWidth);
        if (main > 0) overflowing.push(`${shown.name} at ${viewport.width} px: page ${main} px too wide`);
        for (const note of await page.locator('.ws-error').allTextContents()) overflowing.push(`${shown.name} at ${viewport.width} px: ${note}`);
        await page.screenshot({ path: `${screenshots}shell-${shown.name}-${viewport.width}.png` });
        await page.context().close();
      }
    }
    expect(overflowing).toEqual([]);
  });
});
