/**
 * Every MIWG reference model (../shared/corpus/bpmn-miwg-test-suite/Reference/) goes through the modeler in a real
 * browser — bpmn-js importXML, then saveXML — and comes back with every element and every DI element it had:
 * the sets of (id, $type) are compared after parsing both documents with bpmn-moddle in Node.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BpmnModdle } from 'bpmn-moddle';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../support/browser-launch';
import { frontEndBuilt, serveTestApp, type ServedTestApp } from './modeler/serve-test-app';
import { modelerPage } from './modeler-page';

const referenceFolder = fileURLToPath(new URL('../../../shared/corpus/bpmn-miwg-test-suite/Reference/', import.meta.url));
const hasCorpus = existsSync(referenceFolder);
const built = frontEndBuilt();
if (!hasCorpus) console.log('skipped: no corpus');
const files = hasCorpus ? readdirSync(referenceFolder).filter((name) => name.endsWith('.bpmn')).sort() : [];

interface Node {
  id?: string;
  $type: string;
  $descriptor?: { properties: { name: string; isReference?: boolean; isAttr?: boolean; type: string; isMany?: boolean }[] };
  [key: string]: unknown;
}

/** `id|$type` of every element with an id, walking containment (not references) from the definitions. */
async function identifiedElements(xml: string): Promise<Set<string>> {
  const { rootElement } = await new BpmnModdle().fromXML(xml);
  const found = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const element = node as Node;
    if (typeof element.$type !== 'string') return;
    if (element.id) found.add(`${element.id}|${element.$type}`);
    for (const property of element.$descriptor?.properties ?? []) {
      if (property.isReference || property.isAttr) continue;
      const value = element[property.name];
      if (Array.isArray(value)) value.forEach(walk);
      else walk(value);
    }
  };
  walk(rootElement);
  return found;
}

describe.runIf(hasCorpus && built && chromiumAvailable())('MIWG reference models through the modeler', () => {
  let server: ServedTestApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await serveTestApp();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${server.url}/modeler`);
    await modelerPage(page).signIn('analyst', 'analyst');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(files)('imports and exports %s with no element or diagram element lost', async (file) => {
    // given a reference model
    const original = readFileSync(`${referenceFolder}${file}`, 'utf8');
    // when the modeler imports it and saves it again
    const exported = await page.evaluate(async (xml) => {
      const modeler = window.lienthongModeler!;
      await modeler.importXML(xml);
      return (await modeler.saveXML({ format: true })).xml ?? '';
    }, original);
    // then every (id, type) of the original is still there
    const before = await identifiedElements(original);
    const after = await identifiedElements(exported);
    const lost = [...before].filter((key) => !after.has(key));
    expect(lost).toEqual([]);
    expect(before.size).toBeGreaterThan(0);
  });
});
