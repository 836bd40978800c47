/**
 * @module render-diagrams — draws every library model with bpmn-js's NavigatedViewer in headless Chromium and
 * saves `procedures/<slug>/<slug>.png`, so an analyst sees the route in the README and a layout slip shows.
 * Run: `npx tsx procedures/tools/render-diagrams.ts [slug…]` (Chromium at /usr/bin/chromium or $CHROMIUM_PATH).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const proceduresDir = join(root, 'procedures');
const viewerScript = join(root, 'node_modules', 'bpmn-js', 'dist', 'bpmn-navigated-viewer.production.min.js');
const assets = join(root, 'node_modules', 'bpmn-js', 'dist', 'assets');

const wanted = process.argv.slice(2);
const slugs = readdirSync(proceduresDir)
  .filter((slug) => existsSync(join(proceduresDir, slug, `${slug}.bpmn`)))
  .filter((slug) => wanted.length === 0 || wanted.includes(slug))
  .sort();

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  for (const slug of slugs) {
    const page = await browser.newPage({ viewport: { width: 2400, height: 1400 } });
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8">
      <link rel="stylesheet" href="${pathToFileURL(join(assets, 'diagram-js.css')).href}">
      <link rel="stylesheet" href="${pathToFileURL(join(assets, 'bpmn-js.css')).href}">
      <style>html,body,#canvas{margin:0;width:100%;height:100%;background:#fff}</style></head>
      <body><div id="canvas"></div></body></html>`);
    await page.addScriptTag({ path: viewerScript });
    const xml = readFileSync(join(proceduresDir, slug, `${slug}.bpmn`), 'utf8');
    const size = await page.evaluate(async (text) => {
      const Viewer = (window as unknown as { BpmnJS: new (options: { container: string }) => BpmnViewer }).BpmnJS;
      const viewer = new Viewer({ container: '#canvas' });
      const { warnings } = await viewer.importXML(text);
      const canvas = viewer.get('canvas');
      const box = canvas.viewbox().inner;
      return { width: Math.ceil(box.width + box.x + 40), height: Math.ceil(box.height + box.y + 40), warnings: warnings.length };
    }, xml);
    await page.setViewportSize({ width: Math.max(800, size.width), height: Math.max(400, size.height) });
    await page.screenshot({ path: join(proceduresDir, slug, `${slug}.png`), fullPage: true });
    console.log(`rendered procedures/${slug}/${slug}.png (${size.width}×${size.height}, ${size.warnings} import warnings)`);
    await page.close();
  }
} finally {
  await browser.close();
}

interface BpmnViewer {
  importXML(xml: string): Promise<{ warnings: unknown[] }>;
  get(name: 'canvas'): { viewbox(): { inner: { x: number; y: number; width: number; height: number } } };
}
