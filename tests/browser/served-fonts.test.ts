/**
 * Vietnamese drawn right on a machine without Noto fonts (issue 15 item 5): Chromium runs with a fontconfig file that
 * lists only DejaVu and Liberation — a fresh machine — and the front end still draws the page in Noto Sans and monaco
 * in Noto Sans Mono, the fonts it serves itself, with ồ, ẫ, ế each one cell wide in the XML editor. Screenshots:
 * tests/browser/screenshots/fonts-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_PATH, chromiumAvailable } from '../support/browser-launch';
import { startWorkspaceApp, workspaceFrontEndBuilt, type WorkspaceTestApp } from '../support/browser-workspace-app';

const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
const runnable = chromiumAvailable() && workspaceFrontEndBuilt();
if (!runnable) console.log('skipped: no chromium at /usr/bin/chromium or modeler/dist not built (npm run build:modeler)');

/** Letters whose marks a monospace font without Vietnamese positioning pushes out of their cell. */
const LETTERS = 'ồẫếảữặđơưậ';

/** Widths in `font` of each letter against "o", and whether its ink leaves the cell: the letters drawn wrong. */
function misdrawnIn(page: Page, font: string): Promise<string[]> {
  return page.evaluate(
    ([wanted, letters]) => {
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = wanted!;
      const cell = context.measureText('o').width;
      return [...letters!].filter((letter) => {
        const metrics = context.measureText(letter);
        return Math.abs(metrics.width - cell) > 0.05 || metrics.actualBoundingBoxRight > cell + 1.5;
      });
    },
    [font, LETTERS],
  );
}

describe.runIf(runnable)('the fonts the front end serves, on a machine without Noto fonts', () => {
  let app: WorkspaceTestApp;
  let browser: Browser;
  let fontconfig: string;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    app = await startWorkspaceApp();
    // A fresh machine: fontconfig sees DejaVu and Liberation (what Debian's chromium package pulls in), no Noto.
    fontconfig = mkdtempSync(join(tmpdir(), 'lienthong-fontconfig-'));
    writeFileSync(
      join(fontconfig, 'fonts.conf'),
      `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/conf.d</include>
  <dir>/usr/share/fonts/truetype/dejavu</dir>
  <dir>/usr/share/fonts/truetype/liberation</dir>
  <cachedir>${join(fontconfig, 'cache')}</cachedir>
</fontconfig>
`,
    );
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
      env: { ...process.env, FONTCONFIG_FILE: join(fontconfig, 'fonts.conf') },
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    if (fontconfig) rmSync(fontconfig, { recursive: true, force: true });
  });

  it('draws the page in Noto Sans and monaco in Noto Sans Mono, ồ ẫ ế one cell wide, without a system Noto font', { timeout: 90_000 }, async () => {
    // given a browser that has no Noto font of its own: a page without our fonts falls back for "Noto Sans Mono",
    // and the fallback monospace (DejaVu Sans Mono) draws Vietnamese letters out of their cells
    const context = await browser.newContext({ viewport: { width: 1280, height: 2400 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto('about:blank');
    const systemHasNoto = await page.evaluate(() => {
      const context = document.createElement('canvas').getContext('2d')!;
      const width = (font: string) => ((context.font = font), context.measureText('Thủ tục hành chính ồẫế 0123').width);
      return width("16px 'Noto Sans Mono', serif") !== width('16px serif') || width("16px 'Noto Sans', serif") !== width('16px serif');
    });
    expect(systemHasNoto).toBe(false);
    const fallback = await misdrawnIn(page, "13px 'Noto Sans Mono', monospace");
    console.log(`without the served fonts, misdrawn in the fallback monospace: ${fallback.join(' ')}`);
    expect(fallback.length).toBeGreaterThan(0);

    // when an analyst opens the modeler and the XML of a procedure with Vietnamese names
    const token = (await app.call<{ token: string }>(undefined, 'POST', '/api/auth/sign-in', { username: 'analyst', password: 'analyst' })).body.token;
    await context.addInitScript((session) => localStorage.setItem('lienthong.token', session), token);
    await page.goto(`${app.url}/modeler`);
    await page.locator('.modeler[data-ready="true"]').waitFor();
    await page.locator('.modeler-toolbar button[data-action="newFromTemplate"]').click();
    await page.locator('.template-gallery button').first().click(); // the gallery's first template: "Tiếp nhận hồ sơ"
    await page.screenshot({ path: `${screenshots}fonts-modeler-without-system-noto.png` });
    await page.getByRole('tab', { name: 'XML', exact: true }).click();
    const lines = page.locator('.xml-editor .view-lines');
    await expect.poll(async () => (await lines.textContent())?.replace(/\u00a0/g, ' ')).toContain('hồ sơ');

    // then the served fonts are loaded, Vietnamese subsets included
    const served = await page.evaluate(() => ({
      mono: document.fonts.check("16px 'Noto Sans Mono'", 'ồẫế'),
      sans: document.fonts.check("16px 'Noto Sans'", 'Thủ tục hành chính'),
      loaded: [...document.fonts].filter((face) => face.status === 'loaded').map((face) => `${face.family.replace(/["']/g, '')} ${face.weight}`),
      page: getComputedStyle(document.body).fontFamily,
      editor: getComputedStyle(document.querySelector('.xml-editor .view-lines')!).fontFamily,
    }));
    expect(served.mono).toBe(true);
    expect(served.sans).toBe(true);
    expect(served.loaded).toEqual(expect.arrayContaining(['Noto Sans 400', 'Noto Sans Mono 400']));
    expect(served.page).toMatch(/^"?Noto Sans"?,/);
    expect(served.editor).toMatch(/^"?Noto Sans Mono"?,/);
    // and in the editor's font each Vietnamese letter is as wide as "o", its marks inside its cell
    expect(await misdrawnIn(page, `13px ${served.editor}`)).toEqual([]);
    // and monaco drew "hồ sơ" with ồ one cell wide, as it measured the font: the line's letters have equal advances
    const advances = await page.evaluate(() => {
      const line = [...document.querySelectorAll('.xml-editor .view-line')].find((candidate) => candidate.textContent?.includes('hồ'))!;
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf('hồ');
        if (at < 0) continue;
        const range = document.createRange();
        const widthOf = (index: number) => (range.setStart(node, index), range.setEnd(node, index + 1), range.getBoundingClientRect().width);
        return { h: widthOf(at), ồ: widthOf(at + 1), space: widthOf(at + 2), s: widthOf(at + 3), ơ: widthOf(at + 4) };
      }
      return undefined;
    });
    expect(advances).toBeDefined();
    for (const width of Object.values(advances!)) expect(width).toBeCloseTo(advances!.h, 1);
    await page.locator('.xml-editor').screenshot({ path: `${screenshots}fonts-xml-editor-without-system-noto.png` });
    await context.close();
  });
});
